"""Invariants of the scorer, checked on random partnerships (Hypothesis)."""

from __future__ import annotations

import csv
import dataclasses
import io
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.core.findings import CATALOGUE
from lchd_assess.load.instrument import load_assessment
from lchd_assess.load.partnership import PartnershipFile
from lchd_assess.formats.responses import Respondent, Responses, read_responses
from lchd_assess.formats.score_output import to_json
from lchd_assess.app.score import framework_context
from lchd_assess.score.scoring import protect, score_wave

A = load_assessment()
FAST = dataclasses.replace(
    A, rules=A.rules.model_copy(update={"interval": A.rules.interval.model_copy(update={"resamples": 200})})
)
CTX = framework_context(FAST)
INST = A.instrument
ITEMS = INST.item_ids()
SECTORS = [s.id for s in INST.sectors]
K = A.rules.min_cell_size
P = PartnershipFile.model_validate(
    {
        "kind": "partnership",
        "name": "Property test",
        "scale": "city",
        "population_focus": "test",
        "roster": [{"id": f"o{i}", "name": s, "sector": s} for i, s in enumerate(SECTORS[:6])],
    }
)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

answer = st.sampled_from([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, "DK", "NA", None])
# Skewed towards few sectors so that small groups are common.
sector = st.sampled_from(
    ["resident-family", "community-organisation", "health-care", "housing", "backbone", "education", "funder"]
)


@st.composite
def respondent(draw, rid: str) -> Respondent:
    s = draw(sector)
    base = draw(st.sampled_from([0, 1, 2, 3, 4]))
    noisy = draw(st.lists(answer, min_size=len(ITEMS), max_size=len(ITEMS)))
    keep_base = draw(st.booleans())
    # Respondents often skip whole sections (don't know): that is what makes element-level
    # counts differ from group counts, where small cells hide.
    skipped = draw(st.sets(st.sampled_from(["P1", "P2", "P3", "P4", "FS1", "FS2", "FS3", "FS4"]), max_size=4))
    answers = {
        i: ("DK" if i.split(".")[0] in skipped else base if keep_base and isinstance(a, int) else a)
        for i, a in zip(ITEMS, noisy)
    }
    return Respondent(rid, s, "resident-family-member" if s == "resident-family" else "staff", answers, {}, 0)


@st.composite
def partnership(draw, min_size: int = 1, max_size: int = 24) -> list[Respondent]:
    n = draw(st.integers(min_size, max_size))
    return [draw(respondent(f"R{j:03d}")) for j in range(n)]


def score(rs: list[Respondent]):
    return score_wave(
        CTX, "p", P, Responses(file="w.csv", wave="w", items=list(ITEMS), respondents=rs, version=INST.version), ["w"]
    )


def scores_only(result) -> list[tuple]:
    return [(e.id, e.score, e.interval, e.level, e.n_respondents, e.coverage, e.sd) for e in result.elements]


@SETTINGS
@given(partnership())
def test_scores_and_intervals_stay_between_0_and_100(rs):
    r = score(rs)
    for e in r.elements:
        assert e.score is None or 0 <= e.score <= 100
        if e.interval:
            assert 0 <= e.interval[0] <= e.interval[1] <= 100
        assert 0 <= e.coverage <= 1
        assert (e.score is None) == (e.level is None) == (e.reason is not None)
        for it in e.items:
            assert it.score is None or 0 <= it.score <= 4
    for g in r.gaps:
        assert g.difference is None or -100 <= g.difference <= 100


@SETTINGS
@given(partnership(), st.randoms(use_true_random=False))
def test_shuffling_respondents_changes_nothing(rs, rnd):
    shuffled = list(rs)
    rnd.shuffle(shuffled)
    assert to_json(score(shuffled)) == to_json(score(rs))


@SETTINGS
@given(partnership(max_size=12), st.randoms(use_true_random=False))
def test_shuffling_csv_columns_and_rows_changes_nothing(tmp_path_factory, rs, rnd):
    d = tmp_path_factory.mktemp("cols")
    cols = ["respondent_id", "sector", "role", *ITEMS]

    def write(path: Path, order: list[str], rows: list[Respondent]) -> None:
        buf = io.StringIO(newline="")
        w = csv.writer(buf)
        w.writerow(order)
        for r in rows:
            cell = {
                "respondent_id": r.id,
                "sector": r.sector,
                "role": r.role,
                **{i: "" if r.answers[i] is None else str(r.answers[i]) for i in ITEMS},
            }
            w.writerow([cell[c] for c in order])
        path.write_text(buf.getvalue(), encoding="utf-8")

    order = list(cols)
    rnd.shuffle(order)
    rows = list(rs)
    rnd.shuffle(rows)
    write(d / "a.csv", cols, rs)
    write(d / "b.csv", order, rows)
    ra, rb = read_responses(d / "a.csv", INST), read_responses(d / "b.csv", INST)
    assert not ra.findings and not rb.findings
    ja = score_wave(CTX, "p", P, dataclasses.replace(ra, wave="w"), ["w"])
    jb = score_wave(CTX, "p", P, dataclasses.replace(rb, wave="w"), ["w"])
    assert to_json(ja) == to_json(jb)


