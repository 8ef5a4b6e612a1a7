"""PyYAML's parser and composer as the toolkit's YAML loader (:mod:`.yamlload`) uses them:
nodes with their tags and positions, never values (``yamlload._Builder`` makes those, with the
toolkit's rules)."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

# libyaml's parser when PyYAML has it (about ten times faster), else the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Dates and times stay text: they round-trip to JSON unchanged.
IMPLICIT = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# The resolvers a plain scalar is tried against, by its first character ("" for the empty
# scalar), in BaseResolver.resolve's order: those of the character, then the wildcard ones.
_WILDCARD = tuple(IMPLICIT.get(None, []))
_BY_FIRST = {k: tuple(v) + _WILDCARD for k, v in IMPLICIT.items() if k is not None}
STR, SEQ, MAP = (
    yaml.SafeLoader.DEFAULT_SCALAR_TAG,
    yaml.SafeLoader.DEFAULT_SEQUENCE_TAG,
    yaml.SafeLoader.DEFAULT_MAPPING_TAG,
)


class NodeLoader(_Base):  # type: ignore[misc, valid-type]
    """Parses and composes nodes only; values are built by _Builder, which bounds aliases."""

    yaml_implicit_resolvers = IMPLICIT

    # The composer asks for every node's tag. BaseResolver.resolve gives the same tags from
    # the same table (tests/test_yamlload.py compares them); this loader has no path
    # resolvers, so the per-node bookkeeping for them is skipped: partnership.yaml's ~80
    # nodes composed in three quarters of the time (a portfolio loads thousands).
    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], _WILDCARD):  # type: ignore[index]
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP

    def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None
