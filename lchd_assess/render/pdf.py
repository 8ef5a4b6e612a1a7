"""The one WeasyPrint wrapper: HTML string → tagged PDF, fetching nothing but our own assets.

Reports, the portfolio and the reporting checklist all render through :func:`render_pdf`.

Rules (WeasyPrint 70.x; checked against ``weasyprint/urls.py``):

* :class:`AssetsOnlyFetcher` subclasses ``weasyprint.urls.URLFetcher`` with
  ``allowed_protocols=("data", "file")``, ``allow_redirects=False`` and ``fail_on_errors=True``,
  and refuses any ``file:`` URL outside the package's ``assets/`` folder.  A refused URL stops
  the rendering (``FatalURLFetchingError``), which :func:`render_pdf` turns into one clear
  :class:`RenderError`: a PDF never silently drops (or leaks) a resource.  (WeasyPrint 70
  catches even that error while drawing an SVG ``<image>``; the fetcher therefore also records
  what it refused, and :func:`render_pdf` fails afterwards if anything was.)
* The same fetcher is given to ``HTML`` and to every ``CSS``; we pass no ``stylesheets=`` or
  ``xmp_metadata=`` URLs at all (the GHSA-jf6q-chmf-3h3v bypass path).
* ``pdf_variant="pdf/ua-1"``: tagged PDF 1.7 for screen readers.  Title, author, subject
  (``<meta name=description>``) and keywords come from the HTML ``<head>`` (WeasyPrint reads them
  there), or from the keyword arguments of :func:`render_pdf`, which override the head (the
  checklist names its PDF after the report and standard, not the page title); either way
  :func:`render_pdf` checks they are set.
* Fonts: the package's own Lato files (``assets/fonts/``), declared with ``@font-face`` by
  :mod:`lchd_assess.render.fonts` and fetched through the same restricted fetcher; the
  stylesheets name that family first.  Nothing reaches the network.

Determinism: WeasyPrint writes no creation date unless ``<meta name=dcterms.created>`` is
given (we give none), names font subsets by a hash of their content and writes no random
document ID for PDF/UA-1, so the same HTML gives byte-identical PDFs on the same machine
(``tests/test_report_render.py`` and ``tests/test_checklist_tools.py`` check it; two CLI runs in separate processes and under different hash seeds gave identical bytes too).  Across machines the
fonts are the shipped ones, so a machine's own fonts change nothing (``tests/test_pdf_fonts.py``
renders under a fontconfig that sees only another family and compares bytes); what still
differs is the WeasyPrint/pydyf version written in ``/Producer`` (pinned to 70.x), and a
character the shipped family lacks, which fontconfig fills from a system font.
"""

from __future__ import annotations

import hashlib
import json
import logging
import types
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import unquote, urlsplit

from ..core.errors import LchdError
from .fonts import font_face_css, FACES, fonts_dir
from ..core.outputs import write_atomic

#: The package's own assets: the only files a rendered document may read.
ASSETS = Path(str(resources.files("lchd_assess") / "assets")).resolve()

PDF_VARIANT = "pdf/ua-1"

_T = TypeVar("_T")


class RenderError(LchdError):
    """The PDF could not be rendered (a refused resource, or missing metadata)."""

    exit_code = 2


def read_asset(name: str) -> str:
    """The text of a packaged asset (CSS), read through importlib.resources."""
    return (resources.files("lchd_assess") / "assets" / name).read_text(encoding="utf-8")


