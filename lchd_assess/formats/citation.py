"""Citations: one :class:`Publication` model, one formatter per style (APA, AMA, Vancouver,
BibTeX, RIS).

Every citation the toolkit prints (the "How to cite" page, each element's and reporting item's
"Cite this" box, the BibTeX and RIS downloads) is built here from a :class:`Publication`; no
other module formats a reference.  The paper and the toolkit come from ``CITATION.cff``
(Citation File Format 1.2.0; GitHub and Zenodo read it), an element or item page from
:func:`page`.  cffconvert does not convert ``preferred-citation`` (the paper), so the styles are
our own small functions.  CFF is YAML: it is read with the toolkit's one safe loader.

The paper's DOI ends in the capital letter O (``…053509O``), which monospace type shows like
a zero; :func:`doi_note` says so in words wherever a DOI is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..load.yamlload import load_yaml


@dataclass(frozen=True)
class Person:
    family: str
    given: str = ""


@dataclass(frozen=True)
class Publication:
    """What a citation says, whatever the style.

    ``kind`` is ``article`` (the paper), ``software`` (the toolkit) or ``page`` (one element or
    reporting item of a versioned site).  Authors are people or, as plain strings, groups.
    """

    kind: str
    title: str
    authors: tuple[Person | str, ...]
    year: int | None = None
    month: int | None = None
    journal: str = ""
    journal_abbreviation: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    url: str = ""
    version: str = ""
    #: For a page: the site it belongs to ("LCHD cross-sector partnership framework").
    container: str = ""
    #: For a page: what it is ("Principle", "Reporting item"); its ID for keys and file names.
    label: str = ""
    part_id: str = ""
    keywords: tuple[str, ...] = field(default=())


# -- from CITATION.cff -----------------------------------------------------------------------


def load_cff(path: str | Path) -> dict[str, Any]:
    loaded = load_yaml(path)
    if loaded.findings:
        raise InputError(loaded.findings[0].format_text())
    data = loaded.data
    if not isinstance(data, dict) or "cff-version" not in data or "title" not in data:
        raise InputError(
            f"{path}: not a CITATION.cff file (no cff-version or title); see https://citation-file-format.github.io/"
        )
    return data


def _cff_authors(authors: list[dict[str, Any]]) -> tuple[Person | str, ...]:
    return tuple(
        Person(str(a["family-names"]), str(a.get("given-names", ""))) if "family-names" in a else str(a.get("name", ""))
        for a in authors
    )


def paper(cff: dict[str, Any]) -> Publication:
    """The work to cite first: ``preferred-citation`` (the framework paper)."""
    ref = cff.get("preferred-citation")
    if not isinstance(ref, dict):
        raise InputError("CITATION.cff: preferred-citation is missing; it must describe the framework paper")
    return Publication(
        kind="article",
        title=str(ref["title"]),
        authors=_cff_authors(ref.get("authors", [])),
        year=int(ref["year"]) if ref.get("year") else None,
        month=int(ref["month"]) if ref.get("month") else None,
        journal=str(ref.get("journal", "")),
        journal_abbreviation=str(ref.get("journal-abbreviation", ref.get("journal", ""))),
        volume=str(ref.get("volume", "")),
        issue=str(ref.get("issue", "")),
        pages=str(ref.get("start", "")),
        doi=str(ref.get("doi", "")),
        url=str(ref.get("url", "")),
    )


def software(cff: dict[str, Any]) -> Publication:
    """The toolkit itself, as CITATION.cff describes it."""
    released = str(cff.get("date-released", ""))
    return Publication(
        kind="software",
        title=str(cff["title"]),
        authors=_cff_authors(cff.get("authors", [])),
        year=int(released[:4]) if released[:4].isascii() and released[:4].isdigit() else None,
        doi=str(cff.get("doi", "")),
        url=str(cff.get("repository-code") or cff.get("url", "")),
        version=str(cff.get("version", "")),
    )


def from_framework(pub: Any) -> Publication:
    """The framework paper as ``framework.yaml`` describes it (``source_publication``)."""
    return Publication(
        kind="article",
        title=pub.title,
        authors=tuple(Person(a.family, a.given) for a in pub.authors),
        year=pub.year,
        month=int(pub.date[5:7]),
        journal=pub.journal,
        journal_abbreviation=pub.journal_abbreviation,
        volume=pub.volume,
        issue=pub.issue,
        pages=pub.article_number,
        doi=pub.doi,
        url=pub.url,
    )


def page(
    cff: dict[str, Any],
    *,
    label: str,
    part_id: str,
    name: str,
    container: str,
    version: str,
    release_date: str,
    url: str,
) -> Publication:
    """One element's or reporting item's page in one version of the site.

    The authors are the toolkit's (the page's words are ours; the paper is cited alongside);
    ``url`` is the versioned address, so the cited text never changes under the citation.
    """
    return Publication(
        kind="page",
        title=f"{part_id}: {name}",
        authors=_cff_authors(cff.get("authors", [])),
        year=int(release_date[:4]) if release_date[:4].isascii() and release_date[:4].isdigit() else None,
        url=url,
        version=version,
        container=container,
        label=label,
        part_id=part_id,
    )


# -- small pieces ----------------------------------------------------------------------------


def _initials(given: str) -> str:
    """APA: 'Patrick Y.' → 'P. Y.'; 'Anne-Marie' → 'A.-M.'."""
    return " ".join("-".join(p[0] + "." for p in word.split("-") if p) for word in given.split())


def _compact_initials(given: str) -> str:
    """AMA and Vancouver: 'Patrick Y.' → 'PY'; 'Anne-Marie' → 'AM'."""
    return "".join(p[0] for word in given.replace(".", " ").split() for p in word.split("-") if p)


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _sentence_case(title: str) -> str:
    """AMA and Vancouver titles: capital only on the first word, after a colon, and on acronyms."""
    words = title.split(" ")
    out: list[str] = []
    for i, w in enumerate(words):
        letters = [ch for ch in w if ch.isalpha()]
        acronym = len(letters) > 1 and all(ch.isupper() for ch in letters)
        keep = i == 0 or out[-1].endswith(":") or acronym
        out.append(w if keep else w.lower())
    return " ".join(out)


def _suppl(issue: str) -> str:
    return issue.replace("Supplement ", "Suppl ")


def doi_note(doi: str) -> str:
    """A sentence for a DOI containing the letter O, which monospace type shows like zero."""
    if "O" not in doi:
        return ""
    return (
        f"The DOI {doi} ends in the capital letter O (not the digit zero)."
        if doi.endswith("O")
        else f"The DOI {doi} contains the capital letter O (not the digit zero)."
    )


def _access() -> str:
    return "[date you read it]"


# -- APA 7 (Markdown: italics with *) ----------------------------------------------------------


def _apa_name(a: Person | str) -> str:
    if isinstance(a, str):
        return a
    return f"{a.family}, {_initials(a.given)}" if a.given else a.family


def _apa_authors(authors: tuple[Person | str, ...]) -> str:
    names = [_apa_name(a) for a in authors]
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", … " + names[-1]


def apa(pub: Publication) -> str:
    authors = _end(_apa_authors(pub.authors))
    year = pub.year or "n.d."
    link = f"https://doi.org/{pub.doi}" if pub.doi else pub.url
    if pub.kind == "article":
        vol = f"*{pub.volume}*" if pub.volume else ""
        issue = f"({pub.issue})" if pub.issue else ""
        pages = f", {pub.pages}" if pub.pages else ""
        return f"{authors} ({year}). {_end(pub.title)} *{pub.journal}*, {vol}{issue}{pages}. {link}".strip()
    version = f" (Version {pub.version})" if pub.version else ""
    if pub.kind == "page":
        return f"{authors} ({year}). *{pub.label} {pub.title}*{version}. In *{pub.container}*. {link}"
    return f"{authors} ({year}). *{pub.title}*{version} [Computer software]. {link}".strip()


# -- AMA 11 (JAMA, Pediatrics) ---------------------------------------------------------------


def _compact_name(a: Person | str) -> str:
    return a if isinstance(a, str) else f"{a.family} {_compact_initials(a.given)}".strip()


def ama(pub: Publication) -> str:
    """AMA Manual of Style, 11th ed.: up to 6 authors, else the first 3 and "et al"."""
    names = [_compact_name(a) for a in pub.authors]
    authors = ", ".join(names) if len(names) <= 6 else ", ".join(names[:3]) + ", et al"
    if pub.kind == "article":
        doi = f" doi:{pub.doi}" if pub.doi else ""
        return f"{_end(authors)} {_end(_sentence_case(pub.title))} *{pub.journal_abbreviation or pub.journal}*. {pub.year};{pub.volume}({_suppl(pub.issue).replace('Suppl', 'suppl')}):{pub.pages}.{doi}"
    if pub.kind == "page":
        return f"{_end(authors)} {pub.label} {_end(pub.title)} *{pub.container}*, version {pub.version}. Published {pub.year}. Accessed {_access()}. {pub.url}"
    return (
        f"{_end(authors)} *{pub.title}*. Version {pub.version}. Published {pub.year}. Accessed {_access()}. {pub.url}"
    )


# -- Vancouver (ICMJE / NLM Citing Medicine) --------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def vancouver(pub: Publication) -> str:
    """Citing Medicine: up to 6 authors, else the first 6 and "et al."; no italics."""
    names = [_compact_name(a) for a in pub.authors]
    authors = ", ".join(names) if len(names) <= 6 else ", ".join(names[:6]) + ", et al"
    if pub.kind == "article":
        month = f" {_MONTHS[pub.month - 1]}" if pub.month else ""
        doi = f" doi:{pub.doi}" if pub.doi else ""
        return f"{_end(authors)} {_end(_sentence_case(pub.title))} {pub.journal_abbreviation or pub.journal}. {pub.year}{month};{pub.volume}({_suppl(pub.issue)}):{pub.pages}.{doi}"
    if pub.kind == "page":
        return f"{_end(authors)} {pub.label} {pub.title} [Internet]. {pub.container}, version {pub.version}; {pub.year} [cited {_access()}]. Available from: {pub.url}"
    return f"{_end(authors)} {pub.title} [Computer program]. Version {pub.version}. {pub.year} [cited {_access()}]. Available from: {pub.url}"


# -- BibTeX and RIS (files for reference managers) -------------------------------------------


def key(pub: Publication) -> str:
    """A BibTeX key: first author's family name (or first word of a group), year, a title word."""
    first = pub.authors[0] if pub.authors else "anon"
    name = first.family if isinstance(first, Person) else first
    word = re.sub(r"[^A-Za-z]", "", name.split()[0] if name.split() else name).lower() or "anon"
    if pub.part_id:
        return (
            f"{word}{pub.year or ''}{re.sub(r'[^A-Za-z0-9]', '', pub.part_id).lower()}v{pub.version.replace('.', '')}"
        )
    title_word = next(
        (w.lower() for w in re.findall(r"[A-Za-z]+", pub.title) if len(w) > 3 and w.lower() != word), "work"
    )
    return f"{word}{pub.year or ''}{title_word}"


