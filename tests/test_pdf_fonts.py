"""Every PDF is drawn with the shipped font family, so it is the same on every machine.

A PDF embeds subsets of the font files it was drawn with; with system fonts, the same report
differed from machine to machine.  The package ships Lato (OFL) and the PDF wrapper declares it
with @font-face (lchd_assess/render/fonts.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from lchd_assess.cli import run
from lchd_assess.render import fonts
from lchd_assess.render.pdf import ASSETS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "assessments" / "examples" / "harbour-city-family-network"
FONTS = fonts.fonts_dir(ASSETS)
#: The one system font folder the other-fonts check lets fontconfig see (Debian fonts-liberation,
#: installed by scripts/setup.sh); with no system fonts at all Pango cannot start.
OTHER_FONTS = Path("/usr/share/fonts/truetype/liberation")


def embedded_fonts(pdf: Path) -> set[str]:
    """Base names of the fonts a PDF embeds (subset prefixes removed), pages and form XObjects."""
    names: set[str] = set()

    def collect(resources) -> None:  # noqa: ANN001
        if not resources:
            return
        for ref in (resources.get("/Font") or {}).values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
        for ref in (resources.get("/XObject") or {}).values():
            collect(ref.get_object().get("/Resources"))

    for page in PdfReader(pdf).pages:
        collect(page.get("/Resources"))
    return names


@pytest.fixture(scope="module")
def pdfs(demo_run, tmp_path_factory) -> dict[str, Path]:
    """One PDF of each kind the toolkit draws: the report (this example's), the portfolio and
    the example checklist from the session's demo run (the same commands' use cases), and the
    paper questionnaire, which the demo does not make."""
    _result, _copy, demo_out, _builds = demo_run
    out = tmp_path_factory.mktemp("pdfs")
    assert run(["questionnaire", "--format", "pdf", "--out", str(out / "questionnaire")]) == 0
    found = {
        "report": demo_out / "reports" / EXAMPLE.name / "report.pdf",
        "portfolio": demo_out / "reports" / "portfolio" / "portfolio.pdf",
        "checklist": demo_out / "checklist" / "checklist.pdf",
        **{p.parent.name: p for p in out.rglob("*.pdf")},
    }
    assert sorted(found) == ["checklist", "portfolio", "questionnaire", "report"]
    assert all(p.is_file() for p in found.values()), found
    return found


def test_every_pdf_embeds_only_the_shipped_family(pdfs):
    for name, pdf in sorted(pdfs.items()):
        got = embedded_fonts(pdf)
        assert got and all(f.startswith(fonts.FAMILY.replace(" ", "-")) for f in got), (
            f"{name}.pdf embeds {sorted(got)}"
        )


def test_the_shipped_family_has_every_character_the_toolkit_writes():
    from fontTools.ttLib import TTFont

    chars: set[str] = set()
    for folder in ("framework", "assessments", "lchd_assess/templates"):
        for p in (ROOT / folder).rglob("*"):
            if p.is_file() and p.suffix in {".yaml", ".html", ".j2", ".md", ".csv"}:
                chars |= {c for c in p.read_text(encoding="utf-8") if ord(c) > 127}
    # characters that appear only as input placeholders a user may type, never drawn by us
    chars -= {"✓", "✔"}
    chars |= set("áéíóúüñ¿¡àâçèêëîïôùûœÀÉÇŒ«»")  # Spanish and French
    for name, _weight, _style in fonts.FACES:
        cmap = TTFont(FONTS / name).getBestCmap()
        missing = sorted(c for c in chars if ord(c) not in cmap)
        assert not missing, f"{name} lacks " + ", ".join(
            f"{c} U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing
        )


def test_the_font_files_are_the_ones_the_provenance_note_names():
    note = (FONTS / "README.txt").read_text(encoding="utf-8")
    sums = dict((name, digest) for digest, name in re.findall(r"^\s+([0-9a-f]{64})\s+(\S+\.ttf)$", note, re.M))
    assert sorted(sums) == sorted(name for name, _w, _s in fonts.FACES)
    for name, digest in sums.items():
        assert hashlib.sha256((FONTS / name).read_bytes()).hexdigest() == digest, name
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text(encoding="utf-8")


def _render_report(out: Path, env: dict[str, str]) -> bytes:
    cmd = [sys.executable, "-m", "lchd_assess", "report", str(EXAMPLE), "--out", str(out), "--quiet"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return (out / "report.pdf").read_bytes()


def test_a_report_is_byte_identical_when_the_machine_has_other_fonts(pdfs, tmp_path):
    if not OTHER_FONTS.is_dir():
        pytest.fail(f"{OTHER_FONTS} is missing: run `bash scripts/setup.sh` (it installs Debian's fonts-liberation)")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{OTHER_FONTS}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    # the same report with the machine's own fonts was drawn by the session's demo run (in
    # process, same bytes as a fresh process: tests/test_report_render.py and the CLI tests
    # check determinism)
    normal = pdfs["report"].read_bytes()
    other = _render_report(tmp_path / "other", {**env, "FONTCONFIG_FILE": str(conf)})
    assert normal == other, "the report PDF depends on the machine's fonts"
    assert embedded_fonts(tmp_path / "other" / "report.pdf") == embedded_fonts(pdfs["report"])
