"""The documentation site: Markdown pages generated from the framework, built by MkDocs.

``generate(fw, cff)`` is pure: it returns every file of the docs folder (``docs/``) and the
MkDocs configuration (``mkdocs.yml``) as text, in a :class:`Site`.  Writing, checking and
building them with MkDocs is :mod:`lchd_assess.site.build`.

Extending the site is done in one place, :data:`PAGE_SETS`: a list of :class:`PageSet`, each a
function ``build(ctx) -> list[Page]`` that returns pages (a docs-relative Markdown path, a
template in ``site_templates/pages/``, a title and the template's context).  Their order is the
navigation order; pages sets that share a ``group`` become one navigation section.  Element
pages take extra sections from :data:`ELEMENT_SECTIONS` (assessment items, recommended actions
and reporting items add themselves there), and :data:`ADDRESSES` says where each kind of ID
lives, so every page links IDs the same way.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any, Mapping

import yaml

from ..core.addresses import LATEST, release_of
from ..core.addresses import latest_url as _latest_url
from ..load.framework import Framework
from ..context.site_pages import MkDocsConfig
from ..render.templating import environment, render
from . import changes as site_changes
from .nav_yaml import nav_yaml
from . import guides as site_guides
from . import instrument as site_instrument
from . import platforms as site_platforms
from . import standard as site_standard
from .framework_pages import (  # noqa: F401  (page builders, re-exported for PAGE_SETS' readers)
    DOWNLOAD_LISTS,
    DOWNLOAD_SETS,
    ELEMENT_SECTIONS,
    article_jsonld,
    changelog_pages,
    cite_pages,
    crosswalk_pages,
    download_files,
    downloads_pages,
    element_pages,
    glossary_pages,
    highwire,
    home_pages,
    jsonld_text,
    messages_pages,
    references_pages,
    term_set_ref,
)
from .pages import (  # noqa: F401  (the shared pieces, re-exported: tests and callers use them from here)
    ADDRESSES,
    ELEMENT_KINDS,
    GENERATED_MARK,
    INCOMING_LABELS,
    MARKER_FILE,
    MKDOCS_ENV,
    Page,
    PageSet,
    Prepared,
    SiteContext,
    TermLinker,
    templates_dir,
)
from ..core.paths import repo_root  # noqa: F401  (re-exported: the site tests use it from here)


PAGE_SETS: list[PageSet] = [
    PageSet("home", "Home", home_pages),
    PageSet("start", "Start here", site_guides.guide_pages),
    PageSet(
        "concepts",
        "Concepts",
        element_pages(
            "concept", "The concepts of Life Course Health Development (LCHD) that the framework starts from."
        ),
        group="The framework",
    ),
    PageSet(
        "characteristics",
        "Characteristics",
        element_pages(
            "characteristic",
            "Characteristics that interventions informed by life course health development share; each follows from one or more concepts.",
        ),
        group="The framework",
    ),
    PageSet(
        "principles",
        "Guiding principles",
        element_pages(
            "principle", "The four guiding principles that direct a partnership toward life-course-oriented action."
        ),
        group="The framework",
    ),
    PageSet(
        "structures",
        "Foundational structures",
        element_pages(
            "structure",
            "The four foundational structures a partnership needs in order to carry out the guiding principles.",
        ),
        group="The framework",
    ),
    PageSet(
        "limitations",
        "Limitations",
        element_pages(
            "limitation", "The limitations of prevailing approaches that the framework sets out to overcome."
        ),
        group="The framework",
    ),
    PageSet(
        "models",
        "Prevailing models",
        element_pages(
            "partnership-model",
            "The prevailing models of cross-sector partnership in health care, with their innovations and limitations (Figure 1 of the paper).",
        ),
        group="The framework",
    ),
    PageSet("research-agenda", "Measuring impact", site_standard.research_agenda_pages, group="The framework"),
    PageSet("instrument", "Self-assessment", site_instrument.instrument_pages, group="Using the framework"),
    PageSet("survey-platforms", "Survey platforms", site_platforms.platform_pages, group="Using the framework"),
    PageSet("reporting-standard", "Reporting standard", site_standard.reporting_pages, group="Using the framework"),
    PageSet("crosswalks", "Crosswalks", crosswalk_pages, group="Reference"),
    PageSet("glossary", "Glossary", glossary_pages, group="Reference"),
    PageSet("references", "References", references_pages, group="Reference"),
    PageSet("messages", "Validation messages", messages_pages, group="Reference"),
    PageSet("changelog", "Changelog", changelog_pages, group="Reference"),
    PageSet("changes", "What changed", site_changes.changes_pages, group="Reference"),
    PageSet("cite", "How to cite", cite_pages, group="Cite and download"),
    PageSet("downloads", "Downloads", downloads_pages, group="Cite and download"),
]


def register_page_set(page_set: PageSet, before: str | None = None) -> None:
    """Add a page set (e.g. from the instrument's module); ``before`` names an existing set."""
    if any(p.name == page_set.name for p in PAGE_SETS):
        raise ValueError(f"page set {page_set.name!r} registered twice")
    if before is None:
        PAGE_SETS.append(page_set)
        return
    names = [p.name for p in PAGE_SETS]
    PAGE_SETS.insert(names.index(before), page_set)


# -- Generation ------------------------------------------------------------------------------


@dataclass
class Site:
    """Everything generated: docs-relative path → text, the MkDocs config, and the nav."""

    files: dict[str, str | bytes]  # text pages and downloads; bytes for binary ones (PDF)
    config: str
    pages: list[Page]
    nav: list[Any]


def _front_matter(page: Page, ctx: SiteContext) -> str:
    jsonld = (
        dict(page.jsonld)
        if page.jsonld is not None
        else {
            "@type": "WebPage",
            "@id": ctx.permanent_url(page.path),
            "url": ctx.permanent_url(page.path),
            "name": page.title,
            "isPartOf": term_set_ref(ctx.fw),
            "about": {"@id": f"https://doi.org/{ctx.fw.meta.source_publication.doi}"},
        }
    )
    # MkDocs and the theme print the title and description into the page as they are (no
    # autoescape), so they are escaped here: text, and an attribute value for the description
    lines = ["---", f"title: {json.dumps(html.escape(page.title, quote=False), ensure_ascii=False)}"]
    if page.description:
        description = html.escape(" ".join(page.description.split()), quote=False).replace('"', "&quot;")
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if page.element_id:
        lines.append(f"element_id: {json.dumps(page.element_id)}")
    lines.append(f"jsonld: {json.dumps(jsonld_text(jsonld), ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _nav(page_sets: list[tuple[PageSet, list[Page]]]) -> list[Any]:
    nav: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for ps, pages in page_sets:
        if not pages:
            continue
        # navigation titles go into every page's HTML unescaped by MkDocs: escape them here
        if len(pages) == 1:
            entry: Any = {html.escape(pages[0].nav_title or pages[0].title, quote=False): pages[0].path}
        else:
            entry = {
                html.escape(ps.title, quote=False): [
                    pages[0].path,
                    *({html.escape(p.nav_title or p.title, quote=False): p.path} for p in pages[1:]),
                ]
            }
        if ps.group is None:
            nav.append(entry)
        else:
            if ps.group not in groups:
                groups[ps.group] = []
                nav.append({ps.group: groups[ps.group]})
            groups[ps.group].append(entry)
    return nav


def generate(
    fw: Framework,
    cff: Mapping[str, Any],
    directory_urls: bool = True,
    extra_files: Mapping[str, str | bytes] | None = None,
    prepared: Prepared | None = None,
) -> Site:
    """``extra_files``: docs-relative path → content made by other stages (the sample report
    and portfolio, from app/site.py), written beside the pages and linked from them;
    ``prepared``: what the caller has made already (see :class:`Prepared`)."""
    ctx = SiteContext(fw, cff, directory_urls=directory_urls)
    ctx.extra_files = dict(extra_files or {})
    ctx.prepared = prepared or Prepared()
    env = environment([templates_dir() / "pages", templates_dir()], markdown=True)
    built = [(ps, ps.build(ctx)) for ps in PAGE_SETS]
    files: dict[str, str] = {}
    pages: list[Page] = []
    for _ps, ps_pages in built:
        for page in ps_pages:
            if page.path in files:
                raise ValueError(f"two pages at {page.path}")
            # the page's context model only: no live framework, site object or function
            body = render(env, page.template, page.context)
            files[page.path] = (
                _front_matter(page, ctx) + GENERATED_MARK.format(template=page.template) + "\n\n" + body.strip() + "\n"
            )
            pages.append(page)
    files.update(download_files(ctx))
    for fn in [*DOWNLOAD_SETS, lambda c: c.extra_files]:
        for rel, data in fn(ctx).items():
            if rel in files:
                raise ValueError(f"two files at {rel}")
            files[rel] = data
    for asset in sorted((templates_dir() / "assets").rglob("*")):
        if asset.is_file():
            files[asset.relative_to(templates_dir() / "assets").as_posix()] = asset.read_text(encoding="utf-8")
    files[MARKER_FILE] = (
        "This folder is generated by `lchd-assess site build`; every file in it is rewritten or removed by the next build.\n"
    )
    nav = _nav(built)
    config = _config(ctx, nav, env)
    return Site(files=files, config=config, pages=pages, nav=nav)


def _config(ctx: SiteContext, nav: list[Any], env: Any) -> str:
    fw = ctx.fw
    pub = fw.meta.source_publication
    copyright_html = (
        f"{html.escape(fw.meta.short_title)} version {html.escape(fw.meta.version)} · "
        f"lchd-assess toolkit version {html.escape(ctx.toolkit_version)} · "
        f"Based on {html.escape(pub.authors[0].family)} et al., <em>{html.escape(pub.journal)}</em> {pub.year}, "
        f'<a href="{html.escape(pub.url)}">doi:{html.escape(pub.doi)}</a> · '
        f"Text {html.escape(fw.meta.licence.split(' (')[0])}"
    )
    extra = {
        "framework_version": fw.meta.version,
        "toolkit_version": ctx.toolkit_version,
        "citation": highwire(fw),
        "jsonld_site": jsonld_text({**term_set_ref(fw), "url": fw.meta.base_url, "citation": article_jsonld(fw)}),
        "generator": False,
        # Material's version selector: it reads versions.json beside the release folders
        # (<base>/versions.json, written by `lchd-assess site publish`); a single-version local
        # build has none and shows no selector.
        "version": {"provider": "mike", "default": LATEST, "alias": True},
        # every page names its release and links the same page in the latest one
        "release": release_of(fw.meta.version),
        "latest_base": _latest_url(fw.meta.base_url),
    }

    def dump(value: Any) -> str:
        return yaml.safe_dump(
            value, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False
        ).rstrip("\n")

    config = MkDocsConfig.trusted(
        site_name=fw.meta.short_title,
        site_url=fw.meta.base_url,
        site_description=" ".join(fw.meta.summary.split()),
        copyright=copyright_html,
        directory_urls=ctx.directory_urls,
        nav_yaml=nav_yaml(nav) or dump(nav),
        extra_yaml=dump(extra),
    )
    return render(env, "mkdocs.yml.jinja", config)
