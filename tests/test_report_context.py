"""Each template uses only the documented fields of its context model; the context shows only
what the ScoreResult shows."""

from __future__ import annotations

import re

import pytest
from jinja2 import meta
from pydantic import BaseModel

from lchd_assess.context.portfolio import PortfolioContext, build_portfolio_context
from lchd_assess.context.report_context import ReportContext, build_report_context, choose_priorities, element_url
from lchd_assess.context.report_parts import report_method_words
from lchd_assess.score.synthetic import synthetic_score
from lchd_assess.render.templating import PACKAGE_TEMPLATES, environment

from report_helpers import GUIDANCE, ROSTER, fixture_score, fw_info, incomplete_score


class UndocumentedField(Exception):
    """A template read a name its context model does not document.

    Not an AttributeError: Jinja turns those into Undefined, so the refusal would then come from
    StrictUndefined, not from this check."""


class Recorder:
    """Wraps a context model; records every field a template reads and refuses any other."""

    def __init__(self, obj: BaseModel, path: str, seen: set[str]) -> None:
        self._obj, self._path, self._seen = obj, path, seen

    def __getattr__(self, name: str):
        if name.startswith("_"):  # Python's and markupsafe's own probes (__html__, …)
            raise AttributeError(name)
        fields = type(self._obj).model_fields
        if name not in fields:
            raise UndocumentedField(f"{type(self._obj).__name__}.{name} is not a documented field")
        self._seen.add(f"{type(self._obj).__name__}.{name}")
        return wrap(getattr(self._obj, name), self._seen)


def wrap(value, seen):
    if isinstance(value, BaseModel):
        return Recorder(value, type(value).__name__, seen)
    if isinstance(value, list):
        return [wrap(v, seen) for v in value]
    return value


def all_fields(model: type[BaseModel], out: dict[str, str] | None = None) -> dict[str, str]:
    """Every field of ``model`` and the models inside it: 'Model.field' → description."""
    out = {} if out is None else out
    for name, f in model.model_fields.items():
        key = f"{model.__name__}.{name}"
        if key in out:
            continue
        out[key] = f.description or ""
        for sub in _models_in(f.annotation):
            all_fields(sub, out)
    return out


def _models_in(annotation) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def render_recording(template: str, ctx) -> set[str]:
    """Render ``template`` with ``ctx``; the 'Model.field' names it read (top-level names
    counted from the template and the templates it includes)."""
    env = environment()
    seen: set[str] = set()
    env.get_template(template).render(**{k: wrap(v, seen) for k, v in ctx.template_vars().items()})
    for name in _with_includes(env, template):
        source = env.loader.get_source(env, name)[0]
        for var in meta.find_undeclared_variables(env.parse(source)):
            if var in type(ctx).model_fields:
                seen.add(f"{type(ctx).__name__}.{var}")
    return seen


def _with_includes(env, template: str) -> list[str]:
    """``template`` and every template it includes, however deep."""
    names, todo = [], [template]
    while todo:
        name = todo.pop()
        if name in names:
            continue
        names.append(name)
        todo += [t for t in meta.find_referenced_templates(env.parse(env.loader.get_source(env, name)[0])) if t]
    return names


def report_ctx() -> ReportContext:
    return build_report_context(fixture_score(), fw_info(), GUIDANCE, ROSTER, css="/* css */")


def portfolio_ctx() -> PortfolioContext:
    # Enough partnerships for percentiles, so every field of the template is read.
    return build_portfolio_context(
        [synthetic_score(i) for i in range(5)], fw_info(), css="/* css */", min_for_percentiles=5
    )


def portfolio_ctx_linked() -> PortfolioContext:
    # Reports linked and two waves: the screen table's links and the printed table's wave column.
    scores = [synthetic_score(i) for i in range(5)]
    scores[0] = scores[0].model_copy(update={"wave": "2027"})
    return build_portfolio_context(
        scores,
        fw_info(),
        css="",
        min_for_percentiles=5,
        reports={s.partnership.id: f"reports/{s.partnership.id}.html" for s in scores},
    )


CASES = [
    ("report/report.html.j2", report_ctx, ReportContext),
    ("report/portfolio.html.j2", portfolio_ctx, PortfolioContext),
    ("report/portfolio_print.html.j2", portfolio_ctx, PortfolioContext),
]


