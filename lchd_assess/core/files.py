"""Reading input files: regular files only, never more than a limit.

A path can name a device (``/dev/zero`` never ends), a FIFO (opening it waits for a writer
forever) or a file that grows while it is read; ``st_size`` says nothing useful about any of
them.  :func:`read_limited` opens without blocking, refuses anything that is not a regular file,
and reads at most ``limit + 1`` bytes, so a too-large file is known without reading it all.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFile(OSError):
    """The path is a device, FIFO, socket or folder: not an input file."""


class TooLarge(OSError):
    """The file holds more than the limit (``size`` is at least ``limit + 1``)."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: more than {limit} bytes")
        self.size, self.limit = size, limit


def read_limited(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``; :class:`TooLarge` beyond ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a folder, not a file", str(path))
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(0, "not a regular file (a device, pipe or socket)", str(path))
        if st.st_size > limit:  # a regular file's size is known: refuse before reading
            raise TooLarge(path, st.st_size, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    return data


def read_input(path: str | Path, limit: int, what: str) -> tuple[bytes | None, tuple[str, str] | None]:
    """An input file's bytes, or ``None`` and ``(code, message)`` saying why it cannot be read.

    The one wording of "too large" and "unreadable" for every reader of answers and exports
    (``what`` names the kind of file in the plural: "answer files", "workbooks" …); the caller
    attaches the file and place.  Regular files only, at most ``limit + 1`` bytes read.
    """
    try:
        return read_limited(path, limit), None
    except TooLarge as exc:
        return None, ("file-too-large", f"the file is {exc.size:,} bytes; {what} above {limit:,} bytes are refused")
    except OSError as exc:
        return None, ("file-unreadable", f"cannot read the file ({exc.strerror or exc})")


def utf16_kind(raw: bytes) -> str | None:
    """ "UTF-16" when ``raw`` looks like UTF-16 text (with or without a byte-order mark), else None.

    Spreadsheets on Windows save "Unicode text" as UTF-16; without a BOM it reads as text with a
    NUL byte between letters.  Saying so beats a puzzling header or syntax message.
    """
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16"
    sample = raw[:400]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        # ASCII text in UTF-16: nearly every other byte is NUL
        if odd.count(0) >= 0.8 * len(odd) and even.count(0) <= 0.1 * len(even):
            return "UTF-16"
        if even.count(0) >= 0.8 * len(even) and odd.count(0) <= 0.1 * len(odd):
            return "UTF-16"
    return None


def decode_utf8(raw: bytes, what: str = "the file") -> str:
    """``raw`` as UTF-8 text (a UTF-8 BOM is dropped); :class:`ValueError` with a message
    naming UTF-16 when that is what the bytes are, and the place of the first bad byte otherwise."""
    kind = utf16_kind(raw)
    if kind:
        raise ValueError(
            f"{what} is {kind} text, not UTF-8; save it again as UTF-8 (in a spreadsheet: Save As, CSV UTF-8)"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line, col = before.count(b"\n") + 1, exc.start - (before.rfind(b"\n") + 1) + 1
        raise ValueError(
            f"{what} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at line {line}, column {col}); save it as UTF-8"
        ) from None


def stamp(paths: list[Path] | Path) -> tuple[tuple[str, int, int], ...]:
    """(path, size, modification time in ns) of each file: what a loader's memo is keyed by, so
    an edited file is read again in the same process (a long-running command, the tests) while
    an unchanged one is not.  A folder stands for every file under it, hidden ones skipped;
    a missing file is stamped (path, -1, -1)."""
    files: list[Path] = []
    for p in [paths] if isinstance(paths, Path) else paths:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            files.append(p)
    out = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError:
            out.append((str(f), -1, -1))
            continue
        if stat.S_ISREG(st.st_mode):
            out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)