def _fetcher_class():
    # WeasyPrint is imported on the first PDF, not with this module: it takes ~0.25 s, and most
    # commands that import render/ (site build with a cached blank checklist, HTML reports) draw none
    from weasyprint.urls import URLFetcher

    class AssetsOnlyFetcher(URLFetcher):
        """``data:`` URLs, and ``file:`` URLs inside the package's assets folder; nothing else."""

        def __init__(self) -> None:
            super().__init__(timeout=5, allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=True)
            #: Every URL refused. WeasyPrint 70 swallows even fatal fetch errors while drawing an
            #: SVG <image>, so render_pdf also checks this list after rendering.
            self.refused: list[str] = []

        def fetch(self, url, headers=None):  # noqa: ANN001 (WeasyPrint's signature)
            try:
                return self._fetch(url, headers)
            except Exception:
                self.refused.append(url)
                raise

        def _fetch(self, url, headers):  # noqa: ANN001
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                parts = urlsplit(url)
                if parts.netloc not in ("", "localhost"):
                    raise ValueError(f"blocked: {url} (remote file URL)")
                path = Path(unquote(parts.path)).resolve()
                if not path.is_relative_to(ASSETS):
                    raise ValueError(f"blocked: {url} (outside the report assets)")
            elif scheme != "data":
                raise ValueError(f"blocked: {url} (only data: and packaged assets may be fetched)")
            return super().fetch(url, headers)

    return AssetsOnlyFetcher


def fetcher():
    """A new restricted fetcher (cheap; one per document)."""
    return _fetcher_class()()


def render_pdf(
    html: str,
    *,
    title: str | None = None,
    author: str | None = None,
    description: str | None = None,
    keywords: list[str] | None = None,
    on_page: Callable[[int], None] | None = None,
) -> bytes:
    """Render ``html`` to PDF/UA-1 bytes with the restricted fetcher.

    Metadata comes from the HTML ``<head>``; a keyword argument that is given replaces the
    head's value. Raises :class:`RenderError` when a resource is refused or the document ends
    up without a title, author, description or keywords.  ``on_page(n)`` is called as WeasyPrint
    lays out page ``n`` (and with 0 when it starts writing the file), for a progress bar over a
    long document (the portfolio).
    """
    from weasyprint import CSS, HTML  # lazily (see _fetcher_class)
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    # WeasyPrint logs every refused fetch and CSS it ignores as a warning; we raise instead.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    url_fetcher = fetcher()

    def refused(what: object) -> RenderError:
        return RenderError(
            f"PDF not written: the document asks for a resource that the toolkit's PDFs may not load ({what}); only data: URLs and the toolkit's own assets are allowed"
        )

    def draw() -> bytes:
        # The shipped font family, declared for every document and fetched like any asset, so the
        # PDF is drawn with the same font files on every machine (render/fonts.py).
        font_config = FontConfiguration()
        fonts = CSS(
            string=font_face_css(ASSETS),
            base_url=ASSETS.as_uri() + "/",
            url_fetcher=url_fetcher,
            font_config=font_config,
        )
        document = HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=url_fetcher).render(
            pdf_variant=PDF_VARIANT, stylesheets=[fonts], font_config=font_config
        )
        _set_metadata(document.metadata, title, author, description, keywords)
        # SVG images are drawn (and their resources fetched) while writing.
        return document.write_pdf(pdf_variant=PDF_VARIANT)

    watcher = _PageWatcher(on_page) if on_page is not None else None
    try:
        pdf = _with_stack_room(draw)  # WeasyPrint's calls get room on the frame stack (see there)
    except FatalURLFetchingError as exc:
        raise refused(exc.__cause__ or exc) from None
    finally:
        if watcher is not None:
            watcher.close()
    if url_fetcher.refused:
        raise refused(url_fetcher.refused[0])
    return pdf


def _call(fn: Callable[..., _T], /, *args: object, **kwargs: object) -> _T:
    return fn(*args, **kwargs)


#: ``fn(*args, **kwargs)``, called from a frame that reserves 2**15 slots of frame stack (256 KiB)
#: it never uses, so that WeasyPrint's calls run inside one block of frame stack.
#:
#: Why: CPython (3.11 and later) keeps the frames of running Python functions on a per-thread
#: stack made of 16 KiB blocks, and gives a block back to the system (``munmap``) as soon as the
#: calls that needed it return.  WeasyPrint's layout recurses up and down; when that happens to
#: straddle a block boundary, every crossing maps a new block, touches it and unmaps it again.
#: For a partnership report that was ~14,000 crossings: ~0.1 s of system time, 7 % of the
#: command (strace counted the blocks; benchmarks/report.py the time), and how many depended only on how
#: deep the call stack was when WeasyPrint started.  A frame this large opens a 512 KiB block
#: whose unused half holds WeasyPrint's calls (a report's need under 30 KiB).  The space costs
#: address space only: pages nobody touches are never given memory.  Same result, same errors;
#: on a Python that keeps frames elsewhere the reservation is simply unused.
_with_stack_room = types.FunctionType(
    _call.__code__.replace(co_stacksize=_call.__code__.co_stacksize + 2**15), _call.__globals__, "_with_stack_room"
)


