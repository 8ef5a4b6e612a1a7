"""Privacy: the minimum cell size with complementary suppression, and the sector counts.

No group or sector smaller than ``min_cell_size`` is shown, and none can be recovered by
subtracting shown counts from a shown total (:func:`protect`).  The report shows two tables of
the same people, sector groups (section 3) and sectors (Who answered): :func:`hide_sectors`
protects them together, so that no count one table hides can be worked out from what the other
shows, the whole partnership's total and the perspectives' totals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from . import models as sm
from .stats import round_places

if TYPE_CHECKING:  # pragma: no cover
    # annotations only: re-applying the rules to a saved scores file loads no instrument models
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


def _derivable(published: set[str], children: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node whose count follows from the ``published`` ones, where each node of the tree
    (total → perspectives → groups → sectors) is the sum of its children: a node is known when
    all its children are, and a child when its parent and all its siblings are."""
    known = set(published)
    changed = True
    while changed:
        changed = False
        for parent, kids in children.items():
            if parent not in known and kids and known.issuperset(kids):
                known.add(parent)
                changed = True
            if parent in known:
                unknown = [c for c in kids if c not in known]
                if len(unknown) == 1:
                    known.add(unknown[0])
                    changed = True
    return known


class _Tree:
    """The counts as a tree, total → perspectives ("side:…") → groups → sectors, each node the
    sum of its children; sectors in the order given (ties are broken by it)."""

    def __init__(
        self, sector_counts: Mapping[str, int], group_of: Mapping[str, str], perspective_of: Mapping[str, str]
    ) -> None:
        self.sector_counts = sector_counts
        self.order = order = list(sector_counts)
        self.rank = {s: i for i, s in enumerate(order)}
        # Each group's sectors in one pass; groups in the order of their first sector.
        sectors_of: dict[str, list[str]] = {}
        for s in order:
            sectors_of.setdefault(group_of[s], []).append(f"sector:{s}")
        self.groups = list(sectors_of)
        children: dict[str, list[str]] = {"total": []}
        for g, kids in sectors_of.items():
            side = f"side:{perspective_of.get(g, g)}"
            if side not in children:
                children[side] = []
                children["total"].append(side)
            children[side].append(f"group:{g}")
            children[f"group:{g}"] = kids
        self.children = children
        count = {f"sector:{s}": n for s, n in sector_counts.items()}
        for parent in reversed(list(children)):  # groups, then sides, then the total
            count[parent] = sum([count[c] for c in children[parent]])
        self.count = count

    def parent(self, node: str) -> str:
        return next(p for p, kids in self.children.items() if node in kids)

    def unaccounted(self, node: str, known: set[str]) -> int:
        """The people under ``node`` that no known count accounts for."""
        if node in known:
            return 0
        kids = self.children.get(node)
        return self.rest(kids, known) if kids else self.count[node]

    def rest(self, nodes: Iterable[str], known: set[str]) -> int:
        """The people under ``nodes`` that no known count accounts for."""
        return sum([self.unaccounted(c, known) for c in nodes])

    def shown_sectors(self, nodes: Iterable[str], hidden_now: set[str]) -> list[str]:
        """Shown sectors with someone in them, under ``nodes``, smallest first."""
        out: set[str] = set()
        todo = list(nodes)
        while todo:
            node = todo.pop()
            if node.startswith("sector:"):
                s = node[len("sector:") :]
                if s not in hidden_now and self.sector_counts[s] > 0:
                    out.add(s)
            else:
                todo.extend(self.children.get(node, []))
        return sorted(out, key=lambda s: (self.sector_counts[s], self.rank[s]))


def _first_leak(
    tree: _Tree, group_level: set[str], base: set[str], hidden_g: set[str], hidden_now: set[str], k: int
) -> tuple[str, list[str]] | None:
    """The first count given away with ``hidden_now`` sectors hidden, and the sectors whose
    hiding may stop it (nearest first); None when nothing is given away.  ``group_level`` is
    what the group table shows, ``base`` what it gives away on its own."""
    children, count = tree.children, tree.count
    published = group_level | {f"sector:{s}" for s in tree.order if s not in hidden_now}
    known = _derivable(published, children)
    for node in [*sorted(hidden_g), *(f"sector:{s}" for s in tree.order if s in hidden_now)]:
        if node in known and node not in base and count[node] > 0:
            parent = tree.parent(node)
            return node, tree.shown_sectors([node], hidden_now) + tree.shown_sectors(children[parent], hidden_now)
    for parent, kids in children.items():
        if parent in known:
            # the people under a known total that no known part of it accounts for
            rest = tree.rest(kids, known)
            # (what the group table alone leaves unaccounted there is not the sector table's doing)
            if 0 < rest < k and (parent not in base or rest != tree.rest(kids, base)):
                return parent, tree.shown_sectors(kids, hidden_now)
    return None


