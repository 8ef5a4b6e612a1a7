"""What the output guard (:mod:`.safe_output`) knows about files it wrote: the marker file of an
output folder, the ledger of single files (path → SHA-256, in the user's state folder), the error
every refused write raises, and the small helpers both use."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Mapping

from .errors import InputError
from .outputs import write_atomic
from .paths import real, user_state_dir
from .text import visible

#: The marker in an output folder: the files this tool wrote there, with their SHA-256.
MARKER = ".lchd-outputs.json"
_LEDGER_NAME = "written-files.json"
_LEDGER_MAX = 2000  # oldest entries are dropped; a dropped file then needs --force


class OutputError(InputError):
    """An output that may not be written (refused, or the system said no): exit code 2."""


# -- Small helpers -----------------------------------------------------------------------------


def _real(path: str | Path) -> Path:
    return real(path)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def shown(path: str | Path) -> str:
    """A path as users see it in a message: control and bidi characters escaped."""
    return visible(str(path), keep="")


def cannot_write(path: str | Path, exc: OSError) -> OutputError:
    """The one message for a write the system refused."""
    reason = (exc.strerror or str(exc)).rstrip(".")
    reason = reason[:1].lower() + reason[1:]
    return OutputError(f"cannot write {shown(path)}: {reason}")


def _file_sha(path: str | Path) -> str | None:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return None
        with open(path, "rb") as fh:
            return _sha(fh.read())
    except OSError:
        return None


# -- The marker of an output folder ------------------------------------------------------------


def _read_marker(folder: Path) -> dict[str, str] | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}  # a damaged marker still marks the folder as ours, but vouches for no file
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _marker_text(files: Mapping[str, str]) -> str:
    return (
        json.dumps(
            {
                "tool": "lchd-assess",
                "about": "files lchd-assess wrote here; it replaces or removes only these",
                "files": dict(sorted(files.items())),
            },
            indent=1,
            sort_keys=True,
        )
        + "\n"
    )


# -- The ledger of single files we wrote ----------------------------------------------------------


def _ledger_path() -> Path:
    return user_state_dir() / _LEDGER_NAME


def _ledger() -> dict[str, str]:
    try:
        data = json.loads(_ledger_path().read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(path: Path, digest: str) -> None:
    """Record that we wrote ``path``; failing to record only means --force next time."""
    led = _ledger()
    led.pop(str(path), None)
    led[str(path)] = digest
    while len(led) > _LEDGER_MAX:
        led.pop(next(iter(led)))
    with contextlib.suppress(OSError):
        write_atomic(_ledger_path(), json.dumps(led, indent=0, sort_keys=False) + "\n")


def written_by_us(path: str | Path) -> bool:
    """True when ``path`` holds exactly what this tool last wrote there."""
    real = _real(path)
    digest = _file_sha(real)
    return digest is not None and _ledger().get(str(real)) == digest
