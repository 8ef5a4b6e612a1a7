"""Privacy: the minimum cell size with complementary suppression, and the sector counts.

No group or sector smaller than ``min_cell_size`` is shown, and none can be recovered by
subtracting shown counts from a shown total (:func:`protect`).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from . import models as sm
from .elements import Matrix
from ..load.instrument import InstrumentFile
from ..load.partnership import PartnershipFile


def protect(
    counts: dict[str, int],
    k: int,
    aggregates: Sequence[Sequence[str]],
    order: Sequence[str],
    zero_shown: bool = False,
    already_hidden: Iterable[str] = (),
) -> tuple[set[str], set[str]]:
    """Which cells to hide so that no hidden cell, nor any union of them, can be recovered.

    ``counts`` maps each cell (group or sector) to its respondents; ``aggregates`` are the
    sets of cells whose total is shown elsewhere (the whole partnership; a perspective).  A
    cell below ``k`` is hidden; then, while some shown aggregate has hidden cells adding up
    to between 1 and k − 1 respondents (which the aggregate minus its shown cells would
    reveal), the smallest shown cell of that aggregate is hidden too (ties in ``order``).
    With ``zero_shown`` an empty cell is shown as zero (there is nobody to identify).
    ``already_hidden`` cells (hidden at a coarser level) start hidden with their true counts.
    Returns (hidden for being small, hidden to protect another cell).
    """
    rank = {c: i for i, c in enumerate(order)}
    small = {c for c, n in counts.items() if n < k and (n > 0 or not zero_shown)}
    hidden = small | set(already_hidden)
    changed = True
    while changed:
        changed = False
        for agg in aggregates:
            h = sum(counts[c] for c in agg if c in hidden)
            shown = [c for c in agg if c not in hidden and counts[c] > 0]
            if 0 < h < k and shown:
                hidden.add(min(shown, key=lambda c: (counts[c], rank[c])))
                changed = True
    return small, hidden - small


def representation(
    inst: InstrumentFile, p: PartnershipFile, m: Matrix, k: int, hidden_groups: set[str]
) -> sm.Representation:
    sectors = [s.id for s in inst.sectors]
    n = {s: 0 for s in sectors}
    for r in m.respondents:
        n[r.sector] += 1
    roster = p.roster_sectors()
    # The whole partnership and every shown group's total are known, so those are the
    # aggregates a hidden sector count could be recovered from.
    aggregates: list[list[str]] = []
    for g in inst.sector_groups:
        if g.id not in hidden_groups:
            aggregates.append([s.id for s in inst.sectors if s.group == g.id])
    aggregates.append(sectors)
    # Zero is shown as "none" (nobody to identify); counts from 1 to k − 1 are hidden.
    hidden_small, comp = protect(n, k, aggregates, sectors, zero_shown=True)
    hidden = hidden_small | comp
    by_sector = []
    for s in inst.sectors:
        c = n[s.id]
        on = s.id in roster
        if c == 0:
            status = "silent" if on else "not-on-roster"
            disp = "none"
        elif s.id in hidden_small:
            status, disp = "few", f"fewer than {k}"
        elif s.id in hidden:
            status, disp = "ok", "not shown (so that a smaller group cannot be worked out)"
        else:
            status, disp = "ok", str(c)
        by_sector.append(
            sm.SectorCount(
                sector=s.id, label=s.label, on_roster=on, n=None if s.id in hidden else c, display=disp, status=status
            )
        )  # type: ignore[arg-type]
    total = len(m.respondents)
    # Residents, families and young people answer as themselves: their share counts the whole
    # sector group of the resident sector, hidden exactly when that group is hidden.
    own = inst.group_of(inst.resident_sector)
    nres = sum(n[s.id] for s in inst.sectors if s.group == own)
    who = "residents, family members or young people"
    if total == 0:
        share, rdisp = None, "Nobody has answered yet."
    elif nres == 0:
        share, rdisp = 0.0, f"No {who} answered."
    elif nres < k:
        share, rdisp = None, f"Fewer than {k} respondents are {who}, so their number is not shown."
    elif own in hidden_groups:
        share, rdisp = None, f"The number of {who} is not shown, so that a smaller group cannot be worked out."
    else:
        share = round(nres / total, 3)
        rdisp = f"{nres} of {total} respondents ({share:.0%}) are {who}."
    return sm.Representation(
        by_sector=by_sector,
        silent_sectors=[s.id for s in inst.sectors if s.id in roster and n[s.id] == 0],
        few_sectors=[s.id for s in inst.sectors if s.id in roster and 0 < n[s.id] < k],
        residents_share=share,
        residents_display=rdisp,
    )
