"""The funder's secret key for ``portfolio --anonymize``: created on first use, kept, never output.

The key turns folder names into codes (context/portfolio.py: HMAC-SHA-256).  Whoever holds the
key can tell which code is which partnership; nobody else can, even knowing every folder name.
The same key gives the same codes next year, so the funder keeps the file (and a backup): a new
key gives every partnership a new code.

The file is plain text: comment lines starting with ``#`` and one line of 64 hexadecimal digits
(32 random bytes from :mod:`secrets`).  It is created with permissions 0600 and never placed
inside the folder the portfolio is written to, since that folder is what gets shared.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
import platformdirs

from ..core.errors import InputError, UsageError

KEY_BYTES = 32

_HEADER = """\
# lchd-assess portfolio key: turns partnership folder names into anonymous codes.
# Keep this file private (do not share it with the portfolio) and keep a backup:
# the same key gives the same codes in next year's portfolio; a new key gives new codes.
"""


def default_key_path() -> Path:
    """The funder's own data folder (platformdirs), not a cache: losing it changes every code."""
    return Path(platformdirs.user_data_dir("lchd-assess", appauthor=False)) / "portfolio-anonymize.key"


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def read_key(path: Path) -> bytes:
    """The key in ``path``; one clear line when the file is not a key."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: cannot read the portfolio key ({getattr(exc, 'strerror', None) or exc}); give the key file you used before with --key-file"
        ) from None
    lines = [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if len(lines) != 1:
        raise InputError(
            f"{path}: not a portfolio key: expected one line of {2 * KEY_BYTES} hexadecimal digits, found {len(lines)} non-comment lines; give the key file lchd-assess created"
        )
    n, value = lines[0]
    try:
        key = bytes.fromhex(value)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise InputError(
            f"{path}:{n}:1: not a portfolio key: expected {2 * KEY_BYTES} hexadecimal digits; give the key file lchd-assess created (a new key would give every partnership a new code)"
        )
    return key


def load_or_create_key(path: Path | None, out: Path) -> tuple[bytes, Path, bool]:
    """(key, where it is, whether it was created now) for a portfolio written to ``out``."""
    path = Path(path) if path is not None else default_key_path()
    if _inside(path, out):
        raise UsageError(
            f"{path}: the anonymisation key may not be kept inside the output folder {out}, which is what gets shared; keep it elsewhere (--key-file)"
        )
    if path.exists():
        return read_key(path), path, False
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: never replace a key that appeared meanwhile; 0600: only the funder's account reads it.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return read_key(path), path, False
    except OSError as exc:
        raise InputError(
            f"{path}: cannot create the portfolio key ({exc.strerror}); choose another place with --key-file"
        ) from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(_HEADER + key.hex() + "\n")
    return key, path, True
