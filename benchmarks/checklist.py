"""Checklist tools: time to check and to render the example checklist (prints its figures)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from lchd_assess.app.checklist_render import DEMO_PARTNERSHIP, render
from lchd_assess.check.checklist import check_file
from lchd_assess.load.framework import load_standard
from lchd_assess.core.paths import repo_root


def main() -> None:
    std = load_standard()
    example = repo_root() / DEMO_PARTNERSHIP / "reporting-checklist.yaml"
    t = time.perf_counter()
    for _ in range(50):
        check_file(example, std)
    check_ms = (time.perf_counter() - t) / 50 * 1000
    with tempfile.TemporaryDirectory() as d:
        t = time.perf_counter()
        result = render(example, Path(d), std)
        render_s = time.perf_counter() - t
        pdf_kb = (Path(d) / "checklist.pdf").stat().st_size / 1024
    assert result.written
    print(f"items: {len(std.items())}")
    print(f"check: {check_ms:.1f} ms per checklist (mean of 50)")
    print(f"render HTML+Markdown+PDF (PDF/UA-1): {render_s:.2f} s, PDF {pdf_kb:.0f} KiB")


if __name__ == "__main__":
    main()
