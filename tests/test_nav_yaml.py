"""The nav of mkdocs.yml, written directly, is byte for byte what PyYAML writes."""

from __future__ import annotations

import random

import yaml

from lchd_assess.site.nav_yaml import nav_yaml


def _pyyaml(nav):
    return yaml.safe_dump(nav, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False).rstrip("\n")


PIECES = [
    "Home",
    "index.md",
    "concepts/C1.md",
    "M3 Clinically integrated services: medical-X-partnerships",
    "a # b",
    "'quoted'",
    "it's",
    '"double"',
    "-lead",
    "- item",
    "?q",
    "[x]",
    "{y}",
    "a, b",
    "yes",
    "No",
    "null",
    "~",
    "1.0",
    "2022",
    "0x1F",
    "1e3",
    "2024-01-01",
    "<<",
    "=",
    "Café",
    "Größe",
    "naïve — dash – en",
    "’s",
    "x ",
    " y",
    "",
    "tab\there",
    "line\nbreak",
    "back\\slash",
    "per%cent",
    "@at",
    "`tick`",
    "!bang",
    "&amp",
    "*star",
    "|pipe",
    ">gt",
    "a:b",
    "a: b",
    "trailing:",
    "x" * 130,
    "y" * 127,
    "Start here",
    "P1 — Equity",
    "100% sure",
    "\u00a0nbsp",
    "e\u0301",
]


def _random_nav(rng, depth=0):
    items = []
    for _ in range(rng.randint(1, 5)):
        text = rng.choice(PIECES) + rng.choice(["", "", " ", "s", ":", " #", "-2", ".md"])
        roll = rng.random()
        if roll < 0.3:
            items.append(text)
        elif roll < 0.7 or depth >= 3:
            items.append({text: rng.choice(PIECES)})
        else:
            items.append({text: _random_nav(rng, depth + 1)})
    return items


def test_the_sites_own_nav_is_written_as_pyyaml_writes_it(root):
    from lchd_assess.app.site_inputs import generate_from_inputs
    from lchd_assess.app.site_prepare import make_inputs

    nav = generate_from_inputs(None, True, make_inputs).nav
    assert nav_yaml(nav) == _pyyaml(nav)


def test_random_navs_with_awkward_titles_are_written_as_pyyaml_writes_them_or_left_to_it():
    rng = random.Random(6)
    written = 0
    for _ in range(3000):
        nav = _random_nav(rng)
        fast = nav_yaml(nav)
        if fast is not None:
            written += 1
            assert fast == _pyyaml(nav), nav
    assert written > 1000


def test_anything_but_the_navs_shape_is_left_to_pyyaml():
    assert nav_yaml([]) is None
    assert nav_yaml([{"a": "b", "c": "d"}]) is None
    assert nav_yaml([["nested"]]) is None
    assert nav_yaml([{"a": 1}]) is None
    assert nav_yaml([{"a": []}]) is None
