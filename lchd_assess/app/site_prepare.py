"""What the site's pages need from the other stages, made afresh: the validated framework and
self-assessment, the downloads the file writers make (bundle, schemas, answer sheet, codebooks,
blank checklist), the figure's PNG, the "What changed" comparison, and the sample report and
portfolio.  The page generators (site/) read no file format and score nothing: this use case
makes those and hands them in (:class:`~lchd_assess.context.site_links.Prepared`).

:func:`make_inputs` runs only when app/site_inputs.py's cache has no entry for exactly these
files; the command line imports this module only then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..context.citations import CiteEntry, CiteFile, PageCitation, SiteCitations, StyledText
from ..context.release_changes import release_changes
from ..core.paths import citation_file
from ..formats import citation
from ..formats.citation import load_cff
from ..formats.bundle import bundle_json
from ..formats.checklist import blank_checklist_yaml
from ..formats.redcap import RAW_CODES
from ..formats.responses import codebook_markdown, template_csv
from ..formats.schemas import expected_schemas
from ..load.framework import Framework, load_framework
from ..load.standard import standard_from
from ..load.instrument import Assessment, load_assessment
from ..load.translation import Translation, available_languages, load_translation
from ..render.checklist import blank_checklist_pdf
from ..render.figure_layout import framework_layout
from ..render.figure_png import figure_png
from ..score.portfolio import DERIVED_FIELDS, PORTFOLIO_FIELDS
from ..site.guides import SAMPLE_PORTFOLIO, SAMPLE_REPORT
from ..site.instrument import TEMPLATE_CSV
from ..context.site_cite import citable_pages
from ..context.site_links import Prepared, SiteContext
from .portfolio import portfolio_html
from .report import load_partnership_scores, report_framework_info, report_html
from .score import example_folders
from .site_inputs import SiteInputs


def sample_files(fw: Framework) -> dict[str, str]:
    """The site's sample report and portfolio (HTML), from the bundled fictional examples.

    HTML only (the PDFs are the same pages printed, and take seconds each); made here, by the
    use case, because the site's page generators do not score (issue 14's stage rules).
    """
    folders = example_folders()
    if not folders:
        return {}
    info = report_framework_info(fw)
    scored = [load_partnership_scores(f) for f in folders]
    first = next((s for s in scored if s[0].partnership.id == "harbour-city-family-network"), scored[0])
    return {
        SAMPLE_REPORT: report_html(first[0], info, first[1]),
        SAMPLE_PORTFOLIO: portfolio_html([s for s, _r in scored], info),
    }


def _or_none(make: Any, *args: Any) -> Any:
    try:
        return make(*args)
    except Exception:  # noqa: BLE001 - the page that needs it loads it itself and reports the error in one line
        return None


def _translations(assessment: Assessment) -> dict[str, Translation]:
    return {
        lang: load_translation(assessment.folder, lang, assessment.instrument)
        for lang in available_languages(assessment.folder)
    }


def _styles(pub: citation.Publication) -> tuple[StyledText, ...]:
    return tuple(StyledText(name=n, text=fn(pub)) for n, fn in citation.STYLES.items())


def citations_for(fw: Framework, cff: dict[str, Any]) -> SiteCitations:
    """Every citable page's citation at its versioned address, and the How-to-cite entries."""
    ctx = SiteContext(fw, cff)
    pages = {}
    for p in citable_pages(ctx):
        pub = citation.page(
            dict(cff),
            label=p.label,
            part_id=p.part_id,
            name=p.name,
            container=p.container,
            version=p.version,
            release_date=fw.meta.release_date,
            url=ctx.permanent_url(p.path),
        )
        files = tuple(CiteFile(name=n, ext=ext, text=fn(pub)) for n, (ext, fn, _mt) in citation.FILES.items())
        pages[p.part_id] = PageCitation(version=pub.version, styles=_styles(pub), files=files)
    paper = citation.from_framework(fw.meta.source_publication)

    def entry(title: str, pub: citation.Publication) -> CiteEntry:
        return CiteEntry(
            title=title,
            styles=_styles(pub),
            apa=citation.apa(pub),
            bibtex=citation.bibtex(pub),
            ris=citation.ris(pub),
            doi_note=citation.doi_note(pub.doi),
        )

    tool = citation.software(dict(cff))
    return SiteCitations(
        pages=pages,
        paper_ama=citation.ama(paper),
        paper_doi_note=citation.doi_note(paper.doi),
        cite_page=(
            entry("The framework paper", citation.paper(dict(cff))),
            entry(f"This toolkit, version {tool.version}", tool),
        ),
    )


def prepared_for(fw: Framework, cff: dict[str, Any] | None = None) -> Prepared:
    """Everything the pages take ready-made, for the framework ``fw``, the configured
    assessment folder and CITATION.cff (``cff``, read when not given): the downloads as
    `lchd-assess template`, `checklist new` and `bundle` write them, and the citations."""
    cff = cff if cff is not None else load_cff(citation_file())
    assessment = _or_none(load_assessment)
    translations = _or_none(_translations, assessment) if assessment else None
    csv_name = TEMPLATE_CSV.rsplit("/", 1)[1]
    codebooks = None
    if assessment is not None:
        inst = assessment.instrument
        codebooks = {"": codebook_markdown(inst, csv_name)}
        codebooks |= {lang: codebook_markdown(inst, csv_name, tr) for lang, tr in (translations or {}).items()}
    std = standard_from(fw)
    return Prepared(
        release_changes=_or_none(release_changes, fw.root, fw.meta.version),
        assessment=assessment,
        translations=translations,
        schemas=expected_schemas(),
        figure_png=figure_png(framework_layout(fw, lambda _id: "")),  # a picture has no links
        bundle_json=bundle_json(fw),
        answer_template_csv=template_csv(assessment.instrument) if assessment else None,
        codebooks=codebooks,
        blank_checklist_yaml=blank_checklist_yaml(std) if std is not None else None,
        blank_checklist_pdf=blank_checklist_pdf(std) if std is not None else None,
        raw_codes=dict(RAW_CODES),
        portfolio_columns=[(col, meaning) for col, _path, meaning in PORTFOLIO_FIELDS] + list(DERIVED_FIELDS),
        citations=citations_for(fw, cff),
    )


def make_inputs(framework_dir: Path, cff: dict[str, Any]) -> SiteInputs:
    """The site's inputs made afresh (app/site_inputs.py keeps them by content)."""
    fw = load_framework(framework_dir)
    return SiteInputs(fw=fw, cff=cff, samples=sample_files(fw), prepared=prepared_for(fw, cff))
