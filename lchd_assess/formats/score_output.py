"""Score results as JSON, plain text or CSV (the three formats of ``lchd-assess score``)."""

from __future__ import annotations

import functools
import typing

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from ..core.formatting import interval, score
from ..core.outputs import csv_text, dumps_json, finish_compiled_json
from ..score.models import ScoreResult


def to_json(result: ScoreResult) -> str:
    """The result in the toolkit's JSON style (:func:`~lchd_assess.core.outputs.dumps_json`).

    Every part of a result declares its fields in sorted order (:class:`..score.models._M`),
    so pydantic's compiled encoder writes the keys in the order ``dumps_json`` would sort them
    into (0.23 -> 0.09 ms for a 24 KB result); anything it writes differently (a float below
    1e-4, a lone surrogate) and any part whose fields are not sorted take ``dumps_json``.
    """
    if _fields_sorted(type(result)):
        try:
            text = finish_compiled_json(result.model_dump_json(indent=2))
        except PydanticSerializationError:  # lone surrogates, which json.dumps writes as escapes
            text = None
        if text is not None:
            return text
    return dumps_json(result.model_dump(mode="json"))


@functools.cache
def _fields_sorted(cls: type[BaseModel]) -> bool:
    """True when ``cls`` and every model inside it declare their fields in sorted order, with
    no alias and no dict (whose keys pydantic writes in insertion order)."""
    names = list(cls.model_fields)
    if names != sorted(names):
        return False
    for field in cls.model_fields.values():
        if field.alias is not None or field.serialization_alias is not None:
            return False
        for t in _types_in(field.annotation):
            if t is dict or (isinstance(t, type) and issubclass(t, BaseModel) and not _fields_sorted(t)):
                return False
    return True


def _types_in(annotation: object) -> list[object]:
    """The annotation and every type inside it (list[X] | None → list, X, None)."""
    out = [typing.get_origin(annotation) or annotation]
    for arg in typing.get_args(annotation):
        out.extend(_types_in(arg))
    return out


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


CSV_COLUMNS = [
    "partnership",
    "wave",
    "instrument_version",
    "scoring_rules_version",
    "element",
    "name",
    "score",
    "level",
    "interval_low",
    "interval_high",
    "n_respondents",
    "coverage",
    "sd",
    "dont_know",
    "not_applicable",
    "community",
    "institutional",
    "gap",
    "previous",
    "change",
    "change_flag",
]


def to_csv(result: ScoreResult) -> str:
    """One row per element (P1–FS4, then overall): the spreadsheet a funder can sort and filter."""
    gaps = {g.id: g for g in result.gaps}
    changes = {c.id: c for c in result.change.elements} if result.change else {}
    rows: list[list[object]] = [list(CSV_COLUMNS)]
    for e in result.elements:
        g = gaps.get(e.id)
        c = changes.get(e.id)
        rows.append(
            [
                result.partnership.id,
                result.wave,
                result.instrument_version,
                result.scoring_rules_version,
                e.id,
                e.name,
                _num(e.score),
                e.level or "",
                _num(e.interval[0]) if e.interval else "",
                _num(e.interval[1]) if e.interval else "",
                e.n_respondents,
                _num(e.coverage),
                _num(e.sd),
                e.n_dont_know,
                e.n_not_applicable,
                _num(g.community) if g else "",
                _num(g.institutional) if g else "",
                g.code if g else "",
                _num(c.previous) if c else "",
                _num(c.delta) if c else "",
                c.flag if c else "",
            ]
        )
    return csv_text(rows)


def to_text(result: ScoreResult) -> str:
    """A plain summary a person can read in a terminal or paste into an e-mail."""
    r = result
    L = [
        f"{r.partnership.name}: wave {r.wave} ({r.n_respondents} respondents)",
        f"instrument {r.instrument_id} {r.instrument_version}, scoring rules {r.scoring_rules_version}, framework {r.framework_version}",
        "",
    ]
    L.append(f"{'Element':<8} {'Score':>6}  {'95% interval':<13} {'Level':<12} {'n':>3}  {'Coverage':>8}  Name")
    for e in r.elements:
        iv, sc = interval(e.interval, 1), score(e.score, 1)
        L.append(
            f"{e.id:<8} {sc:>6}  {iv:<13} {(e.level_label or '—'):<12} {e.n_respondents:>3}  {e.coverage:>8.0%}  {e.name}"
        )
        if e.reason:
            L.append(f"{'':<8} {e.reason}")
    L += ["", "Gate: " + r.gating.explanation, "", "Community versus institutional perspective:"]
    for g in r.gaps:
        nums = (
            f"community {g.community:.1f}, institutional {g.institutional:.1f}"
            if g.community is not None and g.institutional is not None
            else "numbers hidden"
        )
        dk = (
            f"; don't know: community {g.community_dont_know_rate:.0%}, institutional {g.institutional_dont_know_rate:.0%}"
            if g.community_dont_know_rate is not None and g.institutional_dont_know_rate is not None
            else ""
        )
        L.append(f"  {g.id:<5} {g.code:<18} {nums}{dk}")
    L += ["", f"Sector groups (shown only with at least {r.method.min_cell_size} respondents):"]
    for grp in r.groups:
        if grp.suppressed:
            why = (
                "fewer respondents than the minimum cell size"
                if grp.suppression_reason == "below-minimum-cell-size"
                else "hidden so that a smaller group cannot be worked out"
            )
            L.append(f"  {grp.label}: not shown ({why})")
        else:
            scores = "  ".join(f"{ge.id} {score(ge.score, 1)}" for ge in grp.elements or [])
            L.append(f"  {grp.label}: {grp.n} respondents")
            L.append(f"    {scores}")
    rep = r.representation
    L += ["", "Who answered: " + rep.residents_display]
    if rep.silent_sectors:
        L.append("  Roster sectors with no respondent: " + ", ".join(rep.silent_sectors))
    if rep.few_sectors:
        L.append(
            f"  Roster sectors with fewer than {r.method.min_cell_size} respondents: " + ", ".join(rep.few_sectors)
        )
    if r.change:
        L += ["", f"Change since {r.change.previous_wave} (meaningful change: {r.change.threshold:g} points or more):"]
        for c in r.change.elements:
            d = f"{c.delta:+g}" if c.delta is not None else "—"
            L.append(f"  {c.id:<8} {d:>6}  {c.flag}" + (f" ({c.reason})" if c.reason else ""))
    L += ["", "Interval: " + r.method.interval]
    return "\n".join(L) + "\n"


def render(result: ScoreResult, fmt: str) -> str:
    return {"json": to_json, "text": to_text, "csv": to_csv}[fmt](result)
