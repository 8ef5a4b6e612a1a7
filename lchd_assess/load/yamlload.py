"""The one YAML loader of the toolkit.

Every path in the product (framework, instrument, partnership, checklist) reads YAML through
:func:`load_yaml`.  It is deliberately stricter than ``yaml.safe_load``:

* only plain data: mappings, lists, text, numbers, ``true``/``false`` and ``null``; any other tag
  (``!!python/object``, merge keys, ``!!binary`` …) is a finding, never an object;
* a duplicate key in a mapping is a finding (PyYAML would silently keep the last one);
* unquoted ``yes``/``no``/``on``/``off`` are findings, not booleans;
* dates stay text, so JSON output is the same as the YAML input;
* aliases and the number of values built are bounded ("billion laughs"), and so is file size;
* every value keeps its line and column, so a finding deep in the data points at its place.

It returns values, never raises on bad content: ``LoadedYaml.findings`` says what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..core.findings import Finding, PathT
from .yaml_nodes import MAP as _MAP, SEQ as _SEQ, STR as _STR, NodeLoader as _Loader
from .yaml_words import explain
from ..core.files import TooLarge, read_limited
from ..core.paths import as_path

MAX_BYTES = 2 * 1024 * 1024  # framework files are a few dozen KiB; 2 MiB is generous
MAX_ALIASES = 100
MAX_VALUES = 200_000

_STD = "tag:yaml.org,2002:"
_BOOL_WORDS = {"true", "false"}


@dataclass
class LoadedYaml:
    file: str
    data: Any = None
    #: path → (line, column), 1-based, of each value; for mapping entries also the key.
    positions: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathT, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    text: str = ""

    @property
    def ok(self) -> bool:
        return not self.findings

    def position(self, path: PathT, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if key and path in self.key_positions:
                return self.key_positions[path]
            if path in self.positions:
                return self.positions[path]
            if not path:
                return (None, None)
            path = path[:-1]

    def locate(self, finding: Finding, key: bool = False) -> Finding:
        """Give ``finding`` this file and the line:column of its path."""
        line, col = self.position(finding.path, key=key)
        return finding.at(file=self.file, line=line, column=col)


class _AliasLimit(Exception):
    def __init__(self, mark: Any, values: bool = False) -> None:
        self.mark = mark
        self.values = values


_constructor = yaml.SafeLoader("")  # only for its scalar helpers (int and float parsing)


def _pos(node: Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, loaded: LoadedYaml) -> None:
        self.loaded = loaded
        self.count = 0
        # An alias is the same node object met again; counting those bounds alias use
        # whichever parser composed the nodes.
        self.seen: set[int] = set()
        self.aliases = 0
        self.positions = loaded.positions

    def _finding(self, code: str, message: str, node: Node, path: PathT) -> None:
        line, col = _pos(node)
        self.loaded.findings.append(Finding(code, message, file=self.loaded.file, path=path, line=line, column=col))

    def build(self, node: Node, path: PathT) -> Any:
        """The plain Python value of ``node`` (mappings, lists, text, numbers, true/false, null);
        findings for every tag, key or value the toolkit's YAML does not allow.

        Long because it is one recursive step per node: split by node kind, each level of
        nesting would take two Python frames, and a file could nest only half as deep before
        'the data is nested too deeply' (tried: 900 levels → 500). Scalars, most of the nodes,
        are looked at first."""
        self.count += 1
        if self.count > MAX_VALUES:
            raise _AliasLimit(node.start_mark, values=True)
        key = id(node)
        if key in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _AliasLimit(node.start_mark)
        else:
            self.seen.add(key)
        mark = node.start_mark
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))
        tag = node.tag or ""
        if isinstance(node, ScalarNode):
            value = node.value
            if tag == _STR:
                return value
            if tag == _STD + "null":
                return None
            if tag == _STD + "bool":
                if value.lower() in _BOOL_WORDS:
                    return value.lower() == "true"
                self._finding(
                    "yaml-yes-no-boolean",
                    f"'{value}' is ambiguous: write true or false, or quote it (\"{value}\") if you mean text",
                    node,
                    path,
                )
                return value
            if tag == _STD + "int":
                return _constructor.construct_yaml_int(node)
            if tag == _STD + "float":
                f = _constructor.construct_yaml_float(node)
                if f != f or f in (float("inf"), float("-inf")):
                    self._finding(
                        "yaml-unsupported-tag",
                        f"'{value}' (infinity or not-a-number) cannot be stored; write a finite number",
                        node,
                        path,
                    )
                    return None
                return f
            if tag == _STD + "timestamp":
                return value
            self._finding(
                "yaml-unsupported-tag",
                f"the tag {tag} is not allowed; only plain text, numbers, true/false, null, lists and mappings",
                node,
                path,
            )
            return None
        if isinstance(node, MappingNode):
            if tag != _MAP:
                self._finding(
                    "yaml-unsupported-tag", f"the tag {tag} is not allowed here; write a plain mapping", node, path
                )
                return None
            out: dict[str, Any] = {}
            key_positions = self.loaded.key_positions
            for key_node, value_node in node.value:
                if key_node.tag == _STD + "merge":
                    self._finding(
                        "yaml-unsupported-tag", "merge keys (<<) are not supported; write the keys out", key_node, path
                    )
                    continue
                if not isinstance(key_node, ScalarNode):
                    self._finding("yaml-syntax", "a mapping key must be plain text", key_node, path)
                    continue
                key = key_node.value
                at = path + (key,)
                if key in out:
                    first = key_positions.get(at, ("?", "?"))
                    self._finding(
                        "yaml-duplicate-key",
                        f"key '{key}' appears twice in this mapping (first at line {first[0]}); remove or rename one",
                        key_node,
                        at,
                    )
                    continue
                mark = key_node.start_mark
                key_positions[at] = (mark.line + 1, mark.column + 1)
                out[key] = self.build(value_node, at)
            return out
        assert isinstance(node, SequenceNode)
        if tag != _SEQ:
            self._finding("yaml-unsupported-tag", f"the tag {tag} is not allowed here; write a plain list", node, path)
            return None
        return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]


def _decode(raw: bytes, loaded: LoadedYaml) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        loaded.findings.append(
            Finding(
                "utf8-bom",
                "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
                file=loaded.file,
                line=1,
                column=1,
            )
        )
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        loaded.findings.append(
            Finding(
                "not-utf8",
                f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8",
                file=loaded.file,
                line=line,
                column=col,
            )
        )
        return None


def read_text(path: Path, display: str, loaded: LoadedYaml, max_bytes: int = MAX_BYTES) -> str | None:
    """Read ``path`` as UTF-8 text, adding input/encoding findings to ``loaded``."""
    try:
        # regular files only, at most the limit + 1 bytes read: /dev/zero never ends and a FIFO
        # would wait for a writer forever, and st_size says nothing about either
        raw = read_limited(path, max_bytes)
    except TooLarge as exc:
        loaded.findings.append(
            Finding("file-too-large", f"the file is {exc.size:,} bytes; the limit is {max_bytes:,} bytes", file=display)
        )
        return None
    except FileNotFoundError:
        loaded.findings.append(Finding("file-not-found", "no such file", file=display))
        return None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        reason = exc.strerror or type(exc).__name__
        loaded.findings.append(Finding("file-unreadable", f"cannot read the file ({reason})", file=display))
        return None
    return _decode(raw, loaded)


def parse_yaml_text(text: str, display: str) -> LoadedYaml:
    loaded = LoadedYaml(file=display, text=text)
    _parse_into(text, loaded)
    return loaded


def load_yaml(path: str | Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> LoadedYaml:
    """Load one YAML file safely; findings instead of exceptions."""
    path = as_path(path)
    loaded = LoadedYaml(file=display or str(path))
    text = read_text(path, loaded.file, loaded, max_bytes)
    if text is None:
        return loaded
    loaded.text = text
    _parse_into(text, loaded)
    return loaded


def _tab_in_indentation(text: str, loaded: LoadedYaml) -> bool:
    """A finding (and True) for the first line indented with a tab."""
    if "\t" not in text:  # most files: one scan in C instead of a Python step per line
        return False
    for n, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip() and not line.lstrip().startswith("#"):
            loaded.findings.append(
                Finding(
                    "yaml-tab",
                    "tab character in indentation; indent with spaces",
                    file=loaded.file,
                    line=n,
                    column=indent.index("\t") + 1,
                )
            )
            return True
    return False


_FAILED = object()


def _compose(text: str, loaded: LoadedYaml) -> Any:
    """PyYAML's node tree of ``text``, or ``_FAILED`` with one finding saying why not."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "not valid YAML").strip()
        lines = text.splitlines()
        line_text = lines[mark.line] if mark and mark.line < len(lines) else None
        words, _quotable = explain(problem, line_text)
        loaded.findings.append(
            Finding(
                "yaml-syntax",
                words
                if words != problem
                else f"{problem}" + (f" ({exc.context})" if exc.context and exc.problem else ""),
                file=loaded.file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
        )
        return _FAILED
    except yaml.reader.ReaderError as exc:  # control characters such as NUL
        before = text[: exc.position]
        lno = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        loaded.findings.append(
            Finding(
                "yaml-syntax",
                f"character U+{exc.character if isinstance(exc.character, int) else ord(exc.character):04X} is not allowed in YAML text; remove it",
                file=loaded.file,
                line=lno,
                column=col,
            )
        )
        return _FAILED
    except yaml.YAMLError as exc:
        loaded.findings.append(Finding("yaml-syntax", str(exc).splitlines()[0], file=loaded.file, line=1, column=1))
        return _FAILED
    finally:
        if loader is not None:
            loader.dispose()
    return node


def _parse_into(text: str, loaded: LoadedYaml) -> None:
    if _tab_in_indentation(text, loaded):
        return
    node = _compose(text, loaded)
    if node is _FAILED:
        return
    if node is None:
        loaded.findings.append(
            Finding(
                "empty-file",
                "the file is empty; it must hold a mapping that starts with `kind:`",
                file=loaded.file,
                line=1,
                column=1,
            )
        )
        return
    builder = _Builder(loaded)
    try:
        loaded.data = builder.build(node, ())
    except _AliasLimit as exc:
        loaded.data = None
        what = f"expands to more than {MAX_VALUES:,} values" if exc.values else f"uses more than {MAX_ALIASES} aliases"
        loaded.findings.append(
            Finding(
                "yaml-alias-limit",
                f"the file {what}; write the values out instead of using *aliases",
                file=loaded.file,
                line=exc.mark.line + 1,
                column=exc.mark.column + 1,
            )
        )
    except RecursionError:
        loaded.data = None
        loaded.findings.append(
            Finding("yaml-syntax", "the data is nested too deeply", file=loaded.file, line=1, column=1)
        )
