"""The navigation of mkdocs.yml as YAML, written directly for its one shape.

PyYAML's pure-Python emitter spent about 4 ms of every forced build on the ~300 titles and paths
of the nav (it analyses every character of every scalar).  The nav has one shape: a list whose
items are a path, or a one-key mapping from a title to a path or to such a list.  For that
shape the block style PyYAML writes is simple, and so is knowing when a string may be written
as it is (a plain scalar): :data:`_PLAIN` lets through only text PyYAML itself writes plainly
(letters, digits, spaces and a few punctuation marks, starting with a letter or digit, read
back as text).  Any other string is written by PyYAML alone and placed as it is; anything not of
that shape returns None, and the caller dumps the whole value with PyYAML.  Same bytes as
``yaml.safe_dump(nav, sort_keys=False, allow_unicode=True, width=10_000,
default_flow_style=False)`` (tested on the real nav and on random ones).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.resolver import Resolver

#: A string PyYAML writes without quotes in block style: no indicator at the start, no ": ",
#: " #", quotes, backslash or control characters anywhere, no space at either end.
_PLAIN = re.compile(r"[^\W_][\w .,()/’'–—+&-]*(?<! )", re.ASCII)
_STR = "tag:yaml.org,2002:str"
_RESOLVER = Resolver()
#: PyYAML writes a mapping key as a complex key ("? ") when the key and its tag ("!!str", 5
#: characters, counted though not written) reach 128 characters.
_SIMPLE_KEY_MAX = 122


def _scalar(text: Any) -> str | None:
    """``text`` as PyYAML writes it on one line in block style, or None (not a string, empty, or
    holding a line break: PyYAML may then write more than one line, or a complex key)."""
    if not isinstance(text, str) or not text or any(c in text for c in "\n\r\x85\u2028\u2029"):
        return None
    if _PLAIN.fullmatch(text) and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR:
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000)
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    return None if "\n" in dumped or not dumped else dumped


def _lines(items: Any, indent: str, out: list[str]) -> bool:
    if not isinstance(items, list) or not items:
        return False
    for item in items:
        if isinstance(item, dict):
            if len(item) != 1:
                return False
            ((key, value),) = item.items()
            k = _scalar(key)
            if k is None or len(key) > _SIMPLE_KEY_MAX:
                return False
            if isinstance(value, list):
                out.append(f"{indent}- {k}:")
                if not _lines(value, indent + "  ", out):
                    return False
                continue
            v = _scalar(value)
            if v is None:
                return False
            out.append(f"{indent}- {k}: {v}")
        else:
            s = _scalar(item)
            if s is None:
                return False
            out.append(f"{indent}- {s}")
    return True


def nav_yaml(nav: list[Any]) -> str | None:
    """The nav as PyYAML's block style writes it (without the final newline), or None when it
    is not of the nav's one shape."""
    out: list[str] = []
    return "\n".join(out) if _lines(nav, "", out) else None
