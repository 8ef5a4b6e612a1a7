"""Glossary terms linked where they appear on a page: the first occurrence of each term, on one
page, links its glossary entry.

Moved from site/ with the link resolver (context/site_links.py); site/pages.py re-exports
:class:`TermLinker`, the name the page builders use.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Iterable

from ..core.formatting import md_text

if TYPE_CHECKING:  # pragma: no cover - annotations only (site_links is not needed to link terms)
    from .site_links import SiteContext


def _term_pattern(text: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s\-]+", text.strip()) if w]
    return r"[\s\-]+".join(words)


#: One glossary pattern: (length, term ID, pattern, probe, probe ignores case).  The probe is a
#: piece of text every match contains (the term's longest word, or the abbreviation), so a text
#: without it is not searched with the pattern at all; None when no such test is exact.
_Pattern = tuple[int, str, "re.Pattern[str]", "str | None", bool]


@functools.lru_cache(maxsize=4)
def _patterns(terms: tuple[tuple[str, str, str | None], ...]) -> tuple[_Pattern, ...]:
    """(length, term ID, pattern, probe, probe ignores case) for each glossary term's name and
    abbreviation, longest first.

    Made once per glossary, not once per page: every page of a build links the same terms.
    """
    return tuple(_term_patterns(terms))


def _term_patterns(terms: tuple[tuple[str, str, str | None], ...]) -> list[_Pattern]:
    pats: list[_Pattern] = []
    for term, term_id, abbreviation in terms:
        words = [w for w in re.split(r"[\s\-]+", term.strip()) if w]
        longest = max(words, key=len).lower() if words else ""
        pats.append(
            (
                len(term),
                term_id,
                re.compile(r"(?<![\w-])" + _term_pattern(term) + r"(?:s|es)?(?![\w-])", re.IGNORECASE),
                # a case-insensitive match of ASCII with ASCII is a match of the lower-cased
                # texts; beyond ASCII, re's case folding has cases str.lower() does not (ı, ſ, K)
                longest if longest.isascii() and longest else None,
                True,
            )
        )
        if abbreviation and len(abbreviation) >= 2:
            pats.append(
                (
                    len(abbreviation),
                    term_id,
                    re.compile(r"(?<![\w-])" + re.escape(abbreviation) + r"s?(?![\w-])"),
                    abbreviation,
                    False,
                )
            )
    # longest first, then by ID: deterministic choice among overlapping terms
    return sorted(pats, key=lambda p: (-p[0], p[1]))


class TermLinker:
    """Links the first occurrence, on one page, of each glossary term to its glossary entry.

    Terms match by name (case-insensitive, hyphen or space between words, plural -s/-es) or by
    abbreviation (case-sensitive).  Longer terms win where matches overlap.  Text is escaped
    for Markdown with ``md_text``; only the link brackets are Markdown.
    """

    def __init__(self, ctx: SiteContext, page_path: str, skip: Iterable[str] = ()) -> None:
        self._md = md_text
        self.ctx = ctx
        self.page_path = page_path
        self.seen: set[str] = set(skip)
        self.patterns = _patterns(tuple((t.term, t.id, t.abbreviation) for t in ctx.fw.terms))

    def __call__(self, text: str) -> str:
        taken: list[tuple[int, int, str]] = []
        # most texts hold few terms: a substring test rules the other patterns out (~10 ms of
        # a forced build's generation went into running all 35 patterns over every text)
        lower = text.lower() if text.isascii() else None
        for _length, term_id, pat, probe, nocase in self.patterns:
            if term_id in self.seen:
                continue
            if probe is not None and ((lower is not None and probe not in lower) if nocase else probe not in text):
                continue
            for m in pat.finditer(text):
                if any(m.start() < e and s < m.end() for s, e, _ in taken):
                    continue
                taken.append((m.start(), m.end(), term_id))
                self.seen.add(term_id)
                break
        out, pos = [], 0
        for s, e, term_id in sorted(taken):
            out.append(self._segment(text[pos:s]))
            href = self.ctx.href(term_id, self.page_path)
            out.append(f'[{self._md(text[s:e])}]({href} "Glossary: {self._md(self.ctx.name_of(term_id))}")')
            pos = e
        out.append(self._segment(text[pos:]))
        return "".join(out).strip()

    def _segment(self, piece: str) -> str:
        """Escape the text between links, keeping one space where the original had any."""
        if not piece:
            return ""
        core = self._md(piece)
        lead = " " if piece[:1].isspace() else ""
        tail = " " if piece[-1:].isspace() and core else ""
        return lead + core + tail
