from __future__ import annotations

import json

from lchd_assess.load.documents import JSON_SCHEMA_DIALECT
from lchd_assess.load.kinds import KINDS
from lchd_assess.formats.schemas import check_schemas, expected_schemas


def test_committed_schemas_equal_the_ones_generated_from_the_models(root):
    assert check_schemas(root / "schemas") == [], "run `lchd-assess schemas` and review the diff"


def test_every_schema_names_draft_2020_12():
    for name, text in expected_schemas().items():
        assert json.loads(text)["$schema"] == JSON_SCHEMA_DIALECT, name


def test_every_yaml_file_names_its_schema_in_a_modeline(root):
    for path in sorted((root / "framework").rglob("*.yaml")) + sorted((root / "assessments").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.exists(), f"{path}: modeline points at a missing schema"
        kind = json.loads(target.read_text())["$id"].rsplit("/", 1)[1].removesuffix(".schema.json")
        assert kind in KINDS
