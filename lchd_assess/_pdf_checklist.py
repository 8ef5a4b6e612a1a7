"""HTML → PDF for the reporting checklist, with WeasyPrint 70 locked down.

Private to the checklist: the report stage writes ``lchd_assess/pdf.py`` in parallel, and the
two are to be folded into one after merging.  The rules are the toolkit's: WeasyPrint may fetch
only ``data:`` URLs and files inside the package's own ``assets/`` folder; redirects are off;
any other fetch stops rendering (``fail_on_errors``) instead of degrading silently; the PDF is
tagged (PDF/UA-1) and carries title, author, subject and keywords.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

ASSETS = (Path(__file__).parent / "assets").resolve()


def _fetcher():
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class PackageAssetsOnly(URLFetcher):
        """data: URLs, and file: URLs that resolve inside the package's assets folder."""

        def fetch(self, url, headers=None):  # noqa: ANN001 - WeasyPrint's signature
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                target = Path(unquote(urlsplit(url).path)).resolve()
                if not target.is_relative_to(ASSETS):
                    raise FatalURLFetchingError(f"blocked: {url} is outside the toolkit's assets")
            elif scheme != "data":
                raise FatalURLFetchingError(f"blocked: {url} (only data: URLs and the toolkit's own assets may be loaded)")
            return super().fetch(url, headers)

    return PackageAssetsOnly(allowed_protocols=("data", "file"), allow_redirects=False, fail_on_errors=True, timeout=5)


def html_to_pdf(html: str, title: str, subject: str, keywords: list[str], author: str = "LCHD partnership toolkit") -> bytes:
    """Render ``html`` (self-contained: inline CSS) to tagged PDF bytes."""
    from weasyprint import HTML

    fetcher = _fetcher()
    doc = HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=fetcher).render()
    doc.metadata.title = title
    doc.metadata.authors = [author]
    doc.metadata.description = subject
    doc.metadata.keywords = keywords
    doc.metadata.generator = "lchd-assess"
    return doc.write_pdf(pdf_variant="pdf/ua-1")
