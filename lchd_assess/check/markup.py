"""Plain-text fields hold no markup.

Names, titles and descriptions in the framework, the instrument and a partnership's files are
plain text: every page, report and PDF escapes them, but a name that carries ``<script>`` or an
``onerror=`` handler is never what an author meant, and some consumers (MkDocs' navigation,
other tools reading the bundle) show text as HTML.  ``validate`` therefore flags markup in any
text value, with its place, so it is fixed at the source rather than trusted downstream.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from ..core.findings import Finding
from ..core.text import excerpt
from ..load.documents import Document


# A tag opening or closing (<b, </b, <!--), an event handler attribute, a javascript: URL, or a
# character reference (&lt; &#60; &#x3c;).  "fewer than <5" and "A & B" stay allowed.
_MARKUP = re.compile(
    r"<\s*[/!]?\s*[a-zA-Z]|\bon[a-z]{3,}\s*=|javascript\s*:|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});", re.IGNORECASE
)


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _strings(v, path + (i,))


def markup_findings(doc: Document) -> list[Finding]:
    out = []
    for path, text in _strings(doc.loaded.data):
        m = _MARKUP.search(text)
        if m:
            shown = excerpt(text[m.start() :], 30)
            out.append(
                doc.loaded.locate(
                    Finding(
                        "markup-in-text",
                        f"'{shown}' is markup in a plain-text field; write it as plain words",
                        path=path,
                    )
                )
            )
    return out


def check_markup(docs: Iterable[Document], index: object) -> list[Finding]:
    """Markup in plain-text fields of every loaded document."""
    return [f for d in docs if d.model is not None for f in markup_findings(d)]
