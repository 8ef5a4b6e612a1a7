"""The Markdown text filter the site's templates use."""

from __future__ import annotations

import markdown
from hypothesis import given, strategies as st

from lchd_assess.render.filters import md_text


def test_md_text_shows_markup_characters_as_written():
    text = "Fewer than <5 members & *not* _all_ [of] them | {x} `code` \\ back"
    html = markdown.markdown(md_text(text), extensions=["tables", "attr_list"])
    assert html == "<p>Fewer than &lt;5 members &amp; *not* _all_ [of] them | {x} `code` \\ back</p>"


def test_md_text_keeps_text_on_one_line():
    assert md_text("a\n  b\tc") == "a b c"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_md_text_never_produces_a_tag(text):
    html = markdown.markdown(md_text(text), extensions=["tables", "attr_list"])
    assert "<" not in html.removeprefix("<p>").removesuffix("</p>")


@given(st.text(alphabet=st.sampled_from(list("ab 1.#-+*_[]()<>&|{}`\\!:=~^")), max_size=30))
def test_md_text_shows_exactly_the_text_after_markdown(text):
    import html as html_mod

    rendered = markdown.markdown(md_text(text), extensions=["tables", "attr_list"])
    shown = html_mod.unescape(rendered.removeprefix("<p>").removesuffix("</p>"))
    assert shown == " ".join(text.split())


def test_md_prose_keeps_backticked_spans_as_code_and_escapes_the_rest():
    from lchd_assess.render.filters import md_prose

    html = markdown.markdown(md_prose("Add `source: {section: ...}` to *each* <element>."))
    assert html == "<p>Add <code>source: {section: ...}</code> to *each* &lt;element&gt;.</p>"
    assert md_prose("odd ` tick") == md_text("odd ` tick")
