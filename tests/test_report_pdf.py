"""The one WeasyPrint wrapper fetches nothing but data: URLs and the package's own assets."""

from __future__ import annotations

import base64
import sys
import types

import pytest

from lchd_assess.render.pdf import ASSETS, RenderError, _with_stack_room, fetcher, render_pdf

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


# --- WeasyPrint runs with room on CPython's frame stack (render/pdf.py, _with_stack_room) ---


def _faults_while_calling_at_each_depth(depths: int = 300, calls: int = 200) -> int:
    """The most page faults seen while ``calls`` small calls are made at one call depth, over
    ``depths`` consecutive depths.  Where a call's frame does not fit in the current block of
    CPython's frame stack, every call maps a fresh block (a fault) and unmaps it on return."""
    import resource

    def leaf() -> None:
        return None

    # a callee that needs more frame room than one level of dive() adds, so some depth is
    # always one where it does not fit
    big_leaf = types.FunctionType(leaf.__code__.replace(co_stacksize=leaf.__code__.co_stacksize + 64), {})

    def dive(n: int) -> int:
        if n:
            return dive(n - 1)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(calls):
            big_leaf()
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    return max(dive(d) for d in range(depths))


@pytest.mark.skipif(sys.implementation.name != "cpython" or sys.version_info < (3, 11), reason="CPython's frame stack")
def test_calls_under_the_stack_room_do_not_map_a_frame_stack_block_each_time():
    calls = 200
    # the measurement sees the churn where there is no room: a block mapped per call at some depth
    assert _faults_while_calling_at_each_depth(calls=calls) >= calls
    # inside the reserved room, the same calls at the same depths map none
    assert _with_stack_room(_faults_while_calling_at_each_depth, calls=calls) < calls // 4


def test_the_stack_room_passes_arguments_results_and_errors_through():
    assert _with_stack_room(lambda a, *, b: (a, b), 1, b=2) == (1, 2)
    with pytest.raises(KeyError, match="x"):
        _with_stack_room({}.__getitem__, "x")


def test_weasyprint_draws_the_pdf_inside_the_stack_room(monkeypatch):
    from lchd_assess.render import pdf as pdf_module

    calls = []

    def recording(fn, /, *args, **kwargs):
        calls.append(fn)
        return _with_stack_room(fn, *args, **kwargs)

    monkeypatch.setattr(pdf_module, "_with_stack_room", recording)
    assert render_pdf(page("<p>x</p>")).startswith(b"%PDF-")
    assert len(calls) == 1