@SETTINGS
@given(partnership(), st.randoms(use_true_random=False))
def test_dont_know_and_not_applicable_never_change_a_score(rs, rnd):
    # Swap DK, NA and blank for one another at random: every score, interval and gap stays.
    swapped = [
        dataclasses.replace(
            r,
            answers={
                i: (rnd.choice(["DK", "NA", None]) if not isinstance(a, int) else a) for i, a in r.answers.items()
            },
        )
        for r in rs
    ]
    a, b = score(rs), score(swapped)
    assert scores_only(a) == scores_only(b)

    # DK rates (and the explanation naming them) are meant to change; the scores must not.
    def no_dk(r):
        return (
            [(g.id, g.community, g.institutional, g.difference, g.code) for g in r.gaps],
            [
                (g.group, g.suppressed, g.n, [(e.id, e.score, e.n_respondents) for e in g.elements or []])
                for g in r.groups
            ],
        )

    assert no_dk(a) == no_dk(b) and a.gating == b.gating
    assert [[(i.id, i.score, i.n_valid) for i in e.items] for e in a.elements] == [
        [(i.id, i.score, i.n_valid) for i in e.items] for e in b.elements
    ]


def _true_counts(rs: list[Respondent]) -> tuple[dict, dict]:
    groups = {g.id: 0 for g in INST.sector_groups}
    sectors = {s: 0 for s in SECTORS}
    for r in rs:
        groups[INST.group_of(r.sector)] += 1
        sectors[r.sector] += 1
    return groups, sectors


def assert_nothing_small_is_recoverable(result, rs: list[Respondent]) -> None:
    """No shown number describes fewer than k people, and no subtraction of shown numbers does."""
    gn, sn = _true_counts(rs)
    persp = {
        "community": [g.id for g in INST.sector_groups if g.perspective == "community"],
        "institutional": [g.id for g in INST.sector_groups if g.perspective == "institutional"],
    }
    shown = {g.group: g for g in result.groups if not g.suppressed}
    for g in shown.values():
        assert g.n == gn[g.group] >= K
    # The whole partnership's n is shown, and a perspective's total can be (in the gaps) once it
    # reaches k: the hidden groups inside either must add up to none or to at least k, unless
    # everything inside is hidden (then the total is the hidden part itself, shown as a whole).
    for agg in [list(gn)] + [p for p in persp.values() if sum(gn[g] for g in p) >= K]:
        hidden = sum(gn[g] for g in agg if g not in shown)
        assert hidden == 0 or hidden >= K or not any(g in shown for g in agg), (agg, hidden)
    # Inside each element: hidden group scores, against the overall and the perspectives shown.
    gaps = {g.id: g for g in result.gaps}
    for e in [x.id for x in result.elements if x.kind != "overall"]:
        idx = [ITEMS.index(i) for i in ITEMS if i.split(".")[0] == e]
        answered = {g: 0 for g in gn}
        for r in rs:
            if any(isinstance(r.answers[ITEMS[j]], int) for j in idx):
                answered[INST.group_of(r.sector)] += 1
        visible = {g for g, res in shown.items() if next(x for x in res.elements if x.id == e).score is not None}
        for g in visible:
            assert answered[g] >= K
        aggs = [list(gn)] + ([persp["institutional"], persp["community"]] if gaps[e].code != "not-shown" else [])
        for agg in aggs:
            hidden = sum(answered[g] for g in agg if g not in visible)
            assert hidden == 0 or hidden >= K or not any(g in visible for g in agg), (e, agg, hidden)
        if gaps[e].code != "not-shown":
            assert sum(answered[g] for g in persp["community"]) >= K
            assert sum(answered[g] for g in persp["institutional"]) >= K
    # Sector counts: shown ones are 0 or at least k; hidden parts of any known total likewise.
    rep = {s.sector: s for s in result.representation.by_sector}
    for s, c in rep.items():
        if c.n is not None:
            assert c.n == sn[s] and (c.n == 0 or c.n >= K)
    totals = [SECTORS] + [[s.id for s in INST.sectors if s.group == g] for g in shown]
    for agg in totals:
        hidden = sum(sn[s] for s in agg if rep[s].n is None)
        assert hidden == 0 or hidden >= K or all(rep[s].n is None or rep[s].n == 0 for s in agg), (agg, hidden)
    if result.representation.residents_share not in (None, 0.0):
        assert sn["resident-family"] >= K


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(partnership(max_size=24), respondent("Z999"))
def test_adding_a_respondent_never_reveals_a_group_below_the_cell_size(rs, extra):
    before = score(rs)
    after = score(rs + [extra])
    assert_nothing_small_is_recoverable(before, rs)
    assert_nothing_small_is_recoverable(after, rs + [extra])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 12), min_size=1), st.integers(3, 6))
