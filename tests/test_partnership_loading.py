"""Loading partnership.yaml: a file the model accepts strictly is taken without running the JSON
Schema (the slow part), which is safe only while the schema says nothing the model does not."""

from __future__ import annotations

import datetime
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.core.errors import InputError
from lchd_assess.load.documents import _validator, schema_for
from lchd_assess.load.partnership import PARTNERSHIP, PartnershipFile, load_partnership
from lchd_assess.load.yamlload import LoadedYaml
from lchd_assess.load.partnership import _valid_at_once

#: What the generated schema may say: each is a rule pydantic enforces itself (types, patterns,
#: lengths, enums, required and unknown fields) or says nothing (titles, descriptions).
ENFORCED_BY_THE_MODEL = {
    "$defs",
    "$id",
    "$schema",
    "$ref",
    "additionalProperties",
    "anyOf",
    "const",
    "default",
    "description",
    "enum",
    "items",
    "minItems",
    "minLength",
    "pattern",
    "properties",
    "required",
    "title",
    "type",
}

VALID = {
    "kind": "partnership",
    "id": "harbour-city",
    "name": "Harbour City",
    "scale": "city",
    "population_focus": "families",
    "fictional": True,
    "roster": [{"id": "org-01", "name": "Clinic", "sector": "health-care"}],
    "waves": [{"label": "Baseline", "closed": "2025-03-31", "file": "baseline.csv"}],
}


def _keywords(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            # property names and definition names are names, not keywords
            if k in ("properties", "$defs"):
                for sub in v.values():
                    _keywords(sub, out)
            else:
                _keywords(v, out)
    elif isinstance(node, list):
        for v in node:
            _keywords(v, out)
    return out


def test_the_partnership_schema_says_nothing_the_model_does_not_enforce():
    extra = _keywords(schema_for(PARTNERSHIP), set()) - ENFORCED_BY_THE_MODEL
    assert not extra, (
        f"partnership.schema.json now uses {sorted(extra)}: check that PartnershipFile enforces them in "
        "strict mode, or stop load_partnership from skipping the schema (_valid_at_once)"
    )


#: Strings near the rules' edges (most replace a value of the right type, so that many mutated
#: documents are still valid and the test below has something to check), and values of other types.
near_edges = st.sampled_from(
    [
        "x",
        "city",
        "region",
        "town",
        "org-01",
        "org-1-",
        "Org 01",
        "org-01\n",
        "-org",
        "2025-03-31",
        "2025-3-31",
        "٢٠٢٥-٠٣-٣١",
        "a.csv",
        "a.xlsx",
        "a/b.csv",
        "a.csv\n",
        "partnership",
        "health-care",
        "Health-Care",
        "housing-",
    ]
)
other_types = st.one_of(
    st.text(max_size=6),
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False),
    st.just(datetime.date(2025, 3, 31)),
    st.just([]),
    st.just({}),
)


def _paths(doc, prefix=()):
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _paths(v, prefix + (i,))


def _at(doc, path):
    for k in path:
        doc = doc[k]
    return doc


@st.composite
def mutated(draw):
    doc = json.loads(json.dumps(VALID))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p and p != ("kind",)]
        leaves = [p for p in paths if isinstance(_at(doc, p), str)]
        path = draw(st.sampled_from(leaves if leaves and draw(st.integers(0, 3)) else paths))
        parent = doc
        for k in path[:-1]:
            parent = parent[k]
        what = draw(st.sampled_from(["replace"] * 6 + ["delete", "add"]))
        if what == "replace":
            parent[path[-1]] = draw(near_edges if draw(st.integers(0, 4)) else other_types)
        elif what == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "Name", "roster_", "notes"]))] = draw(near_edges)
        else:
            parent.append(draw(st.one_of(other_types, st.just(dict(VALID["roster"][0])))))
    return doc


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_whatever_strict_validation_accepts_the_schema_accepts_too(doc):
    try:
        PartnershipFile.model_validate(doc, strict=True)
    except Exception:
        return
    assert list(_validator(PARTNERSHIP).iter_errors(doc)) == []


def test_a_valid_file_is_taken_at_once_and_a_wrong_one_is_left_to_the_schema():
    assert _valid_at_once(LoadedYaml("p.yaml", VALID)).model == PartnershipFile.model_validate(VALID)
    assert _valid_at_once(LoadedYaml("p.yaml", {**VALID, "scale": "town"})) is None
    assert _valid_at_once(LoadedYaml("p.yaml", {**VALID, "kind": "framework"})) is None


