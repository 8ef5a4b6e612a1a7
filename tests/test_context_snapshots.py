"""Context snapshots as JSON for the templates the report goldens do not cover: one site page per
page template, the questionnaire, the blank checklist and the examples' portfolio.

A change in what a page shows is reviewed here as a diff of data (rerun with --update-golden),
not as a diff of rendered Markdown or HTML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_files import assert_golden

from lchd_assess.app.report import load_partnership_scores
from lchd_assess.app.score import example_folders
from lchd_assess.context.checklist import build_context
from lchd_assess.context.file_contexts import ChecklistPage
from lchd_assess.context.portfolio import build_portfolio_context
from lchd_assess.context.questionnaire import questionnaire_context
from lchd_assess.context.templates import SITE_TEMPLATES
from lchd_assess.core.outputs import dumps_json
from lchd_assess.load.framework import load_standard
from lchd_assess.load.instrument import load_assessment

from report_helpers import fw_info

GOLDEN = Path(__file__).parent / "golden" / "contexts"
#: one page per site page template: the first page the site builds with it
PAGE_TEMPLATES = sorted(name for name in SITE_TEMPLATES if name.endswith(".md"))


def _check(name: str, data: object, update_golden: bool) -> None:
    assert_golden(dumps_json(data), GOLDEN / f"{name}.json", f"{name}: context", update_golden)


@pytest.mark.parametrize("template", PAGE_TEMPLATES)
def test_a_site_page_context_matches_its_snapshot(template, built_site, update_golden):
    site, _result, _folder = built_site
    page = next((p for p in site.pages if p.template == template), None)
    assert page is not None, f"no page of the site uses {template}"
    data = {"path": page.path, "context": page.context.model_dump(mode="json")}
    _check(f"site-{template.removesuffix('.md')}", data, update_golden)


def test_the_questionnaire_context_matches_its_snapshot(update_golden):
    ctx = questionnaire_context(load_assessment().instrument)
    data = ctx.model_dump(mode="json")
    data["generator"] = "(toolkit version)" if "generator" in data else None
    _check("questionnaire", data, update_golden)


def test_the_blank_checklist_context_matches_its_snapshot(update_golden):
    ctx = build_context(load_standard(), None, "blank")
    _check("checklist-blank", ChecklistPage(c=ctx).model_dump(mode="json"), update_golden)


def test_the_examples_portfolio_context_matches_its_snapshot(update_golden):
    scores = [load_partnership_scores(folder)[0] for folder in example_folders()]
    data = build_portfolio_context(scores, fw_info()).model_dump(mode="json")
    data["meta"]["generator"] = "(toolkit version)"
    _check("portfolio-examples", data, update_golden)
