"""Golden folders: each case is a partnership folder (partnership.yaml, responses/) holding the
JSON the scorer must produce for it (expected.json).

``pytest tests/test_score_golden.py --update-golden`` rewrites expected.json on purpose; review
the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_files import assert_golden

from lchd_assess.formats.score_output import to_json
from lchd_assess.app.score import score_partnership

GOLDEN = Path(__file__).parent / "golden" / "score"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "partnership.yaml").is_file())


def test_there_are_golden_cases_for_each_behaviour():
    assert {
        "hand-checked",
        "not-computable",
        "complementary-suppression",
        "gate-capped",
        "two-waves",
        "dont-know-heavy",
    } <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_scorer_output_equals_the_golden_json(case, update_golden):
    folder = GOLDEN / case
    wave_file = folder / "wave.txt"
    wave = wave_file.read_text().strip() if wave_file.exists() else None
    got = to_json(score_partnership(folder, wave=wave))
    assert_golden(got, folder / "expected.json", f"{case}: scores JSON", update_golden)
