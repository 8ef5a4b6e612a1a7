"""Author and funder tooling: blank checklist, checker, renderer and write-up template."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from golden_files import assert_golden

from lchd_assess.formats import checklist as cl
from lchd_assess.app import checklist_render as cr
from lchd_assess.check.checklist import check_file
from lchd_assess.context.checklist import build_context
from lchd_assess.render import checklist as rc
from lchd_assess.render.checklist import pdf_meta, render_html
from lchd_assess.site.standard import checklist_downloads
from lchd_assess.load.standard import site_overview
from lchd_assess.load.checklist import CHECKLIST
from lchd_assess.load.documents import load_document
from lchd_assess.load.framework import load_standard

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assessments/examples/harbour-city-family-network/reporting-checklist.yaml"
)
GOLDEN = Path(__file__).resolve().parent / "golden/checklist/harbour-city-family-network"


@pytest.fixture(scope="module")
def std():
    return load_standard()


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text, old
    out = tmp_path / "checklist.yaml"
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


# -- new ----------------------------------------------------------------------------------------


def test_new_writes_a_blank_checklist_that_loads_and_lists_every_item_as_unanswered(cli, tmp_path, std):
    out = tmp_path / "my-checklist.yaml"
    r = cli("checklist", "new", "--out", str(out))
    assert r.returncode == 0, r.stderr
    doc = load_document(out, CHECKLIST)
    assert doc.findings == [] and set(doc.model.items) == {i.id for i in std.items()}
    r = cli("checklist", "check", "--format", "json", str(out))
    assert r.returncode == 1
    data = json.loads(r.stdout)
    codes = [f["code"] for f in data["findings"]]
    assert codes == ["checklist-title-missing"] + ["checklist-item-unanswered"] * len(std.items())
    assert all(f["line"] for f in data["findings"])


def test_blank_checklist_shows_each_items_number_title_and_text_as_comments_above_it(std):
    lines = cl.blank_checklist(std).splitlines()
    for item in std.items():
        i = lines.index(f"  {item.id}:")
        above = "\n".join(lines[max(0, i - 8) : i])
        assert f"# {item.number}. {item.title}  [{item.tier};" in above, item.id
        assert " ".join(item.what_to_report.split()[:4]) in " ".join(
            re.sub(r"^\s*#\s*", "", line) for line in lines[max(0, i - 8) : i]
        ), item.id
        assert lines[i + 1 : i + 3] == ['    reported_at: ""', '    not_done: ""']


def test_new_does_not_overwrite_an_existing_file_without_force(cli, tmp_path):
    out = tmp_path / "c.yaml"
    out.write_text("keep me", encoding="utf-8")
    r = cli("checklist", "new", "--out", str(out))
    assert r.returncode == 2 and "--force" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert out.read_text() == "keep me"


# -- check ------------------------------------------------------------------------------------


def test_the_filled_example_checklist_is_complete(cli):
    r = cli("checklist", "check", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("OK:")


def test_check_json_output_equals_the_library_report(cli, std):
    r = cli("checklist", "check", "--format", "json", str(EXAMPLE))
    assert json.loads(r.stdout) == json.loads(
        json.dumps(check_file(EXAMPLE, std, display=json.loads(r.stdout)["checked"][0]).to_dict())
    )


BROKEN = [
    # (case, old text, new text, expected codes)
    (
        "missing-item",
        '  RS-governance:\n    reported_at: "Methods, Governance; Supplement A (charter)"\n    not_done: ""\n',
        "",
        ["checklist-item-missing"],
    ),
    ("unanswered", '"Methods, Governance; Supplement A (charter)"', '""', ["checklist-item-unanswered"]),
    ("bad-id", "  RS-governance:", "  RS-goverance:", ["checklist-item-missing", "checklist-unknown-item"]),
    ("wrong-version", "standard_version: 1.1.0", "standard_version: 0.9.0", ["checklist-version-mismatch"]),
    (
        "na-not-allowed",
        'reported_at: "Methods, Partners; Table 1"\n    not_done: ""',
        'reported_at: ""\n    not_done: "N/A: we are a small network"',
        ["checklist-na-not-allowed"],
    ),
    (
        "na-without-reason",
        'reported_at: "Results, Equity, para 3; Supplement C"\n    not_done: ""',
        'reported_at: ""\n    not_done: "n/a"',
        ["checklist-na-without-reason"],
    ),
    (
        "both-filled",
        'reported_at: "Title page"\n    not_done: ""',
        'reported_at: "Title page"\n    not_done: "partly"',
        ["checklist-both-filled"],
    ),
    ("placeholder", 'reported_at: "Title page"', 'reported_at: "yes"', ["checklist-placeholder"]),
    ("wrong-standard", "standard: lchd-csp-reporting", "standard: squire-2", ["checklist-wrong-standard"]),
    (
        "unknown-field",
        'reported_at: "Title page"\n    not_done: ""',
        'reported_at: "Title page"\n    not_done: ""\n    page: 3',
        ["schema-unknown-field"],
    ),
    (
        "null-entry",
        '  RS-title:\n    reported_at: "Title page"\n    not_done: ""\n',
        "  RS-title:\n",
        ["checklist-item-unanswered"],
    ),
]


@pytest.mark.parametrize("case, old, new, codes", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_checklist_yields_exactly_its_findings_with_exit_1(cli, tmp_path, case, old, new, codes):
    path = _variant(tmp_path, old, new)
    r = cli("checklist", "check", "--format", "json", str(path))
    data = json.loads(r.stdout)
    assert sorted({f["code"] for f in data["findings"]}) == codes, data
    assert r.returncode == 1
    for f in data["findings"]:
        assert f["line"], f
        assert "Traceback" not in f["message"]


def test_an_unknown_id_gets_the_closest_real_id_as_a_suggestion(tmp_path, std):
    report = check_file(_variant(tmp_path, "  RS-governance:", "  RS-goverance:"), std)
    msg = next(f.message for f in report.findings if f.code == "checklist-unknown-item")
    assert "did you mean 'RS-governance'" in msg


def test_validate_applies_the_same_checklist_checks(cli, tmp_path):
    path = _variant(tmp_path, 'reported_at: "Title page"', 'reported_at: ""')
    r = cli("validate", "--format", "json", str(path))
    assert r.returncode == 1
    assert [f["code"] for f in json.loads(r.stdout)["findings"]] == ["checklist-item-unanswered"]


def test_a_missing_file_is_one_line_and_exit_2(cli, tmp_path):
    r = cli("checklist", "check", str(tmp_path / "nope.yaml"))
    assert r.returncode == 2 and "file-not-found" in r.stderr


def _bumped_framework(root: Path, tmp_path: Path) -> Path:
    """A copy of the framework whose standard is one version newer (1.2.0) and adds one item."""
    fw = tmp_path / "framework"
    shutil.copytree(root / "framework", fw)
    p = fw / "reporting-standard.yaml"
    text = p.read_text(encoding="utf-8").replace("version: 1.1.0\nrelease_date", "version: 1.2.0\nrelease_date", 1)
    text = text.replace(
        "changelog:\n",
        'changelog:\n  - version: 1.2.0\n    date: "2027-01-01"\n    changes: [Added an item on workforce.]\n    added: [RS-workforce]\n',
        1,
    )
    new_item = """      - id: RS-workforce
        number: "34"
        title: Workforce
        domain: composition
        tier: extended
        na_allowed: false
        what_to_report: Describe the staff roles created or changed across partners.
        prompts: ["Which roles were created?"]
        why: {text: Roles carry the work., serves: [FS2]}
        example: "Illustrative: two community health workers."
        version_added: 1.2.0
