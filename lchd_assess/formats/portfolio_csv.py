"""portfolio.csv: one row per partnership, the documented subset plus percentiles.

Its columns are documented in :data:`lchd_assess.score.portfolio.PORTFOLIO_FIELDS` (a test checks
that every column is there); formats/portfolio_xlsx.py writes the same table as a workbook.  Cells hold numbers, IDs and codes, never sentences: a funder sorts
and filters them in a spreadsheet.
"""

from __future__ import annotations

from typing import Sequence

from ..core.outputs import csv_text
from ..score.models import ScoreResult
from ..score.portfolio import (
    ELEMENT_ORDER,
    anonymous_codes,
    below_gate,
    element_percentiles,
    holding_back,
    ordered,
    overall_change,
)

#: The columns after the element block, in order.
_TAIL = [
    "silent_sectors",
    "n_silent_sectors",
    "few_sectors",
    "n_few_sectors",
    "residents_share",
    "overall_change",
    "change_flag",
    "instrument",
    "framework_version",
]


def _v(x: float | None) -> str:
    """A score in the CSV: one decimal, or empty when not computable."""
    return "" if x is None else f"{x:.1f}"


def portfolio_header(anonymize: bool) -> list[str]:
    header = (
        ["partnership"]
        + ([] if anonymize else ["id"])
        + ["scale", "wave", "n_respondents", "level", "gate_capped", "elements_below_gate", "capping_elements"]
    )
    for eid in ELEMENT_ORDER:
        header += [eid, f"{eid}_low", f"{eid}_high", f"{eid}_percentile"]
    return header + _TAIL


def portfolio_table(
    scores: Sequence[ScoreResult], key: bytes | None = None, min_for_percentiles: int = 10
) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows (sorted by name, or by code with ``key``)."""
    anonymize = key is not None
    codes = anonymous_codes([s.partnership.id for s in scores], key) if key is not None else {}
    pct = element_percentiles(scores, min_for_percentiles)
    rows = []
    for s in ordered(scores, codes):
        by_id = {e.id: e for e in s.elements}
        label = codes.get(s.partnership.id) if anonymize else s.partnership.name
        row = (
            [label or ""]
            + ([] if anonymize else [s.partnership.id])
            + [
                s.partnership.scale,
                s.wave,
                str(s.n_respondents),
                s.gating.level_label or "",
                "yes" if s.gating.capped else "no",
                # below the gate is a fact either way; "capping" only when the level was lowered
                " ".join(below_gate(s)),
                " ".join(holding_back(s)),
            ]
        )
        for eid in ELEMENT_ORDER:
            e = by_id.get(eid)
            iv = e.interval if e is not None else None
            p = pct[eid].get(s.partnership.id)
            row += [
                _v(e.score if e else None),
                _v(iv[0] if iv else None),
                _v(iv[1] if iv else None),
                "" if p is None else f"{p:.0f}",
            ]
        rep = s.representation
        oc = overall_change(s)
        row += [
            " ".join(rep.silent_sectors),
            str(len(rep.silent_sectors)),
            " ".join(rep.few_sectors),
            str(len(rep.few_sectors)),
            "" if rep.residents_share is None else f"{rep.residents_share:.3f}",
            _v(oc.delta if oc else None),
            (oc.flag if oc else "no-previous-wave"),
            f"{s.instrument_id} {s.instrument_version}",
            s.framework_version,
        ]
        rows.append(row)
    return portfolio_header(anonymize), rows


def portfolio_csv(scores: Sequence[ScoreResult], key: bytes | None = None, min_for_percentiles: int = 10) -> str:
    return table_csv(*portfolio_table(scores, key, min_for_percentiles))


def table_csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """The CSV text, starting with a UTF-8 byte-order mark: without it Excel reads the file in
    the computer's legacy code page and a name such as "Niños" arrives as "NiÃ±os" (pandas,
    readr and LibreOffice skip the mark)."""
    return "\ufeff" + csv_text([header, *rows], line_end="\n")