def _set_metadata(
    meta, title: str | None, author: str | None, description: str | None, keywords: list[str] | None
) -> None:
    """Replace the head's metadata by the values given; raise :class:`RenderError` when the
    document still has no title, author, description or keywords (PDF/UA needs them)."""
    if title is not None:
        meta.title = title
    if author is not None:
        meta.authors = [author]
    if description is not None:
        meta.description = description
    if keywords is not None:
        meta.keywords = list(keywords)
    missing = [
        name
        for name, value in (
            ("title", meta.title),
            ("author", meta.authors),
            ("description", meta.description),
            ("keywords", meta.keywords),
        )
        if not value
    ]
    if missing:
        raise RenderError(
            f"PDF not written: the document has no {', '.join(missing)}; add <title>/<meta name=...> to the HTML head"
        )


class _PageWatcher(logging.Handler):
    """Turns WeasyPrint's progress log ('Step 5 - Creating layout - Page 12', 'Step 6 -
    Creating PDF') into ``on_page`` calls while one document renders; removed afterwards."""

    def __init__(self, on_page: Callable[[int], None]) -> None:
        super().__init__(logging.INFO)
        self.on_page = on_page
        self.logger = logging.getLogger("weasyprint.progress")
        self.saved = (self.logger.level, self.logger.propagate)
        # INFO reaches this handler only; nothing is printed through the root logger
        self.logger.setLevel(logging.INFO)
        self.logger.propagate = False
        self.logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if msg.startswith("Step 5 - Creating layout - Page "):
            page = msg.split("Page ", 1)[1].split(" ", 1)[0]
            if page.isdigit():  # another WeasyPrint's wording only loses the bar, never the PDF
                self.on_page(int(page))
        elif msg.startswith("Step 6"):
            self.on_page(0)

    def close(self) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]
        super().close()


def render_pdf_cached(html: str, cache_dir: Path | None, **meta: object) -> bytes:
    """:func:`render_pdf`, reusing an earlier result for exactly the same input.

    The PDF is a pure function of the HTML, the metadata, the shipped fonts and the WeasyPrint version (see the
    determinism note above), so the cache key is a hash of all of them and a hit skips loading
    WeasyPrint at all.  Used for the site's blank-checklist download, which otherwise costs most
    of a full site regeneration.  A corrupt or missing entry is simply rendered again; with no
    cache folder (``None``) every call renders.
    """
    if cache_dir is None:
        return render_pdf(html, **meta)  # type: ignore[arg-type]

    # the shipped font files are an input too: a font update must not reuse PDFs drawn with the old one
    font_sums = [hashlib.sha256((fonts_dir(ASSETS) / name).read_bytes()).hexdigest() for name, _w, _s in FACES]
    key_src = json.dumps(
        {"html": html, "meta": meta, "weasyprint": version("weasyprint"), "variant": PDF_VARIANT, "fonts": font_sums},
        sort_keys=True,
        default=str,
    )
    key = hashlib.sha256(key_src.encode("utf-8")).hexdigest()
    entry = Path(cache_dir) / f"{key}.pdf"
    try:
        data = entry.read_bytes()
        if data.startswith(b"%PDF-"):
            return data
    except OSError:
        pass
    data = render_pdf(html, **meta)  # type: ignore[arg-type]
    try:
        write_atomic(entry, data)
    except OSError:
        pass  # a read-only checkout still renders; it just does not cache
    return data
