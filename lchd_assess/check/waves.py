"""Wave files of the partnerships being validated: each can be put in date order."""

from __future__ import annotations

from pathlib import Path

from ..core.findings import Finding
from ..load.documents import Document
from ..load.partnership import wave_findings


def check_waves(docs: list[Document], index: object) -> list[Finding]:
    """Every wave file of a partnership folder being validated can be put in date order."""
    out: list[Finding] = []
    for d in docs:
        if (
            d.kind == "partnership"
            and d.model is not None
            and Path(d.file).name == "partnership.yaml"
            and Path(d.file).is_file()
        ):
            # Reported against partnership.yaml, where the fix goes (validate reports a
            # semantic finding only on a YAML file it was asked to check).
            for f in wave_findings(Path(d.file).parent, d.model)[1]:  # type: ignore[arg-type]
                out.append(
                    d.loaded.locate(
                        Finding(
                            f.code,
                            f"responses/{Path(f.file or '').name}: {f.message}",
                            file=d.file,
                            path=("waves",) if d.model.waves else (),  # type: ignore[attr-defined]
                        )
                    )
                )
    return out
