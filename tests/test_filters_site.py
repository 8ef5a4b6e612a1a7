"""The Markdown text filter the site's templates use."""

from __future__ import annotations

import markdown
from hypothesis import given, strategies as st

from lchd_assess.filters import md_text


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
