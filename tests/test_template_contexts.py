"""Every template gets one typed context model, and nothing else (STYLE.md habit 12).

The table of templates and their models is context/templates.py; render/templating.render is
the one way a template is rendered and refuses anything but the template's own model.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta

from lchd_assess.context.site_pages import HomePage, SitePage
from lchd_assess.context.templates import PACKAGE_TEMPLATES, SITE_TEMPLATES
from lchd_assess.render.templating import PACKAGE_TEMPLATES as PACKAGE_DIR
from lchd_assess.render.templating import environment, render
from lchd_assess.site.pages import templates_dir

PACKAGE = Path(__file__).resolve().parents[1] / "lchd_assess"


def _site_env() -> jinja2.Environment:
    return environment([templates_dir() / "pages", templates_dir()], markdown=True)


def _template_files() -> dict[str, str]:
    """Every template the toolkit renders, by the name it is loaded with (partials, whose names
    start with "_", are checked with the templates that include them)."""
    package = {
        p.relative_to(PACKAGE_DIR).as_posix(): "package"
        for p in PACKAGE_DIR.rglob("*")
        if p.is_file() and not p.name.startswith((".", "_"))
    }
    pages = {p.name: "site" for p in (templates_dir() / "pages").glob("*.md") if not p.name.startswith("_")}
    return {**package, **pages, "mkdocs.yml.jinja": "site"}


def _variables(env: jinja2.Environment, name: str) -> set[str]:
    """The variables a template reads, its included partials' too."""
    source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
    tree = env.parse(source)
    found = set(meta.find_undeclared_variables(tree))
    for ref in meta.find_referenced_templates(tree):
        if ref is not None and ref != name:
            found |= _variables(env, ref)
    return found


def test_every_template_is_listed_with_its_context_model():
    files = _template_files()
    table = {**PACKAGE_TEMPLATES, **SITE_TEMPLATES}
    assert sorted(files) == sorted(table)
    for name, model in table.items():
        assert name in model.TEMPLATES, (name, model.__name__)


def _env_for(name: str) -> jinja2.Environment:
    return environment() if name in PACKAGE_TEMPLATES else _site_env()


@pytest.mark.parametrize("name", sorted({**PACKAGE_TEMPLATES, **SITE_TEMPLATES}))
def test_a_template_reads_only_its_models_fields(name):
    model = {**PACKAGE_TEMPLATES, **SITE_TEMPLATES}[name]
    assert _variables(_env_for(name), name) <= set(model.model_fields), name


@pytest.mark.parametrize(
    "model", sorted({*PACKAGE_TEMPLATES.values(), *SITE_TEMPLATES.values()}, key=lambda m: m.__name__)
)
def test_every_field_of_a_context_model_is_read_by_one_of_its_templates(model):
    used = set().union(*(_variables(_env_for(name), name) for name in model.TEMPLATES))
    assert used == set(model.model_fields), model.__name__


def test_a_template_given_anything_but_its_own_model_is_refused():
    env = _site_env()
    home = HomePage.model_construct()
    with pytest.raises(TypeError, match="'home.md' is rendered with its context model, not dict"):
        render(env, "home.md", {"title": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not HomePage"):
        render(env, "element.md", home)


def test_nothing_renders_a_template_except_the_one_render_function():
    """A template loaded any other way could be given a dict or a live object again."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).as_posix() == "render/templating.py":
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\.(get_template|from_string|select_template|get_or_select_template)\(", text):
            offenders.append(f"{path.relative_to(PACKAGE)}: {m.group(0)}")
    assert offenders == []


def test_a_trusted_context_refuses_a_name_that_is_not_a_field_and_a_missing_field():
    with pytest.raises(TypeError, match=r"unknown \['bogus'\]"):
        HomePage.trusted(bogus=1)
    with pytest.raises(TypeError, match="missing"):
        HomePage.trusted(title="x")


def test_every_site_page_context_validates_and_renders_the_same_validated(built_site):
    """The builders skip validation (``trusted``); here every page of the real site is validated
    against its model, and the validated context renders byte-identically (so no field's type
    drops or changes anything the template shows)."""
    site, _result, _folder = built_site
    env = _site_env()
    assert site.pages
    for page in site.pages:
        ctx = page.context
        assert isinstance(ctx, SitePage) and type(ctx) is SITE_TEMPLATES[page.template], page.path
        validated = type(ctx).model_validate(ctx.template_vars())
        assert render(env, page.template, validated) == render(env, page.template, ctx), page.path