def test_a_wrong_partnership_file_still_gets_its_one_line(tmp_path):
    (tmp_path / "partnership.yaml").write_text(
        "kind: partnership\nname: X\nscale: town\npopulation_focus: y\nroster:\n  - {id: org-01, name: A, sector: housing}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        load_partnership(tmp_path)
    assert "partnership.yaml:3:" in str(exc.value) and "'town' is not allowed at scale" in str(exc.value)


def test_a_partnership_file_linking_out_of_the_folder_is_refused_whether_or_not_the_folder_is_resolved_already(
    tmp_path,
):
    from lchd_assess.core.paths import real

    folder = tmp_path / "p"
    folder.mkdir()
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text(
        "kind: partnership\nname: X\nscale: city\npopulation_focus: y\nfictional: true\n"
        "roster:\n  - {id: org-1, name: Org, sector: housing}\n"
    )
    (folder / "partnership.yaml").symlink_to(secret)
    for resolved in (None, real(folder)):
        with pytest.raises(InputError, match="file-outside-folder"):
            load_partnership(folder, real_folder=resolved)
    (folder / "partnership.yaml").unlink()
    (folder / "partnership.yaml").write_text(secret.read_text())
    assert load_partnership(folder, real_folder=real(folder)).name == "X"


def test_wave_files_are_listed_and_ordered_as_by_their_paths(tmp_path, monkeypatch):
    import os

    from lchd_assess.load.partnership import wave_findings

    d = tmp_path / "responses"
    d.mkdir()
    for name in (
        "a.csv", "B.CSV", "c.csv", "c.xlsx", "2026-01-31-spring.csv", "2025-13-01-bad.csv", "x.tar.csv",
        ".hidden.csv", "~$lock.xlsx", "notes.txt", "csv", "Final.Xlsx",
    ):  # fmt: skip
        (d / name).write_text("respondent_id\n", encoding="utf-8")
    (d / "folder.csv").mkdir()
    os.symlink(d / "a.csv", d / "linked.csv")
    os.symlink(d / "missing.csv", d / "dangling.csv")
    p = PartnershipFile.model_validate(
        {
            "kind": "partnership",
            "name": "P",
            "scale": "city",
            "population_focus": "everyone",
            "roster": [{"id": "org-01", "name": "O", "sector": "housing"}],
            "waves": [{"label": "A", "closed": "2025-06-30", "file": "a.csv"}],
        }
    )
    monkeypatch.chdir(tmp_path)  # files are shown relative to the current folder
    order, findings = wave_findings(tmp_path, p)
    # regular files (or links to one) ending in .csv/.xlsx in any case, not hidden, not Office
    # locks, not folders or dangling links; undated ones first in path order, then by date
    assert order == ["2025-13-01-bad", "B", "Final", "c", "c", "linked", "x.tar", "a", "2026-01-31-spring"]
    assert findings[0].format_text() == (
        "responses/c.xlsx: wave-undeclared: wave 'c' has two files (c.csv and c.xlsx); keep one of them"
    )
    undated = "the wave's date is unknown (the file is not listed under waves in partnership.yaml"
    assert [(f.code, f.file, undated in f.message) for f in findings[1:]] == [
        ("wave-undeclared", f"responses/{name}", True)
        for name in ("2025-13-01-bad.csv", "B.CSV", "Final.Xlsx", "c.csv", "c.xlsx", "a.csv", "x.tar.csv")
    ]  # (the link linked.csv is shown as the file it names, a.csv)
    # no wave files, or no responses folder at all: nothing
    empty = tmp_path / "empty"
    (empty / "responses").mkdir(parents=True)
    assert wave_findings(empty, p) == ([], []) == wave_findings(tmp_path / "nowhere", p)


def test_a_wave_file_whose_ending_is_upper_case_is_scored_as_the_same_wave(tmp_path, monkeypatch):
    """Excel on Windows may save answers as 2026-FOLLOWUP.CSV: the folder listing takes such a
    file, so finding it, matching it to its entry in partnership.yaml and scoring it must too."""
    import shutil

    from lchd_assess.app.score import score_partnership
    from lchd_assess.core.paths import examples_dir
    from lchd_assess.formats.score_output import to_json

    example = examples_dir() / "harbour-city-family-network"
    want = to_json(score_partnership(example))
    folder = tmp_path / "harbour-city-family-network"
    shutil.copytree(example, folder)
    monkeypatch.chdir(tmp_path)
    latest = sorted((folder / "responses").glob("*.csv"))[-1]
    latest.rename(latest.with_suffix(".CSV"))
    # listed in partnership.yaml as .csv, saved as .CSV: the same wave, the same scores
    assert to_json(score_partnership(folder)) == want
    # and partnership.yaml may name it as it is saved
    yaml = folder / "partnership.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace(latest.name, latest.with_suffix(".CSV").name), encoding="utf-8"
    )
    assert latest.with_suffix(".CSV").name in yaml.read_text(encoding="utf-8")
    assert to_json(score_partnership(folder)) == want
