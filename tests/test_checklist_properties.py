"""Properties of the checklist writer and checker (Hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.formats import checklist as cl
from lchd_assess.check.checklist import check_file
from lchd_assess.load.checklist import ReportInfo
from lchd_assess.load.checklist import CHECKLIST
from lchd_assess.load.documents import load_document
from lchd_assess.load.framework import load_standard

STD = load_standard()
IDS = [i.id for i in STD.items()]

# Any printable text an author might type, including quotes, backslashes, '#', ':' and non-ASCII.
answer = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.dictionaries(st.sampled_from(IDS), st.tuples(answer, answer), max_size=8))
def test_answers_written_into_a_checklist_load_back_unchanged(tmp_path_factory, answers):
    path = tmp_path_factory.mktemp("c") / "c.yaml"
    path.write_text(cl.blank_checklist(STD, answers=answers), encoding="utf-8")
    doc = load_document(path, CHECKLIST)
    assert doc.findings == [], [f.format_text() for f in doc.findings]
    for item_id in IDS:
        e = doc.model.items[item_id]
        assert (str(e.reported_at), e.not_done) == answers.get(item_id, ("", ""))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.dictionaries(st.sampled_from(IDS), st.tuples(answer, answer), max_size=len(IDS)))
def test_the_checker_only_ever_returns_documented_findings_and_one_per_unanswered_item(tmp_path_factory, answers):
    path = tmp_path_factory.mktemp("c") / "c.yaml"
    path.write_text(cl.blank_checklist(STD, answers=answers), encoding="utf-8")
    report = check_file(path, STD)
    unanswered = {i for i in IDS if not answers.get(i, ("", ""))[0].strip() and not answers.get(i, ("", ""))[1].strip()}
    flagged = {f.path[1] for f in report.findings if f.code == "checklist-item-unanswered"}
    assert flagged == unanswered
    assert "score" not in " ".join(f.message for f in report.findings).lower()


def test_a_fully_reported_checklist_has_no_findings(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(
        cl.blank_checklist(
            STD,
            answers={i: (f"Section {n}, para 1", "") for n, i in enumerate(IDS, 1)},
            report=ReportInfo(title="Our report"),
        ),
        encoding="utf-8",
    )
    assert check_file(path, STD).ok