@pytest.mark.parametrize("template,make,model", CASES, ids=[c[0] for c in CASES])
def test_each_template_reads_only_documented_context_fields(template, make, model):
    env = environment()
    seen = render_recording(template, make())
    documented = all_fields(model)
    assert seen <= set(documented), sorted(seen - set(documented))
    # Top-level names the template mentions are the model's fields (plus loop variables).
    source = env.loader.get_source(env, template)[0]
    undeclared = meta.find_undeclared_variables(env.parse(source))
    assert undeclared <= set(model.model_fields), sorted(undeclared - set(model.model_fields))


@pytest.mark.parametrize("template,make,model", CASES, ids=[c[0] for c in CASES])
def test_every_context_field_is_documented_and_read_by_its_template(template, make, model):
    documented = all_fields(model)
    assert not [k for k, d in documented.items() if not d], "fields without a description"
    seen = render_recording(template, make())
    if model is ReportContext:  # the full fixture has every element scored; add one that has not
        seen |= render_recording(
            template, build_report_context(incomplete_score(), fw_info(), GUIDANCE, ROSTER, css="")
        )
    if model is PortfolioContext:  # the screen and the printed form share one context: together
        # they read every field (the printed table's short flags, the screen's report links)
        for other in ("report/portfolio.html.j2", "report/portfolio_print.html.j2"):
            seen |= render_recording(other, make()) | render_recording(other, portfolio_ctx_linked())
    unread = set(documented) - seen
    # FrameworkInfo.base_url is used to build links, not shown on its own.
    assert unread <= {"FrameworkInfo.base_url"}, sorted(unread)


def test_a_template_reading_an_undocumented_field_fails():
    env = environment()
    seen: set[str] = set()
    tmpl = env.from_string("{{ summary.secret_score }}")
    with pytest.raises(UndocumentedField, match="Summary.secret_score"):
        tmpl.render(**{k: wrap(v, seen) for k, v in report_ctx().template_vars().items()})
    # even where Jinja would not complain (a default filter), the recorder refuses
    with pytest.raises(UndocumentedField):
        env.from_string("{{ summary.secret_score | default('') }}").render(
            **{k: wrap(v, seen) for k, v in report_ctx().template_vars().items()}
        )


def test_only_chart_svg_and_packaged_css_are_inserted_unescaped():
    for path in sorted((PACKAGE_TEMPLATES / "report").glob("*.j2")):
        for expr in re.findall(r"\{\{([^}]*\|\s*safe[^}]*)\}\}", path.read_text()):
            assert re.fullmatch(r"\s*(meta\.css|[\w.]*chart\.svg)\s*\|\s*safe\s*", expr), f"{path.name}: {expr}"


def test_priorities_put_gate_structures_first_then_lowest_and_strengths_are_the_rest():
    strengths, priorities = choose_priorities(fixture_score())
    assert [e.id for e in priorities] == ["FS2", "P3", "FS4"]
    assert [e.id for e in strengths] == ["P4", "P1", "FS1"]
    assert not {e.id for e in strengths} & {e.id for e in priorities}


def test_element_links_use_the_sites_permanent_paths():
    fw = fw_info()
    v = ".".join(fw.version.split(".")[:2]) + "/"  # addresses name the framework's major.minor
    assert element_url(fw, "P1") == fw.base_url + v + "principles/P1/"
    assert element_url(fw, "FS4") == fw.base_url + v + "structures/FS4/"
    groups = report_ctx().actions
    assert [g.element.url for g in groups] == [
        fw.base_url + v + "structures/FS2/",
        fw.base_url + v + "principles/P3/",
        fw.base_url + v + "structures/FS4/",
    ]


def test_actions_follow_the_elements_level_from_the_instrument_data():
    groups = {g.element.id: g for g in report_ctx().actions}
    # FS2 is at L2: the L2 action applies, the beginners' (up to L1) one does not.
    assert [a.id for a in groups["FS2"].actions] == ["FS2.A1"]
    assert [a.id for a in groups["P3"].actions] == ["P3.A1"]
    assert groups["FS4"].actions == []


def test_suppressed_groups_are_named_but_never_given_a_number():
    ctx = report_ctx()
    assert [c.label for c in ctx.perspectives.group_columns] == [
        "Community (residents, families and community organisations)"
    ]
    hidden = {h.label: h.text for h in ctx.perspectives.hidden_groups}
    assert hidden["Health care"].startswith("fewer than 3 respondents")
    assert (
        "subtraction" in hidden["Related sectors (public health, education, housing, legal, finance, social services)"]
    )


