"""The portfolio shows a documented subset of each partnership's report, and nothing else."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from golden_files import assert_golden

from lchd_assess.context.portfolio import build_portfolio_context
from lchd_assess.formats.portfolio_csv import portfolio_csv, portfolio_table
from lchd_assess.score.portfolio import DERIVED_FIELDS, PORTFOLIO_FIELDS, anonymous_codes, percentile_ranks
from lchd_assess.app.score import example_folders
from lchd_assess.app.portfolio import PORTFOLIO_TEMPLATE, render_portfolio
from lchd_assess.app.report import load_partnership_scores, render_template, report_html
from lchd_assess.score.synthetic import synthetic_score

from report_helpers import fw_info

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = example_folders()
assert EXAMPLES, "no example partnerships under assessments/examples/"


@pytest.fixture(scope="module")
def examples():
    return [load_partnership_scores(p)[0] for p in EXAMPLES]


def _report_text(html: str) -> str:
    body = html.split("</style>", 1)[1]
    text = re.sub(r"<[^>]+>", " ", body).replace("&#39;", "'").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


def test_every_portfolio_value_is_in_the_partnerships_own_scores_and_report(examples):
    header, rows = portfolio_table(examples)
    fw = fw_info()
    by_id = {s.partnership.id: s for s in examples}
    derived = {h for h in header if h.endswith("_percentile")}
    for row in rows:
        rec = dict(zip(header, row))
        s = by_id[rec["id"]]
        report = _report_text(report_html(s, fw))  # the values are in the HTML; no PDF needed
        elements = {e.id: e for e in s.elements}
        for col, value in rec.items():
            if col in derived or value == "":
                continue
            if col in elements:
                assert value == f"{elements[col].score:.1f}"
                assert f"{elements[col].score:.0f}" in report
            elif col.endswith(("_low", "_high")):
                e = elements[col.rsplit("_", 1)[0]]
                iv = e.interval[0] if col.endswith("_low") else e.interval[1]
                assert value == f"{iv:.1f}"
                assert f"{e.interval[0]:.0f}–{e.interval[1]:.0f}" in report
            elif col == "partnership":
                assert value == s.partnership.name and value in report
            elif col in ("id", "wave"):
                assert value in report
            elif col == "scale":
                assert value == s.partnership.scale and value.capitalize() in report
            elif col == "n_respondents":
                assert int(value) == s.n_respondents
            elif col == "level":
                assert value == s.gating.level_label and value in report
            elif col == "gate_capped":
                assert (value == "yes") == s.gating.capped
            elif col == "elements_below_gate":
                assert value.split() == s.gating.capping_elements
            elif col == "capping_elements":
                assert value.split() == (s.gating.capping_elements if s.gating.capped else [])
            elif col in ("silent_sectors", "few_sectors"):
                assert value.split() == getattr(s.representation, col)
                labels = {x.sector: x.label for x in s.representation.by_sector}
                for code in value.split():
                    assert labels[code] in report
            elif col in ("n_silent_sectors", "n_few_sectors"):
                assert int(value) == len(getattr(s.representation, col[2:]))
            elif col == "residents_share":
                assert float(value) == s.representation.residents_share
            elif col == "overall_change":
                oc = next(c for c in s.change.elements if c.id == "overall")
                assert value == f"{oc.delta:.1f}"
            elif col == "change_flag":
                oc = next((c for c in s.change.elements if c.id == "overall"), None) if s.change else None
                assert value == (oc.flag if oc else "no-previous-wave")
            elif col == "instrument":
                assert value == f"{s.instrument_id} {s.instrument_version}" and value in report
            elif col == "framework_version":
                assert value == s.framework_version
            else:
                pytest.fail(f"column {col} is not in the documented subset")


def test_csv_cells_hold_numbers_and_codes_not_sentences(examples):
    header, rows = portfolio_table(examples)
    for row in rows:
        for col, value in zip(header, row):
            if col not in ("partnership",):
                assert ". " not in value and len(value.split()) <= 12, (col, value)


def test_percentiles_are_left_out_below_the_portfolio_rule_and_shown_above_it():
    small = [synthetic_score(i) for i in range(4)]
    header, rows = portfolio_table(small, min_for_percentiles=10)
    cols = [i for i, h in enumerate(header) if h.endswith("_percentile")]
    assert all(row[i] == "" for row in rows for i in cols)
    ctx = build_portfolio_context(small, fw_info(), min_for_percentiles=10)
    assert not ctx.percentiles_shown and "none are shown" in ctx.brief.percentile_rule
    big = [synthetic_score(i) for i in range(12)]
    header, rows = portfolio_table(big, min_for_percentiles=10)
    assert any(row[i] != "" for row in rows for i in cols)
    assert build_portfolio_context(big, fw_info(), min_for_percentiles=10).percentiles_shown


def test_the_brief_counts_what_a_program_officer_needs_and_says_what_scores_cannot_support():
    scores = [synthetic_score(i) for i in range(12)]
    b = build_portfolio_context(scores, fw_info(), min_respondents=8).brief
    assert sum(int(l.value) for l in b.levels) == len(scores)
    flags = {l.label.split(" (")[0]: l.value for l in b.flags}
    assert int(flags["Held back by the gate"]) == sum(1 for s in scores if s.gating.capped)
    assert int(flags["Few respondents"]) == sum(1 for s in scores if s.n_respondents < 8)
    assert sum(int(l.value) for l in b.change) == len(scores)
    assert len(b.weakest) == 2 and len(b.strongest) == 2
    assert any("cannot, on their own, rank partnerships for funding" in t for t in b.can_and_cannot)


def test_the_documented_subset_lists_every_csv_column():
    header, _ = portfolio_table([synthetic_score(1)])
    # whole column names, so a made-up column that merely occurs inside a documented one fails
    documented = {c.strip() for col, _p, _m in PORTFOLIO_FIELDS for c in col.split(",")}
    derived = {col for col, _m in DERIVED_FIELDS}
    for h in header:
        generic = re.sub(r"^(P\d|FS\d|overall)(?=_|$)", "<element>", h)
        assert h in documented or generic in documented or generic in derived, h


def test_the_portfolio_shows_no_groups_perspectives_items_or_comments(examples):
    out = render_portfolio(examples, fw_info())
    text = out.html
    for s in examples:
        for g in s.groups:
            assert f"{g.label} (n =" not in text
        for e in s.elements:
            for it in e.items:
                assert f">{it.id}<" not in text
    assert "Community perspective" not in text and "comments-table" not in text


KEY = bytes(range(32))


def test_anonymised_codes_are_stable_and_replace_names_everywhere(examples):
    a = render_portfolio(examples, fw_info(), key=KEY)
    codes = anonymous_codes([s.partnership.id for s in examples], KEY)
    for s in examples:
        assert codes[s.partnership.id] in a.csv
        for where in (a.html, a.csv):
            assert s.partnership.name not in where
            assert s.partnership.id not in where
            assert s.partnership.population_focus not in where
    assert codes == anonymous_codes([s.partnership.id for s in reversed(examples)], KEY)
    assert re.fullmatch(r"P-[0-9a-f]{8}", codes[examples[0].partnership.id])
    # A new partnership does not change anyone else's code.
    more = anonymous_codes([s.partnership.id for s in examples] + ["another-one"], KEY)
    assert all(more[k] == v for k, v in codes.items())
    # The key itself is in no output.
    for where in (a.html, a.csv):
        assert KEY.hex() not in where
    assert KEY.hex().encode() not in a.pdf and KEY not in a.pdf


def test_a_code_cannot_be_recomputed_from_the_folder_name_without_the_key(examples):
    """The attack of issue 13: hash guessed folder names and match them to the codes."""
    import hashlib
    import hmac

    ids = [s.partnership.id for s in examples]
    codes = anonymous_codes(ids, KEY)
    for i in ids:
        code = codes[i][2:]
        # Unkeyed hashes of the name (the old scheme) and of common spellings of it do not match.
        for guess in (i, i.upper(), i.replace("-", " "), i.replace("-", "_")):
            for algo in ("sha256", "sha1", "md5", "sha512", "blake2b"):
                assert not hashlib.new(algo, guess.encode()).hexdigest().startswith(code)
        # Nor does the keyed hash under any other key, e.g. an empty or guessable one.
        for other in (b"", b"lchd-assess", i.encode(), bytes(32), bytes(range(1, 33))):
            assert not hmac.new(other, i.encode(), hashlib.sha256).hexdigest().startswith(code)
    # Another funder's key gives unrelated codes for the same partnerships.
    theirs = anonymous_codes(ids, bytes(range(100, 132)))
    assert not set(theirs.values()) & set(codes.values())


def test_codes_grow_longer_when_eight_digits_would_collide():
    ids = [f"p{i}" for i in range(6000)]
    codes = anonymous_codes(ids, KEY, digits=3)
    assert len(set(codes.values())) == len(ids)
    assert min(len(c) for c in codes.values()) > 2 + 3


def test_a_short_key_is_refused():
    with pytest.raises(ValueError):
        anonymous_codes(["a"], b"short")


def test_percentiles_are_mid_ranks_among_partnerships_with_a_score():
    assert percentile_ranks({"a": 10.0, "b": 20.0, "c": 20.0, "d": None, "e": 40.0}) == {
        "a": 12.5,
        "b": 50.0,
        "c": 50.0,
        "d": None,
        "e": 87.5,
    }


def test_portfolio_csv_and_html_are_byte_identical_on_rerun_and_independent_of_input_order():
    scores = [synthetic_score(i) for i in range(12)]
    fw = fw_info()
    assert portfolio_csv(scores) == portfolio_csv(list(reversed(scores)))
    a = render_template(PORTFOLIO_TEMPLATE, build_portfolio_context(scores, fw))
    b = render_template(PORTFOLIO_TEMPLATE, build_portfolio_context(list(reversed(scores)), fw))
    assert a == b


def test_the_csv_has_one_row_per_partnership_with_intervals_and_percentiles():
    scores = [synthetic_score(i) for i in range(7)]
    rows = list(csv.DictReader(io.StringIO(portfolio_csv(scores))))
    assert len(rows) == 7
    assert {"P1", "P1_low", "P1_high", "P1_percentile", "overall", "gate_capped", "silent_sectors"} <= set(rows[0])


def test_a_partnership_given_twice_is_refused():
    from lchd_assess.core.errors import InputError

    with pytest.raises(InputError, match="given twice"):
        build_portfolio_context([synthetic_score(1), synthetic_score(1)], fw_info())


def test_partnerships_scored_with_different_versions_are_flagged():
    a = synthetic_score(1)
    b = synthetic_score(2).model_copy(update={"instrument_version": "1.1.0"})
    ctx = build_portfolio_context([a, b], fw_info())
    assert ctx.mixed_versions and len(ctx.versions) == 2
    assert "compare their scores with care" in render_template(PORTFOLIO_TEMPLATE, ctx)


def test_the_funders_site_page_lists_every_csv_column_with_its_meaning():
    from lchd_assess.core.formatting import md_text

    page = (ROOT / "docs" / "start" / "fund.md").read_text(encoding="utf-8")
    for col, _path, meaning in PORTFOLIO_FIELDS:
        assert f"| {md_text(col)} | {md_text(meaning)} |" in page, col
    for col, meaning in DERIVED_FIELDS:
        assert f"| {md_text(col)} | {md_text(meaning)} |" in page, col


def test_capping_elements_is_empty_unless_the_gate_lowered_the_level():
    """An element below the gate of a partnership already at or below the cap caps nothing:
    the CSV says it is below the gate, and not that it caps."""
    s = synthetic_score(1)
    below = s.model_copy(update={"gating": s.gating.model_copy(update={"capped": False, "capping_elements": ["FS2"]})})
    header, rows = portfolio_table([below])
    rec = dict(zip(header, rows[0]))
    assert (rec["gate_capped"], rec["elements_below_gate"], rec["capping_elements"]) == ("no", "FS2", "")
    capped = s.model_copy(update={"gating": s.gating.model_copy(update={"capped": True, "capping_elements": ["FS2"]})})
    header, rows = portfolio_table([capped])
    rec = dict(zip(header, rows[0]))
    assert (rec["gate_capped"], rec["elements_below_gate"], rec["capping_elements"]) == ("yes", "FS2", "FS2")
    # and the brief's "most often" names only structures that hold a partnership back
    brief = build_portfolio_context([below], fw_info()).brief
    assert not any("most often" in line.label for line in brief.flags)


GOLDEN_CSV = ROOT / "tests" / "golden" / "portfolio" / "examples" / "portfolio.csv"


def test_the_examples_portfolio_csv_equals_its_golden_file(examples, update_golden):
    """The bundled examples' portfolio.csv, reviewed as a diff whenever a column changes
    (rewrite on purpose with --update-golden)."""
    assert_golden(portfolio_csv(examples), GOLDEN_CSV, "the examples' portfolio.csv", update_golden)
