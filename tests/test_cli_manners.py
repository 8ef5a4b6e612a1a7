"""CLI manners: a bare command shows the list, a typo names the nearest command, no regex in messages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lchd_assess.cli.main import COMMANDS
from lchd_assess.load.pattern_words import PATTERN_WORDS

ROOT = Path(__file__).resolve().parent.parent


def test_no_arguments_prints_every_command_and_exits_0(cli):
    result = cli()
    assert result.returncode == 0, result.stderr
    for name in COMMANDS:
        assert re.search(rf"^\s+{name}\b", result.stdout, re.M), name


def test_a_mistyped_command_names_the_nearest_one(cli):
    result = cli("scroe")
    assert result.returncode == 2
    assert "'scroe' is not a command; did you mean 'score'?" in result.stderr


def test_a_mistyped_action_names_the_nearest_one(cli):
    result = cli("checklist", "chek", "x.yaml")
    assert result.returncode == 2
    assert "did you mean 'check'?" in result.stderr


def _patterns(node):
    if isinstance(node, dict):
        # ID fields carry x-id-kind and are explained by an example ID ("use the form P1")
        if isinstance(node.get("pattern"), str) and "x-id-kind" not in node:
            yield node["pattern"]
        for v in node.values():
            yield from _patterns(v)
    elif isinstance(node, list):
        for v in node:
            yield from _patterns(v)


def test_every_pattern_in_every_schema_is_said_in_words():
    found = {p for f in sorted((ROOT / "schemas").glob("*.json")) for p in _patterns(json.loads(f.read_text()))}
    assert found, "no patterns found: the schemas moved?"
    assert sorted(found - set(PATTERN_WORDS)) == []


def test_a_roster_sector_with_a_space_is_explained_in_words_not_a_regular_expression(cli, tmp_path):
    src = (ROOT / "assessments/examples/harbour-city-family-network/partnership.yaml").read_text()
    bad = tmp_path / "partnership.yaml"
    bad.write_text(src.replace("sector: financial", "sector: health care"))
    result = cli("validate", str(bad))
    assert result.returncode == 1
    line = [l for l in result.stdout.splitlines() + result.stderr.splitlines() if "health care" in l][0]
    assert "lowercase words joined by hyphens, e.g. health-care" in line
    assert "^" not in line and "[a-z" not in line