def test_comments_without_an_adequate_group_say_the_sector_is_not_shown():
    ctx = report_ctx()
    assert ctx.comments is not None
    assert {c.sector for c in ctx.comments} == {
        "Community (residents, families and community organisations)",
        "not shown (group of fewer than 3)",
    }


def test_no_change_section_without_a_previous_wave():
    score = fixture_score().model_copy(update={"change": None})
    assert build_report_context(score, fw_info()).change is None


def test_a_comment_never_names_a_group_the_scorer_suppressed():
    from lchd_assess.score.models import Comment

    score = fixture_score()
    score = score.model_copy(
        update={
            "comments": [
                Comment(item="P1.Q1", text="x", sector_group="health-care"),
                Comment(item="P1.Q2", text="y", sector_group="community"),
            ]
        }
    )
    ctx = build_report_context(score, fw_info())
    assert [c.sector for c in ctx.comments] == [
        "not shown (group of fewer than 3)",
        "Community (residents, families and community organisations)",
    ]


def test_the_method_page_states_the_multiplier_the_scores_were_made_with():
    score = fixture_score()
    ctx = build_report_context(score, fw_info(), GUIDANCE)
    assert any("scores times 25, so it runs from 0 to 100" in r for r in ctx.method.rules)
    other = score.model_copy(update={"method": score.method.model_copy(update={"scale_multiplier": 20.0})})
    rules = build_report_context(other, fw_info(), GUIDANCE).method.rules
    assert any("scores times 20, so it runs from 0 to 100" in r for r in rules)
    assert not any("times 25" in r for r in rules)


def test_a_report_from_a_saved_scores_file_says_the_roster_is_not_listed_instead_of_counting_none():
    from lchd_assess.app.report import load_partnership_scores
    from report_helpers import FIXTURES

    saved = FIXTURES.parent / "golden" / "score" / "hand-checked" / "expected.json"
    score, roster = load_partnership_scores(saved)
    assert roster is None
    who = build_report_context(score, fw_info(), GUIDANCE, roster).who
    assert "does not list the partner roster" in who.roster and "0 organisations" not in who.roster
    assert build_report_context(score, fw_info(), GUIDANCE, ROSTER).who.roster == (
        f"the partner roster lists {len(ROSTER)} organisation{'s' if len(ROSTER) != 1 else ''}."
    )


def test_the_gate_is_described_with_the_elements_the_scores_were_gated_on():
    score = fixture_score()
    old = build_report_context(score, fw_info(), GUIDANCE)
    assert "While any of the four foundational structures (FS1–FS4) scores below" in old.meeting.gate_definition
    method = score.method.model_copy(update={"gate_elements": ["FS1", "FS2", "FS3", "FS4", "P4"]})
    new = build_report_context(score.model_copy(update={"method": method}), fw_info(), GUIDANCE)
    assert "(FS1–FS4) and P4 " in new.meeting.gate_definition
    # page 1 and section 7 word it once: page 1 under its bold label, section 7 as "The gate: …"
    words = report_method_words(score.model_copy(update={"method": method}))
    assert new.meeting.gate_definition == words.gate_rule and words.gate in new.method.rules
    assert "P4" in new.method.summary_rule


def test_the_report_states_the_method_in_the_site_pages_own_sentences():
    from lchd_assess.context.method import method_markdown
    from lchd_assess.load.instrument import load_assessment
    from lchd_assess.score.scoring import method_of

    rules = load_assessment().rules
    # a result scored with the current rules (the fixture's own differ in a setting or two)
    score = fixture_score().model_copy(update={"method": method_of(rules)})
    method = build_report_context(score, fw_info(), GUIDANCE).method
    names = {e.id: e.name for e in score.elements}
    page = method_markdown(rules, None, names)
    words = report_method_words(score)
    for sentence in (words.answers, words.element_score, words.computable, words.interval):
        assert sentence in page, sentence
        assert any(sentence in r for r in method.rules), sentence
    # the site page has a heading for the gate, so its rule goes without the report's label
    assert words.gate_rule in page and words.gate in method.rules
    for level in words.levels:
        assert f"| {level.label} | {level.scores} |" in page
        assert f"{level.label}: {level.scores}" in method.levels
