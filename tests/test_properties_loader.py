"""Property-based tests of the loader and the framework models (Hypothesis)."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lchd_assess.load.documents import check_loaded
from lchd_assess.load.kinds import KINDS
from lchd_assess.core.findings import CATALOGUE
from lchd_assess.load.yamlload import parse_yaml_text

ROOT = Path(__file__).resolve().parent.parent

yamlish = st.text(
    alphabet=st.sampled_from(list("kind: principles-[]{}&*!#|>'\"\n\t ,yesno0123P.") + ["\u00e9", "\ufeff", "\x00"]),
    max_size=200,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(yamlish)
def test_random_text_only_ever_yields_documented_findings(text):
    loaded = parse_yaml_text(text, "random.yaml")
    doc = check_loaded(loaded, KINDS)
    for f in doc.findings:
        assert f.code in CATALOGUE
        assert f.file == "random.yaml"
    assert doc.model is None or not doc.findings


def test_yaml_to_model_to_yaml_round_trips_for_every_framework_file():
    for path in sorted((ROOT / "framework").rglob("*.yaml")):
        doc = check_loaded(parse_yaml_text(path.read_text(encoding="utf-8"), str(path)), KINDS)
        assert doc.model is not None, doc.findings
        dumped = yaml.safe_dump(doc.model.model_dump(mode="json"), sort_keys=True, allow_unicode=True)
        again = check_loaded(parse_yaml_text(dumped, "again.yaml"), KINDS)
        assert again.findings == [], [f.format_text() for f in again.findings]
        assert again.model == doc.model, path
