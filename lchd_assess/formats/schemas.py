"""Write the JSON Schemas generated from the models into ``schemas/`` (and check them)."""

from __future__ import annotations

from pathlib import Path

from ..core.outputs import write_atomic
from ..load.documents import schema_file_name, schema_json
from ..load.kinds import KINDS


def expected_schemas() -> dict[str, str]:
    return {schema_file_name(name): schema_json(kind) for name, kind in sorted(KINDS.items())}


def write_schemas(out: Path) -> list[Path]:
    written = []
    for name, text in expected_schemas().items():
        written.append(write_atomic(out / name, text))
    for old in sorted(out.glob("*.schema.json")):
        if old.name not in expected_schemas():
            old.unlink()
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing, stale or left over."""
    want = expected_schemas()
    have = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.schema.json")} if out.is_dir() else {}
    return sorted({n for n in want if have.get(n) != want[n]} | (set(have) - set(want)))
