"""Every template the toolkit renders, and the one context model it is rendered with.

The table is what a reader looks up ("what can report.html.j2 use?") and what
tests/test_template_contexts.py checks: every template file is here, each model lists its
templates in ``TEMPLATES`` (render/templating.render refuses any other model), and a template
uses exactly its model's fields.  Partials (names starting with ``_``) are checked with the
templates that include them.  Imported by nothing at run time: it loads every context module.
"""

from __future__ import annotations

from .base import _Ctx
from .file_contexts import (
    ChecklistForm,
    ChecklistPage,
    ChecklistWriteup,
    QuestionnairePage,
    QuestionnairePaper,
)
from .portfolio import PortfolioContext
from .report_context import ReportContext
from .site_pages import (
    ChangelogPage,
    ChangesPage,
    CitePage,
    CrosswalkIndexPage,
    CrosswalkPage,
    DownloadsPage,
    ElementIndexPage,
    ElementPage,
    GeneratedMarkdownPage,
    GlossaryPage,
    HomePage,
    MessagesPage,
    MkDocsConfig,
    ReferencesPage,
)
from .site_pages_use import (
    GuidelineCrosswalkPage,
    GuidePage,
    InstrumentItemsPage,
    InstrumentPage,
    PlatformPage,
    PlatformsPage,
    ResearchAgendaPage,
    StandardItemPage,
    StandardPage,
)

#: The package's templates (lchd_assess/templates/), by the name they are loaded with.
PACKAGE_TEMPLATES: dict[str, type[_Ctx]] = {
    "report/report.html.j2": ReportContext,
    "report/portfolio.html.j2": PortfolioContext,
    "report/portfolio_print.html.j2": PortfolioContext,
    "questionnaire/questionnaire.html.j2": QuestionnairePage,
    "questionnaire/paper.html.j2": QuestionnairePaper,
    "checklist/checklist.html": ChecklistPage,
    "checklist/checklist.md": ChecklistPage,
    "checklist/writeup-template.md": ChecklistWriteup,
    "checklist/form.html": ChecklistForm,
}

#: The site's templates (site_templates/ and its pages/), by the name they are loaded with.
SITE_TEMPLATES: dict[str, type[_Ctx]] = {
    "mkdocs.yml.jinja": MkDocsConfig,
    "changelog.md": ChangelogPage,
    "changes.md": ChangesPage,
    "cite.md": CitePage,
    "crosswalk-index.md": CrosswalkIndexPage,
    "crosswalk.md": CrosswalkPage,
    "downloads.md": DownloadsPage,
    "element-index.md": ElementIndexPage,
    "element.md": ElementPage,
    "generated-markdown.md": GeneratedMarkdownPage,
    "glossary.md": GlossaryPage,
    "guide-coordinate.md": GuidePage,
    "guide-fund.md": GuidePage,
    "guide-write.md": GuidePage,
    "guideline-crosswalk.md": GuidelineCrosswalkPage,
    "home.md": HomePage,
    "instrument-items.md": InstrumentItemsPage,
    "instrument.md": InstrumentPage,
    "messages.md": MessagesPage,
    "platform.md": PlatformPage,
    "platforms.md": PlatformsPage,
    "references.md": ReferencesPage,
    "research-agenda.md": ResearchAgendaPage,
    "standard-item.md": StandardItemPage,
    "standard.md": StandardPage,
}