def hide_sectors(
    sector_counts: Mapping[str, int],
    group_of: Mapping[str, str],
    perspective_of: Mapping[str, str],
    hidden_groups: Iterable[str],
    k: int,
) -> tuple[set[str], set[str]]:
    """Which sector counts to hide, given the group table's own suppression (one rule for both).

    Shown: the whole partnership's total, every group not in ``hidden_groups`` and every sector
    count not hidden; a sector with nobody is shown as none.  (No report shows a perspective's
    number of respondents; the group rule, :func:`protect`, still counts them as known.)
    A sector count from 1 to k − 1 is hidden; then, while a hidden count (a sector's or a
    group's) can be worked out from the shown ones, or the part of a known total that no known
    count accounts for adds up to 1 … k − 1, the nearest, smallest shown sector that would give
    it away is hidden too (ties in the order of ``sector_counts``).  Returns (sectors hidden
    for being small, sectors hidden to protect another count).
    ``tests/test_privacy_tables.py`` checks the result by linear algebra on random counts.
    """
    tree = _Tree(sector_counts, group_of, perspective_of)
    hidden_g = {f"group:{g}" for g in hidden_groups}
    small = {s for s, n in sector_counts.items() if 0 < n < k}
    hidden = set(small)

    group_level = {"total"} | ({f"group:{g}" for g in tree.groups} - hidden_g)
    # What the group table gives away on its own is the group rule's concern (protect); here,
    # only what the sector counts add to it.
    base = _derivable(group_level, tree.children)

    def leaks(hidden_now: set[str]) -> tuple[str, list[str]] | None:
        return _first_leak(tree, group_level, base, hidden_g, hidden_now, k)

    leak = leaks(hidden)
    while leak is not None:
        node, near = leak
        # the nearest, smallest sector whose hiding stops this leak; else the nearest (progress).
        # The check of the sector chosen is what the next round would check first: kept. The
        # other shown sectors are listed only when none of the nearest stops it.
        fix, after = _stopping(node, near, hidden, leaks)
        if fix is None:
            farther = [s for s in tree.shown_sectors(["total"], hidden) if s not in near]
            fix, after = _stopping(node, farther, hidden, leaks)
            if fix is None:
                candidates = near + farther
                if not candidates:  # nothing left to hide (cannot happen: every sector hidden leaks nothing)
                    break
                fix = candidates[0]
                after = leaks(hidden | {fix})
        hidden.add(fix)
        leak = after
    return small, hidden - small


def _stopping(
    node: str,
    candidates: list[str],
    hidden: set[str],
    leaks: Callable[[set[str]], tuple[str, list[str]] | None],
) -> tuple[str | None, tuple[str, list[str]] | None]:
    """The first of ``candidates`` whose hiding stops ``node`` being given away, and what is
    given away then (None: nothing); (None, None) when none of them does."""
    for c in candidates:
        after = leaks(hidden | {c})
        if after is None or after[0] != node:
            return c, after
    return None, None


def representation(
    inst: InstrumentFile, p: PartnershipFile, m: Matrix, k: int, hidden_groups: set[str]
) -> sm.Representation:
    sectors = [s.id for s in inst.sectors]
    n = {s: 0 for s in sectors}
    for r in m.respondents:
        n[r.sector] += 1
    roster = p.roster_sectors()
    # Zero is shown as "none" (nobody to identify); counts from 1 to k − 1 are hidden, and so is
    # any count the group table, the sides' and the whole partnership's totals would give away.
    hidden_small, comp = hide_sectors(
        n,
        {s.id: s.group for s in inst.sectors},
        {g.id: g.perspective for g in inst.sector_groups},
        hidden_groups,
        k,
    )
    hidden = hidden_small | comp
    by_sector: list[dict[str, object]] = []
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
        # Plain dicts: Representation's validation builds them (no Python call per sector).
        by_sector.append(
            {
                "sector": s.id,
                "label": s.label,
                "on_roster": on,
                "n": None if s.id in hidden else c,
                "display": disp,
                "status": status,
            }
        )
    share, rdisp = _residents(inst, n, len(m.respondents), k, hidden_groups)
    return sm.Representation.model_validate(
        {
            "by_sector": by_sector,
            "silent_sectors": [s.id for s in inst.sectors if s.id in roster and n[s.id] == 0],
            "few_sectors": [s.id for s in inst.sectors if s.id in roster and 0 < n[s.id] < k],
            "residents_share": share,
            "residents_display": rdisp,
        }
    )


def _residents(
    inst: InstrumentFile, n: Mapping[str, int], total: int, k: int, hidden_groups: set[str]
) -> tuple[float | None, str]:
    """Residents, families and young people answer as themselves: their share counts the whole
    sector group of the resident sector, hidden exactly when that group is hidden."""
    own = inst.group_of(inst.resident_sector)
    nres = sum(n[s.id] for s in inst.sectors if s.group == own)
    who = "residents, family members or young people"
    if total == 0:
        return None, "Nobody has answered yet."
    if nres == 0:
        return 0.0, f"No {who} answered."
    if nres < k:
        return None, f"Fewer than {k} respondents are {who}, so their number is not shown."
    if own in hidden_groups:
        return None, f"The number of {who} is not shown, so that a smaller group cannot be worked out."
    share = round_places(nres / total, 3)
    return share, f"{nres} of {total} respondents ({share:.0%}) are {who}."
