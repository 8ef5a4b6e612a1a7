"""Write the JSON Schemas generated from the models into ``schemas/`` (and check them)."""

from __future__ import annotations

from pathlib import Path

from ..core.outputs import write_atomic
from ..load.documents import schema_file_name, schema_json
from ..load.kinds import KINDS
from ..core.paths import real, repo_root
from ..core.safe_output import OutputGuard


def expected_schemas() -> dict[str, str]:
    return {schema_file_name(name): schema_json(kind) for name, kind in sorted(KINDS.items())}


def write_schemas(out: Path, force: bool = False) -> list[Path]:
    """Write the schemas into ``out``.  The repository's own schemas/ is generated whole (a
    schema no longer made is removed); any other folder follows :mod:`core.safe_output`."""
    want = expected_schemas()
    own = real(repo_root() / "schemas")
    if real(out) != own:
        return OutputGuard(force=force).folder(out, list(want), prune=True).write(want)
    written = [write_atomic(out / name, text) for name, text in want.items()]
    for old in sorted(out.glob("*.schema.json")):
        if old.name not in want:
            old.unlink()
    return written


def check_schemas(out: Path) -> list[str]:
    """Names of schema files that are missing, stale or left over."""
    want = expected_schemas()
    have = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.schema.json")} if out.is_dir() else {}
    return sorted({n for n in want if have.get(n) != want[n]} | (set(have) - set(want)))
