"""Citations from ``CITATION.cff``: APA, BibTeX and RIS for the paper and for the toolkit.

``CITATION.cff`` (Citation File Format 1.2.0) is the one place the toolkit's citation lives;
GitHub and Zenodo read it, and the site's "How to cite" page is generated from it here.
cffconvert does not convert ``preferred-citation`` (the paper), so the formats are produced by
our own small functions over the CFF mapping.  CFF is YAML: it is read with the toolkit's one
safe loader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..load.yamlload import load_yaml


def load_cff(path: str | Path) -> dict[str, Any]:
    loaded = load_yaml(path)
    if loaded.findings:
        raise InputError(loaded.findings[0].format_text())
    data = loaded.data
    if not isinstance(data, dict) or "cff-version" not in data or "title" not in data:
        raise InputError(f"{path}: not a CITATION.cff file (no cff-version or title); see https://citation-file-format.github.io/")
    return data


def paper(cff: dict[str, Any]) -> dict[str, Any]:
    """The work to cite first: ``preferred-citation`` (the framework paper)."""
    ref = cff.get("preferred-citation")
    if not isinstance(ref, dict):
        raise InputError("CITATION.cff: preferred-citation is missing; it must describe the framework paper")
    return ref


def software(cff: dict[str, Any]) -> dict[str, Any]:
    """The toolkit itself, as a CFF reference of type software."""
    keys = ("title", "authors", "version", "date-released", "doi", "url", "repository-code", "license", "abstract")
    out = {k: cff[k] for k in keys if k in cff}
    out["type"] = "software"
    if "date-released" in out:
        out["year"] = int(str(out["date-released"])[:4])
    return out


# -- names -----------------------------------------------------------------------------------


def _initials(given: str) -> str:
    """'Patrick Y.' → 'P. Y.'; 'Anne-Marie' → 'A.-M.'."""
    parts = []
    for word in given.split():
        parts.append("-".join(p[0] + "." for p in word.split("-") if p))
    return " ".join(parts)


def _is_person(a: dict[str, Any]) -> bool:
    return "family-names" in a


def apa_name(a: dict[str, Any]) -> str:
    if not _is_person(a):
        return str(a.get("name", ""))
    given = a.get("given-names", "")
    return f"{a['family-names']}, {_initials(given)}" if given else str(a["family-names"])



def bib_name(a: dict[str, Any]) -> str:
    if not _is_person(a):
        return "{" + str(a.get("name", "")) + "}"
    given = a.get("given-names")
    return f"{a['family-names']}, {given}" if given else str(a["family-names"])


def _apa_authors(authors: list[dict[str, Any]]) -> str:
    names = [apa_name(a) for a in authors]
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", … " + names[-1]


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


# -- formats ---------------------------------------------------------------------------------


def apa(ref: dict[str, Any]) -> str:
    """APA 7 reference in Markdown (italics with ``*``)."""
    authors = _end(_apa_authors(ref.get("authors", [])))
    year = ref.get("year", "n.d.")
    doi = ref.get("doi")
    link = f"https://doi.org/{doi}" if doi else ref.get("url", "")
    if ref.get("type") == "article":
        vol = f"*{ref['volume']}*" if ref.get("volume") else ""
        issue = f"({ref['issue']})" if ref.get("issue") else ""
        pages = f", {ref['start']}" if ref.get("start") else ""
        return f"{authors} ({year}). {_end(ref['title'])} *{ref['journal']}*, {vol}{issue}{pages}. {link}".strip()
    version = f" (Version {ref['version']})" if ref.get("version") else ""
    return f"{authors} ({year}). *{ref['title']}*{version} [Computer software]. {link}".strip()


def _key(ref: dict[str, Any]) -> str:
    authors = ref.get("authors") or [{}]
    first = authors[0].get("family-names") or authors[0].get("name") or "anon"
    word = re.sub(r"[^A-Za-z]", "", first.split()[0] if first.split() else first).lower() or "anon"
    title_word = next((w.lower() for w in re.findall(r"[A-Za-z]+", ref.get("title", "")) if len(w) > 3 and w.lower() != word), "work")
    return f"{word}{ref.get('year', '')}{title_word}"


def _bib_escape(text: str) -> str:
    for ch in ("&", "%", "$", "#", "_"):
        text = text.replace(ch, "\\" + ch)
    return text


def bibtex(ref: dict[str, Any]) -> str:
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(bib_name(a) for a in ref.get("authors", []))),
        ("title", "{" + _bib_escape(ref["title"]) + "}"),
    ]
    if ref.get("type") == "article":
        entry = "article"
        fields += [("journal", ref["journal"]), ("volume", str(ref.get("volume", ""))), ("number", str(ref.get("issue", ""))), ("pages", str(ref.get("start", "")))]
    else:
        entry = "software"
        fields += [("version", str(ref.get("version", "")))]
        if ref.get("repository-code"):
            fields.append(("url", ref["repository-code"]))
    fields.append(("year", str(ref.get("year", ""))))
    if ref.get("month"):
        fields.append(("month", str(ref["month"])))
    if ref.get("doi"):
        fields.append(("doi", ref["doi"]))
    if ref.get("url") and not any(k == "url" for k, _ in fields):
        fields.append(("url", ref["url"]))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@{entry}{{{_key(ref)},\n{body}\n}}\n"


def ris(ref: dict[str, Any]) -> str:
    lines = [("TY", "JOUR" if ref.get("type") == "article" else "COMP")]
    lines += [("AU", bib_name(a).strip("{}")) for a in ref.get("authors", [])]
    lines.append(("TI", ref["title"]))
    if ref.get("type") == "article":
        lines += [("JO", ref["journal"]), ("VL", str(ref.get("volume", ""))), ("IS", str(ref.get("issue", ""))), ("SP", str(ref.get("start", "")))]
    elif ref.get("version"):
        lines.append(("ET", str(ref["version"])))
    lines.append(("PY", str(ref.get("year", ""))))
    if ref.get("doi"):
        lines.append(("DO", ref["doi"]))
    url = ref.get("url") or ref.get("repository-code")
    if url:
        lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines if value or tag == "ER")
