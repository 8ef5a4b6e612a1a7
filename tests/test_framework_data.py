"""The framework data is its own conformance suite."""

from __future__ import annotations

from collections import Counter

import pytest

from lchd_assess.load.framework import load_framework
from lchd_assess.app.validate import validate_paths


def test_every_framework_and_assessment_file_validates_without_findings(root):
    report = validate_paths().report  # the default: framework/ and assessments/
    assert report.format_text().splitlines()[:-1] == []
    assert len(report.checked) >= 10


def test_the_framework_holds_every_element_the_paper_names():
    fw = load_framework()
    counts = Counter(
        {
            "concepts": len(fw.concepts),
            "characteristics": len(fw.characteristics),
            "principles": len(fw.principles),
            "structures": len(fw.structures),
            "limitations": len(fw.limitations),
            "models": len(fw.models),
            "reporting domains": len(fw.research_agenda.reporting_domains),
        }
    )
    assert counts == Counter(
        {
            "concepts": 3,
            "characteristics": 5,
            "principles": 4,
            "structures": 4,
            "limitations": 6,
            "models": 4,
            "reporting domains": 5,
        }
    )
    assert [p.id for p in fw.principles] == ["P1", "P2", "P3", "P4"]
    assert [s.id for s in fw.structures] == ["FS1", "FS2", "FS3", "FS4"]


def test_components_named_by_the_paper_are_present():
    fw = load_framework()
    by = {e.id: e for e in fw.core_elements}

    def kinds(e, t):
        return [c for c in e.components if c.type == t]

    assert len(kinds(by["P4"], "operational-decision")) == 5
    assert len(kinds(by["FS1"], "theory-of-change-domain")) == 5
    assert len(kinds(by["FS2"], "relational-outcome")) == 4
    mechanisms = {c.name.lower() for c in kinds(by["FS4"], "funding-mechanism")}
    assert any("bundled" in m for m in mechanisms) and any("capitation" in m for m in mechanisms)
    assert any("risk" in m for m in mechanisms) and any("infrastructure" in m for m in mechanisms)
    problems = {t for c in kinds(by["FS4"], "funding-problem") for t in c.terms}
    assert problems == {"wrong-pocket", "long-pocket"}
    fs3 = " ".join(c.name + " " + c.description for c in by["FS3"].components)
    for word in ("real-time", "privacy", "interoperab", "HIPAA", "FERPA"):
        assert word.lower() in fs3.lower(), word


def test_each_limitation_names_the_characteristic_it_violates():
    fw = load_framework()
    chars = {c.id: c.name for c in fw.characteristics}
    pairs = {lim.name: chars[lim.characteristic] for lim in fw.limitations}
    assert pairs["Timing"] == "Timing"
    assert pairs["Equity"] == "Equity"
    assert len({lim.characteristic for lim in fw.limitations}) >= 5


def test_source_publication_is_the_paper_with_its_correct_doi():
    pub = load_framework().meta.source_publication
    assert pub.doi == "10.1542/peds.2021-053509O"  # the seed text's "0535090" is a transcription error
    assert pub.pmcid == "PMC9549524"
    assert [a.family for a in pub.authors] == [
        "Liu",
        "Beck",
        "Lindau",
        "Holguin",
        "Kahn",
        "Fleegler",
        "Henize",
        "Halfon",
        "Schickedanz",
    ]


@pytest.mark.parametrize(
    "kind", ["principle", "structure", "limitation", "partnership-model", "concept", "characteristic"]
)
def test_every_element_says_where_in_the_paper_it_comes_from(kind):
    fw = load_framework()
    for id_ in fw.ids(kind):
        src = fw.get(id_).source
        assert src.section or src.figure, id_


def test_every_model_innovation_and_limitation_is_tagged_with_a_characteristic():
    fw = load_framework()
    chars = {c.id for c in fw.characteristics}
    for m in fw.models:
        for item in [*m.innovations, *m.limitations]:
            assert item.characteristics and set(item.characteristics) <= chars, item.id


def test_crosswalks_cover_the_three_companion_sources():
    fw = load_framework()
    assert {c.source_document for c in fw.crosswalks} == {
        "REF-building-blocks",
        "REF-critical-factors-2021",
        "REF-blebu-2023",
    }
    for cw in fw.crosswalks:
        mapped = {m.source for m in cw.mappings}
        assert mapped == {s.id for s in cw.source_elements}, cw.id


def test_links_belong_to_the_nearest_enclosing_element():
    fw = load_framework()
    linked = fw.linked_from("FS1")
    assert ("FS2", "builds_on") in linked
    owners = {owner for owner, _ in linked}
    # crosswalk mappings have no ID of their own: they belong to their crosswalk, never to
    # whichever source element happened to be listed last
    assert not any(o.startswith(("BB", "CF", "IF")) for o in owners)


def test_a_file_edited_after_loading_is_read_again_in_the_same_process(root, tmp_path):
    # The loaders keep what they loaded for the rest of the process, keyed by each file's size
    # and modification time, so a long-running command (and the in-process CLI tests) sees edits.
    import shutil

    from lchd_assess.load.instrument import load_assessment

    shutil.copytree(root / "framework", tmp_path / "fw")
    shutil.copytree(root / "assessments", tmp_path / "as", ignore=shutil.ignore_patterns("examples"))
    first = load_framework(tmp_path / "fw")
    assert load_framework(tmp_path / "fw") is first  # unchanged: not read again
    p = tmp_path / "fw" / "principles.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("Proactive, developmental", "Proactive and developmental", 1))
    assert load_framework(tmp_path / "fw").principles[0].name.startswith("Proactive and developmental")
    inst = tmp_path / "as" / "instrument.yaml"
    before = load_assessment(tmp_path / "as").instrument.items[0].stem
    inst.write_text(inst.read_text(encoding="utf-8").replace("work tries to stop", "work sets out to stop", 1))
    after = load_assessment(tmp_path / "as").instrument.items[0].stem
    assert "tries to stop" in before and "sets out to stop" in after