def test_protect_leaves_no_small_hidden_union_in_any_aggregate(counts, k):
    cells = sorted(counts)
    aggs = [cells[: len(cells) // 2], cells[len(cells) // 2 :], cells]
    small, comp = protect(counts, k, aggs, cells)
    hidden = small | comp
    assert small == {c for c in cells if counts[c] < k}
    for agg in aggs:
        h = sum(counts[c] for c in agg if c in hidden)
        assert h == 0 or h >= k or all(c in hidden for c in agg)


_tokens = st.sampled_from(
    [
        "respondent_id",
        "sector",
        "role",
        "P1.Q1",
        "FS4.Q7",
        "P9.Q9",
        "health-care",
        "staff",
        "R1",
        "3",
        "7",
        "DK",
        "na",
        "",
        ",",
        ",",
        ",",
        "\n",
        "\r\n",
        '"',
        '""',
        "\x00",
        "\ufeff",
        "é",
        " ",
        "instrument_version",
        "1.0.0",
        "x_comment",
        "P1.Q1_comment",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_tokens, max_size=80).map("".join).map(lambda s: s.encode("utf-8")), st.binary(max_size=300)))
def test_random_malformed_csv_only_yields_documented_findings(tmp_path_factory, data):
    p = tmp_path_factory.mktemp("m") / "w.csv"
    p.write_bytes(data)
    res = read_responses(p, INST)
    for f in res.findings:
        assert f.code in CATALOGUE
        assert f.file
    if not res.findings:
        assert all(r.sector in SECTORS for r in res.respondents)


def test_a_file_that_is_a_real_header_plus_random_rows_never_crashes():
    rnd = random.Random(5)
    header = ",".join(["respondent_id", "sector", "role", *ITEMS])
    for _ in range(200):
        rows = [
            ",".join(
                rnd.choice(["R1", "R2", "", "DK", "5", "x", '"', "health-care", "staff"])
                for _ in range(rnd.randint(0, 60))
            )
            for _ in range(rnd.randint(0, 5))
        ]
        text = header + "\n" + "\n".join(rows)
        res = read_responses_text(text)
        assert all(f.code in CATALOGUE for f in res.findings)


def read_responses_text(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "w.csv"
        p.write_text(text, encoding="utf-8")
        return read_responses(p, INST)


def test_a_group_hidden_as_a_whole_still_counts_inside_an_element_regression():
    """Backbone (2) is small, health care (6) hidden to protect it; on FS4 only 2 health-care
    people and 1 backbone person answer. Showing related sectors' FS4 beside the institutional
    FS4 would reveal those 3 people's FS4 score by subtraction, so it must be hidden too."""
    fs4 = [i for i in ITEMS if i.startswith("FS4.")]

    def person(rid, s, answers_fs4=True):
        return Respondent(rid, s, "staff", {i: (3 if (answers_fs4 or i not in fs4) else "DK") for i in ITEMS}, {}, 0)

    rs = [person(f"C{j}", "resident-family") for j in range(6)]
    rs += [person(f"H{j}", "health-care", answers_fs4=j < 2) for j in range(6)]
    rs += [person(f"S{j}", "social-services") for j in range(7)]
    rs += [person("B0", "backbone"), person("B1", "backbone", answers_fs4=False)]
    r = score(rs)
    groups = {g.group: g for g in r.groups}
    assert groups["backbone"].suppression_reason == "below-minimum-cell-size"
    assert groups["health-care"].suppression_reason == "complementary"
    related_fs4 = next(e for e in groups["related-sectors"].elements if e.id == "FS4")
    assert next(g for g in r.gaps if g.id == "FS4").code != "not-shown"
    assert related_fs4.score is None and related_fs4.n_respondents is None
    assert_nothing_small_is_recoverable(r, rs)