def _bib_escape(text: str) -> str:
    for ch in ("&", "%", "$", "#", "_"):
        text = text.replace(ch, "\\" + ch)
    return text


def _bib_name(a: Person | str) -> str:
    if isinstance(a, str):
        return "{" + a + "}"
    return f"{a.family}, {a.given}" if a.given else a.family


def bibtex(pub: Publication) -> str:
    fields: list[tuple[str, str]] = [("author", " and ".join(_bib_name(a) for a in pub.authors))]
    if pub.kind == "article":
        entry = "article"
        fields += [
            ("title", "{" + _bib_escape(pub.title) + "}"),
            ("journal", pub.journal),
            ("volume", pub.volume),
            ("number", pub.issue),
            ("pages", pub.pages),
        ]
    elif pub.kind == "page":
        entry = "misc"
        fields += [
            ("title", "{" + _bib_escape(f"{pub.label} {pub.title}") + "}"),
            ("howpublished", _bib_escape(f"{pub.container}, version {pub.version}")),
            ("version", pub.version),
        ]
    else:
        entry = "software"
        fields += [("title", "{" + _bib_escape(pub.title) + "}"), ("version", pub.version)]
    fields.append(("year", str(pub.year or "")))
    if pub.month:
        fields.append(("month", str(pub.month)))
    if pub.doi:
        fields.append(("doi", pub.doi))
    if pub.url:
        fields.append(("url", pub.url))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@{entry}{{{key(pub)},\n{body}\n}}\n"