"""
    p.write_text(text.rstrip("\n") + "\n" + new_item, encoding="utf-8")
    return fw


def test_a_checklist_for_an_older_version_says_what_changed(cli, root, tmp_path):
    fw = _bumped_framework(root, tmp_path)
    r = cli("checklist", "check", "--framework", str(fw), "--format", "json", str(EXAMPLE))
    assert r.returncode == 1, r.stderr
    found = {f["code"]: f["message"] for f in json.loads(r.stdout)["findings"]}
    assert set(found) == {"checklist-version-mismatch", "checklist-item-missing"}
    assert (
        "1.1.0" in found["checklist-version-mismatch"]
        and "1.2.0: added RS-workforce" in found["checklist-version-mismatch"]
    )
    r = cli("checklist", "render", "--framework", str(fw), "--draft", str(EXAMPLE), "--out", str(tmp_path / "out"))
    assert r.returncode == 1 and not (tmp_path / "out").exists()


# -- render -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered_example(tmp_path_factory) -> Path:
    """The example checklist rendered once by the command (HTML, Markdown, PDF), for the tests
    that read it; a test that needs a second render makes its own."""
    from conftest import run_cli_in_process

    out = tmp_path_factory.mktemp("rendered") / "out"
    r = run_cli_in_process("checklist", "render", str(EXAMPLE), "--out", str(out))
    assert r.returncode == 0, r.stderr
    return out


def test_render_writes_html_pdf_and_markdown_equal_to_the_golden_files(rendered_example, update_golden):
    out = rendered_example
    for name in ("checklist.html", "checklist.md"):
        assert_golden((out / name).read_text(encoding="utf-8"), GOLDEN / name, name, update_golden)
    from pypdf import PdfReader

    pdf = PdfReader(str(out / "checklist.pdf"))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "version 1.0.0" in text and "Cite the standard" in text and "Harbour City" in text
    assert pdf.metadata.title.startswith("Reporting checklist:") and pdf.metadata.author
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged (PDF/UA-1)


def test_rendering_twice_gives_byte_identical_html_markdown_and_pdf(std, rendered_example, tmp_path):
    # the module's render (by the command) and a second, fresh one
    b = cr.render(EXAMPLE, tmp_path / "b", std)
    for name in ("checklist.html", "checklist.md", "checklist.pdf"):
        assert (rendered_example / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert b.written


def test_an_incomplete_checklist_is_refused_unless_draft_and_then_marked_on_every_page(cli, tmp_path):
    path = _variant(tmp_path, 'reported_at: "Title page"', 'reported_at: ""')
    out = tmp_path / "out"
    r = cli("checklist", "render", str(path), "--out", str(out))
    assert r.returncode == 1 and "--draft" in r.stderr and not out.exists()
    r = cli("checklist", "render", "--draft", str(path), "--out", str(out))
    assert r.returncode == 0, r.stderr
    html = (out / "checklist.html").read_text(encoding="utf-8")
    assert "Draft: this checklist is incomplete" in html and "Not yet answered" in html and "@top-center" in html
    assert "Draft" in (out / "checklist.md").read_text(encoding="utf-8")


def test_answers_are_escaped_in_html_and_markdown(std, tmp_path):
    path = _variant(tmp_path, 'reported_at: "Title page"', 'reported_at: "<script>alert(1)</script> | *x*"')
    cr.render(path, tmp_path / "out", std)
    html = (tmp_path / "out/checklist.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = (tmp_path / "out/checklist.md").read_text(encoding="utf-8")
    assert "\\<script\\>" in md and "\\| \\*x\\*" in md


def test_the_pdf_renderer_refuses_files_and_urls_outside_the_packages_assets():
    from lchd_assess.render.pdf import RenderError, render_pdf

    meta = {"title": "t", "author": "a", "description": "s", "keywords": ["k"]}
    for src in ("file:///etc/hostname", "http://127.0.0.1:9/x.png"):
        with pytest.raises(RenderError, match="may not load"):
            render_pdf(f'<html lang="en"><title>t</title><img src="{src}" alt="x"></html>', **meta)
    assert render_pdf(
        '<html lang="en"><title>t</title><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="x"></html>', **meta
    ).startswith(b"%PDF")


def test_blank_downloads_for_the_site(std):
    text = cl.blank_checklist_yaml(std)
    assert cl.SCHEMA_URL in text.splitlines()[0]
    pdf = rc.blank_checklist_pdf(std)
    assert pdf.startswith(b"%PDF")
    html = rc.blank_checklist_html(std)
    assert "Blank checklist" in html and "Items reported" not in html
    files = checklist_downloads(text, pdf)
    assert {f"reporting-standard/{n}" for n in files} == set(site_overview(std)["downloads"].values())
    assert files["checklist.yaml"].decode() == text and files["checklist.pdf"] == pdf


# -- template ---------------------------------------------------------------------------------


def test_template_has_every_section_item_and_prompt(cli, tmp_path, std):
    out = tmp_path / "writeup.md"
    r = cli("checklist", "template", "--out", str(out))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    for s in std.model.sections:
        assert f"## {s.title}" in text
    for i in std.items():
        assert f"### {i.number}. " in text, i.id
    assert "Pre-filled" not in text


def test_template_prefills_composition_and_self_assessment_from_a_partnership_folder(cli, root, tmp_path):
    folder = root / "assessments/examples/harbour-city-family-network"
    out = tmp_path / "writeup.md"
    r = cli("checklist", "template", "--out", str(out), "--partnership", str(folder))
    assert r.returncode == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    roster = text.split("### 8a.")[1].split("### 8b.")[0]
    assert "| Housing | 1 | Harbour Housing Trust |" in roster and "| Health care | 2 |" in roster
    outcomes = text.split("### 19b.")[1].split("### 20.")[0]
    assert "Pre-filled from the self-assessment" in outcomes and "| P4 Equity in praxis and outcomes |" in outcomes
    assert "Change since wave 2025-baseline" in outcomes


def test_template_with_a_missing_partnership_folder_is_one_line_and_exit_2(cli, tmp_path):
    r = cli("checklist", "template", "--out", str(tmp_path / "w.md"), "--partnership", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "w.md").exists()


def test_a_core_checklist_asks_only_for_the_core_items_and_checks_extended_ones_when_added(cli, tmp_path, std):
    out = tmp_path / "core.yaml"
    assert cli("checklist", "new", "--core", "--out", str(out)).returncode == 0
    doc = load_document(out, CHECKLIST)
    core = {i.id for i in std.items() if i.tier == "core"}
    assert doc.model.scope == "core" and set(doc.model.items) == core and 0 < len(core) < len(std.items())
    report = check_file(out, std)
    items = [f for f in report.findings if f.path[0] == "items"]
    assert {f.path[1] for f in items} == core and report.codes() == [
        "checklist-item-unanswered",
        "checklist-title-missing",
    ]
    filled = (
        out.read_text(encoding="utf-8")
        .replace('reported_at: ""', 'reported_at: "Methods"')
        .replace('title: ""', 'title: "Our report"')
    )
    extended = next(i for i in std.items() if i.tier == "extended")
    (tmp_path / "f.yaml").write_text(
        filled + f'  {extended.id}:\n    reported_at: ""\n    not_done: "N/A: we did not"\n', encoding="utf-8"
    )
    codes = check_file(tmp_path / "f.yaml", std).codes()
    assert codes == ([] if extended.na_allowed else ["checklist-na-not-allowed"])


def test_the_cached_blank_checklist_pdf_is_the_same_bytes_as_a_fresh_render(tmp_path):
    from lchd_assess.render import pdf
    from lchd_assess.load.framework import load_standard

    std = load_standard()
    ctx = build_context(std, None, "blank")
    html, meta = render_html(ctx), pdf_meta(ctx)
    fresh = pdf.render_pdf(html, **meta)
    first = pdf.render_pdf_cached(html, tmp_path, **meta)
    (entry,) = list(tmp_path.glob("*.pdf"))
    assert fresh == first == entry.read_bytes()
    # the second call is served from the entry, not rendered again
    entry.write_bytes(b"%PDF-sentinel")
    assert pdf.render_pdf_cached(html, tmp_path, **meta) == b"%PDF-sentinel"
    # a different input is a different entry, never a stale hit
    pdf.render_pdf_cached(html.replace("</body>", "<p>x</p></body>"), tmp_path, **meta)
    assert len(list(tmp_path.glob("*.pdf"))) == 2
