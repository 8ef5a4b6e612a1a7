"""``lchd-assess demo``: each pipeline stage adds a step to :data:`STEPS`."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..core.findings import ExitCode
from ..core.outputs import write_atomic
from ..core.safe_output import OutputGuard
from ..formats.bundle import bundle_json
from ..formats.score_output import to_json
from ..load.framework import load_framework
from .checklist_render import demo_step
from .portfolio import render_portfolio, write_portfolio
from .report import (
    default_guidance,
    load_partnership_scores,
    report_framework_info,
    render_report,
    write_report,
)
from .score import example_folders, score_partnership
from .site import build_site
from .validate import validate_paths


def _validate(out: Path) -> tuple[int, str]:
    report = validate_paths().report
    if not report.ok:
        return int(report.exit_code), report.format_text()
    return 0, f"validated {len(report.checked)} files: no findings"


def _bundle(out: Path) -> tuple[int, str]:
    fw = load_framework()
    path = write_atomic(out / "framework-bundle.json", bundle_json(fw))
    return 0, f"wrote {path} (framework {fw.version})"


def _checklist(out: Path) -> tuple[int, str]:
    return demo_step(out / "checklist")


def _score(out: Path) -> tuple[int, str]:
    lines = []
    for folder in example_folders():
        result = score_partnership(folder)
        path = write_atomic(out / "scores" / f"{result.partnership.id}.json", to_json(result))
        overall = result.elements[-1]
        lines.append(
            f"scored {result.partnership.id} wave {result.wave}: {result.n_respondents} respondents, overall {overall.score} ({overall.level_label}) → {path}"
        )
    if not lines:
        return 1, "no example partnerships in assessments/examples/"
    return 0, "\n".join(lines)


def _site(out: Path) -> tuple[int, str]:
    # pages generated beside the output, so the demo never rewrites the repository's docs/
    src = out / "site-src"
    site, changed, result = build_site(out / "site", docs_dir=src / "docs", config_path=src / "mkdocs.yml")
    if not result.ok:
        return 1, "site build failed:\n" + "\n".join(result.warnings or result.log.splitlines()[-5:])
    pages = "pages up to date" if site is None else f"{len(site.pages)} pages generated"
    # and a copy to open straight from disk (file://): links name page.html and folder/index.html,
    # so a click never lands on a raw folder listing
    _s, _c, offline = build_site(out / "site-offline", file_urls=True)
    if not offline.ok:
        return 1, "site build (--file-urls) failed:\n" + "\n".join(offline.warnings or offline.log.splitlines()[-5:])
    return 0, (
        f"built the documentation site into {out / 'site'} ({pages}; mkdocs --strict: no warnings); preview with `lchd-assess site serve`; "
        f"a copy to open from disk: {(out / 'site-offline' / 'index.html').as_uri() if out.is_absolute() else out / 'site-offline' / 'index.html'}"
    )


def _reports(out: Path) -> tuple[int, str]:
    """A report for every example partnership and a portfolio of them all (build/demo/reports/)."""
    fw = report_framework_info()
    guidance = default_guidance()
    lines, scores = [], []
    for folder in example_folders():
        score, roster = load_partnership_scores(folder)
        paths = write_report(out / "reports" / score.partnership.id, render_report(score, fw, guidance, roster))
        scores.append(score)
        lines.append(f"report for {score.partnership.id} wave {score.wave} → {paths[0].parent}/")
    if not scores:
        return 1, "no example partnerships in assessments/examples/"
    paths = write_portfolio(out / "reports" / "portfolio", render_portfolio(scores, fw))
    lines.append(f"portfolio of {len(scores)} partnerships → {paths[0].parent}/")
    return 0, "\n".join(lines)


#: (name, step). A step returns (exit code, one line or more to print).
STEPS: list[tuple[str, Callable[[Path], tuple[int, str]]]] = [
    ("validate", _validate),
    ("bundle", _bundle),
    ("score", _score),
    ("checklist", _checklist),
    ("site", _site),
    ("reports", _reports),
]


def run_demo(out: Path, force: bool = False) -> int:
    # the demo's folder is claimed up front (new, empty, or an earlier demo's): every step
    # writes inside it, and a rerun replaces only the demo's own files
    OutputGuard(force=force).folder(out).write({})
    for name, step in STEPS:
        code, message = step(out)
        print(f"[{name}] {message}")
        if code:
            print(f"demo stopped at step '{name}'")
            return code
    print(f"demo finished: outputs in {out}")
    return int(ExitCode.OK)
