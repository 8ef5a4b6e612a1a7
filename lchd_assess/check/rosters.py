"""Partnership rosters against the instrument: every organisation's sector is a known code."""

from __future__ import annotations

from ..core.errors import InputError
from ..core.findings import Finding
from ..load.documents import Document
from ..load.instrument import load_assessment
from ..load.partnership import roster_sector_findings


def check_rosters(docs: list[Document], index: object) -> list[Finding]:
    """Roster sectors of every loaded partnership file, against the instrument loaded with them
    (so a changed instrument is checked together with its partnerships), else the repository's."""
    partnerships = [d for d in docs if d.kind == "partnership" and d.model is not None]
    if not partnerships:
        return []
    inst_docs = [d for d in docs if d.kind == "instrument"]
    if inst_docs:
        if len(inst_docs) != 1 or inst_docs[0].model is None:
            return []  # the instrument's own findings come first
        sectors = [s.id for s in inst_docs[0].model.sectors]  # type: ignore[attr-defined]
    else:
        try:
            sectors = [s.id for s in load_assessment().instrument.sectors]
        except InputError:
            return []
    return [f for d in partnerships for f in roster_sector_findings(d, sectors)]
