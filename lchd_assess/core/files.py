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
