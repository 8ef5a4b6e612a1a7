"""The questionnaire as a page, a paper form and a workbook; the same answers entered three ways."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import markupsafe
import openpyxl
import pypdf
import pytest

from lchd_assess.app.collect import collect
from lchd_assess.load.instrument import load_assessment
from lchd_assess.load.partnership import load_partnership
from lchd_assess.app.questionnaire import write_questionnaire
from lchd_assess.render.questionnaire import render_html
from lchd_assess.app.score import score_partnership

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "assessments" / "examples" / "riverbend-neighbourhood-collaborative"
INST = load_assessment().instrument
IDS = INST.item_ids()
WAVE = "2026-spring"


def test_the_page_is_self_contained_deterministic_and_under_300_kb():
    p = load_partnership(EXAMPLE)
    html = render_html(INST, p, WAVE)
    assert html == render_html(INST, p, WAVE)
    assert len(html.encode()) < 300 * 1024
    # Nothing to fetch: no src/href to another place, no url(), no @import.
    assert not re.search(r'(src|href)="(?!#)', html)
    assert "url(" not in html and "@import" not in html
    assert "default-src 'none'" in html


def test_the_page_offers_the_roster_sectors_and_every_item_with_its_anchors():
    p = load_partnership(EXAMPLE)
    html = render_html(INST, p, WAVE)
    offered = re.findall(r'<option value="([a-z-]+)">', html)
    roster = p.roster_sectors() | {s.id for s in INST.sectors if s.group == INST.group_of(INST.resident_sector)}
    assert set(offered) == roster | {r.id for r in INST.roles}
    for item in INST.active_items():
        assert html.count(f'name="{item.id}" value=') == 7, item.id
        for anchor in item.anchors:
            assert str(markupsafe.escape(anchor.strip())) in html


def _normalise(text: str) -> str:
    # Without any spaces: PDF text extraction splits words at kerning ("¿T odos").
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


def test_the_paper_form_prints_every_question_once_with_boxes_and_version(tmp_path):
    pdf = write_questionnaire(tmp_path, "pdf", EXAMPLE, WAVE)
    reader = pypdf.PdfReader(str(pdf))
    pages = [_normalise(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    for item in INST.active_items():
        assert text.count(_normalise(item.stem)) == 1, item.id
    assert all(f"Version{INST.version}" in page and f"/{len(pages)}" in page for page in pages)
    assert "Yourrespondentcode" in pages[0] and "tickone" in pages[0]
    assert text.count("DK·Don'tknow") == len(IDS)


def test_the_workbook_has_a_dropdown_on_every_answer_sector_and_role_cell(tmp_path):
    path = write_questionnaire(tmp_path, "xlsx", EXAMPLE, WAVE)
    wb = openpyxl.load_workbook(path)
    ws = wb["Answers"]
    header = [c.value for c in ws[1]]
    assert header == ["respondent_id", "sector", "role", *IDS]
    rules = sorted(
        (str(dv.sqref), dv.type, dv.formula1, dv.errorStyle, dv.showErrorMessage)
        for dv in ws.data_validations.dataValidation
    )
    last = openpyxl.utils.get_column_letter(len(header))
    sectors = load_partnership(EXAMPLE).roster_sectors() | {
        s.id for s in INST.sectors if s.group == INST.group_of(INST.resident_sector)
    }
    assert rules == [
        ("B2:B301", "list", f"lchd!$D$2:$D${len(sectors) + 1}", "stop", True),
        ("C2:C301", "list", f"lchd!$E$2:$E${len(INST.roles) + 1}", "stop", True),
        (f"D2:{last}301", "list", '"0,1,2,3,4,DK,NA"', "stop", True),
    ]
    meta = wb["lchd"]
    assert meta.sheet_state == "hidden"
    assert [[c.value for c in row] for row in meta.iter_rows(max_col=2, max_row=5)] == [
        ["format", "lchd-workbook"],
        ["format_version", 1],
        ["instrument", INST.id],
        ["instrument_version", INST.version],
        ["wave", WAVE],
    ]
    assert {meta.cell(row=n, column=4).value for n in range(2, len(sectors) + 2)} == sectors
    assert INST.active_items()[0].stem in ws["D1"].comment.text
    assert write_questionnaire(tmp_path / "again", "xlsx", EXAMPLE, WAVE).read_bytes() == path.read_bytes()


def test_a_workbook_with_its_validation_removed_and_text_typed_in_is_refused_cell_by_cell(tmp_path, folder):
    path = write_questionnaire(tmp_path, "xlsx", EXAMPLE, WAVE)
    wb = openpyxl.load_workbook(path)
    ws = wb["Answers"]
    ws.data_validations.dataValidation = []
    ws.append(["W01", "education", "staff", "three", *[2] * (len(IDS) - 1)])
    wb.save(path)
    result = collect(folder, [path], WAVE)
    (f,) = result.sources[0].findings
    assert (f.code, f.line, f.column) == ("responses-bad-value", 2, 4)
    assert f.message.startswith("cell D2: 'three' in P1.Q1")
    assert result.added == 0


ROWS = [
    ("KQ7M-2ZP4", "resident-family", "resident-family-member", lambda n: ["3", "DK", "2", "4", "NA", "1"][n % 6]),
    ("HT3V-9WRA", "health-care", "staff", lambda n: str((n * 3) % 5)),
    ("BB5C-6NME", "backbone", "leadership", lambda n: "" if n % 9 == 0 else str(2 + n % 3)),
    ("CC2D-4FGH", "community-organisation", "staff", lambda n: str(n % 4)),
    ("ED8E-3JKL", "education", "staff", lambda n: "DK" if n % 4 == 0 else "3"),
]


@pytest.fixture()
def folder(tmp_path):
    d = tmp_path / "riverbend"
    shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("responses"))
    return d


def _by_json(folder: Path, tmp: Path) -> list[Path]:
    out = []
    for rid, sector, role, value in ROWS:
        answers = {i: (int(value(n)) if value(n).isdigit() else value(n)) for n, i in enumerate(IDS) if value(n)}
        doc = {
            "format": "lchd-answers",
            "format_version": 1,
            "instrument": INST.id,
            "instrument_version": INST.version,
            "wave": WAVE,
            "language": "en",
            "respondent_id": rid,
            "sector": sector,
            "role": role,
            "answers": answers,
            "comments": {},
        }
        p = tmp / f"{rid}.json"
        p.write_text(json.dumps(doc))
        out.append(p)
    return out


def _by_csv(folder: Path, tmp: Path) -> list[Path]:
    # As European Excel saves it: semicolons, 4,0-style numbers, N/A typed by hand.
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(["Timestamp", "respondent_id", "sector", "role", *IDS])
    for rid, sector, role, value in ROWS:
        w.writerow(
            [
                "01/03/2026",
                rid,
                sector,
                role,
                *[
                    {"NA": "N/A", "DK": "Don't know"}.get(value(n), value(n) + ",0" if value(n) else "")
                    for n in range(len(IDS))
                ],
            ]
        )
    p = tmp / "typed.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    return [p]


def _by_workbook(folder: Path, tmp: Path) -> list[Path]:
    path = write_questionnaire(tmp / "wb", "xlsx", folder, WAVE)
    wb = openpyxl.load_workbook(path)
    ws = wb["Answers"]
    for rid, sector, role, value in ROWS:
        ws.append(
            [rid, sector, role, *[(int(value(n)) if value(n).isdigit() else value(n) or None) for n in range(len(IDS))]]
        )
    wb.save(path)
    return [path]


def test_the_same_answers_entered_three_ways_score_identically(tmp_path):
    scores = []
    for n, way in enumerate((_by_json, _by_csv, _by_workbook)):
        folder = tmp_path / f"p{n}"
        shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("responses"))
        work = tmp_path / f"in{n}"
        work.mkdir()
        result = collect(folder, way(folder, work), WAVE)
        assert result.added == len(ROWS) and not result.refused, [
            f.format_text() for s in result.sources for f in s.findings
        ]
        s = score_partnership(folder)
        scores.append([(e.id, e.score, e.level) for e in s.elements])
    # The filled workbook kept as the wave's file is scored as it is, without collect.
    folder = tmp_path / "kept"
    shutil.copytree(EXAMPLE, folder, ignore=shutil.ignore_patterns("responses"))
    (folder / "responses").mkdir()
    shutil.copy(_by_workbook(folder, tmp_path)[0], folder / "responses" / f"{WAVE}.xlsx")
    s = score_partnership(folder)
    scores.append([(e.id, e.score, e.level) for e in s.elements])
    assert scores[0] == scores[1] == scores[2] == scores[3]
    assert any(score is not None for _, score, _ in scores[0])


def test_a_filled_workbook_is_never_replaced_without_force(tmp_path, cli):
    path = write_questionnaire(tmp_path, "xlsx")
    assert write_questionnaire(tmp_path, "xlsx") == path  # the same bytes again: nothing lost
    wb = openpyxl.load_workbook(path)
    wb["Answers"].append(["W01", "education", "staff", 3])
    wb.save(path)
    filled = path.read_bytes()
    result = cli("questionnaire", "--out", str(tmp_path), "--format", "xlsx")
    assert result.returncode == 2 and "--force" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == filled
    assert cli("questionnaire", "--out", str(tmp_path), "--format", "xlsx", "--force").returncode == 0
    assert path.read_bytes() != filled


def test_the_spanish_page_and_paper_form_take_every_text_from_the_translation(tmp_path):
    from lchd_assess.load.translation import load_translation

    tr = load_translation(REPO / "assessments", "es", INST)
    page = write_questionnaire(tmp_path, "html", EXAMPLE, WAVE, lang="es").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">') and '"lang": "es"' in page
    assert str(markupsafe.escape(tr.model.status_note)) in page
    for item_id in IDS:
        t = tr.item(item_id)
        assert str(markupsafe.escape(t.stem)) in page, item_id
        assert all(str(markupsafe.escape(a)) in page for a in t.anchors), item_id
    assert "Save answer file" not in page and "Guardar archivo de respuestas" in page
    pdf = write_questionnaire(tmp_path, "pdf", EXAMPLE, WAVE, lang="es")
    text = _normalise(" ".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages))
    for item_id in IDS:
        assert text.count(_normalise(tr.item(item_id).stem)) == 1, item_id


def test_insider_questions_say_who_can_answer_them(tmp_path):
    html = render_html(INST)
    for item in INST.active_items():
        if item.who_knows:
            assert f'aria-describedby="wk-{item.id.replace(".", "-")}"' in html
            assert str(markupsafe.escape(item.who_knows.strip())) in html
