"""The one WeasyPrint wrapper fetches nothing but data: URLs and the package's own assets."""

from __future__ import annotations

import base64

import pytest

from lchd_assess.render.pdf import ASSETS, RenderError, fetcher, render_pdf

HEAD = '<head><meta charset="utf-8"><title>T</title><meta name="author" content="A"><meta name="description" content="D"><meta name="keywords" content="k"></head>'


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en">{HEAD}<body><h1>Test</h1>{body}</body></html>'


PNG = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c1d8e60000000049454e44ae426082"
    )
).decode()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "/etc/passwd",
        "../../../../../../etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.png",
        "ftp://127.0.0.1/x",
        "file:///" + str(ASSETS) + "/../pdf.py",
    ],
)
def test_an_image_or_stylesheet_outside_the_assets_stops_the_rendering(url):
    for body in (
        f'<img src="{url}" alt="x">',
        f'<link rel="stylesheet" href="{url}">',
        f'<svg width="10" height="10"><image href="{url}" width="10" height="10"/></svg>',
    ):
        with pytest.raises(RenderError, match="may not load"):
            render_pdf(page(body))


def test_data_urls_and_packaged_assets_are_allowed():
    assert render_pdf(page(f'<img src="data:image/png;base64,{PNG}" alt="dot">')).startswith(b"%PDF-1.7")
    assert render_pdf(page('<link rel="stylesheet" href="report.css">')).startswith(b"%PDF")


def test_the_fetcher_refuses_redirects_and_other_protocols_itself():
    f = fetcher()
    assert f._fail_on_errors is True
    assert set(f._allowed_protocols) == {"data", "file"}
    assert not any(type(h).__name__ == "HTTPRedirectHandler" for h in f.handlers)
    with pytest.raises(ValueError):
        f.fetch("file:///etc/hostname")
    assert f.fetch("data:text/plain,hi").read() == b"hi"


def test_a_document_without_metadata_is_refused():
    with pytest.raises(RenderError, match="author"):
        render_pdf(
            '<!DOCTYPE html><html lang="en"><head><title>T</title><meta name="description" content="D"><meta name="keywords" content="k"></head><body>x</body></html>'
        )


def test_metadata_given_as_arguments_replaces_the_html_head_and_fills_what_it_lacks():
    import io

    import pypdf

    pdf = render_pdf(
        '<!DOCTYPE html><html lang="en"><head><title>Page</title><meta name="author" content="Head"></head><body>x</body></html>',
        title="Checklist: X",
        description="D",
        keywords=["a", "b"],
    )
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert (info.title, info.author, info.subject, info.get("/Keywords")) == ("Checklist: X", "Head", "D", "a, b")