def ris(pub: Publication) -> str:
    kind = {"article": "JOUR", "software": "COMP", "page": "ELEC"}[pub.kind]
    lines = [("TY", kind)]
    lines += [("AU", _bib_name(a).strip("{}")) for a in pub.authors]
    lines.append(("TI", f"{pub.label} {pub.title}" if pub.kind == "page" else pub.title))
    if pub.kind == "article":
        lines += [("JO", pub.journal), ("VL", pub.volume), ("IS", pub.issue), ("SP", pub.pages)]
    if pub.kind == "page":
        lines.append(("T2", pub.container))
    if pub.version:
        lines.append(("ET", pub.version))
    lines.append(("PY", str(pub.year or "")))
    if pub.doi:
        lines.append(("DO", pub.doi))
    if pub.url:
        lines.append(("UR", pub.url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines if value or tag == "ER")


def report_paper_citation(fw: Any) -> str:
    """The paper as reports cite it: Vancouver, the style of the framework's reference list."""
    return vancouver(from_framework(fw.meta.source_publication))


#: style name → formatter; the site's cite boxes and "How to cite" page list these in order.
STYLES = {"APA": apa, "AMA": ama, "Vancouver": vancouver}
#: download name → (file extension, formatter, media type).
FILES = {"BibTeX": ("bib", bibtex, "application/x-bibtex"), "RIS": ("ris", ris, "application/x-research-info-systems")}
