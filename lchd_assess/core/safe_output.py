"""Where a command may write, and the one way it writes there.

Usage (every command that writes a file goes through here; check early, write last)::

    from lchd_assess.core.safe_output import OutputGuard

    guard = OutputGuard(force=args.force, inputs=[folder / "partnership.yaml", folder / "responses"])
    csv = guard.file(args.out)                               # refuses now, before any slow work
    reports = guard.folder(args.out, ["report.html", "report.pdf", "scores.json"])
    ...render everything in memory...
    csv.write(text)                                          # atomic; remembered as written by us
    reports.write({"report.html": html, "report.pdf": pdf, "scores.json": js})

    # a tool that builds a whole tree (mkdocs): build into a staging folder, then move it in
    site = guard.folder(args.out, prune=True)
    with site.staging() as tmp:
        run_mkdocs(into=tmp)
        site.commit(tmp)

The rule (issues 16 and 9.3):

* Never, not even with ``--force``: an output that is one of the command's inputs or lies inside
  an input folder; one inside the toolkit's own data (framework/, assessments/, schemas/,
  site_templates/, the package) or an output folder that holds it (the repository itself); the
  current folder, a folder above it, the home folder or a filesystem root as an output folder.
* Only with ``--force``: replacing a file this tool did not write (or that changed since it wrote
  it), and writing into a non-empty folder without this tool's marker (:data:`MARKER`).
* A run removes only what it created: its temporary files and staging folders, and (``prune``)
  files an earlier run listed in the marker that this run no longer makes, if still unchanged.
* Every ``OSError`` while writing becomes :class:`OutputError` ("cannot write PATH: reason",
  exit 2), never a traceback.

Which single files we wrote is kept in a small ledger (path → SHA-256 of what we wrote) in the
user's state folder, so rerunning ``score --out scores.csv`` replaces our own file while a filled
answer sheet of the same name is refused.  Without the ledger (another machine, cleared state) the
answer is the safe one: ``--force`` is needed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .folder_swap import swap_in, swappable
from .outputs import write_atomic
from .paths import protected_data_dirs, source_tree

# The marker, the ledger of single files we wrote and the small helpers are in output_ledger.py;
# the public names stay importable from here.
from .output_ledger import (  # noqa: F401  (MARKER, OutputError, cannot_write, shown, written_by_us re-exported)
    MARKER,
    OutputError,
    _bytes,
    _file_sha,
    _inside,
    _ledger,
    _marker_text,
    _read_marker,
    _real,
    _remember,
    _sha,
    cannot_write,
    shown,
    written_by_us,
)


# -- The guard ---------------------------------------------------------------------------------


class OutputGuard:
    """One command run's rules for where it may write (see the module docstring).

    ``allow``: toolkit data folders this command is meant to write (``schemas`` writes schemas/).
    This and the two classes below are plain classes, not dataclasses: every writing command
    imports them at start-up, where ``@dataclass`` builds its methods with ``exec`` (~0.2 ms
    each on 3.11); nothing compares or prints them."""

    def __init__(
        self, force: bool = False, inputs: Iterable[str | Path] = (), allow: Iterable[str | Path] = ()
    ) -> None:
        self.force = force
        self._inputs = [_real(p) for p in inputs]
        self._allow = [_real(p) for p in allow]

    # -- what is never written -------------------------------------------------------------

    def _protected(self) -> list[tuple[Path, str]]:
        return [
            (p, why) for p, why in protected_data_dirs() if not any(_inside(p, a) or _inside(a, p) for a in self._allow)
        ]

    def _refuse_hard(self, path: Path, folder: bool, protected: list[tuple[Path, str]] | None = None) -> None:
        """Refuse inputs, the toolkit's data and code, and (for a folder) the repository, the
        current folder and home.  ``protected``: :meth:`_protected` when the caller already has
        it (a folder and its names are checked in one go; resolving the folders is most of the
        cost)."""
        target = _real(path)
        for inp in self._inputs:
            if target == inp:
                raise OutputError(
                    f"{shown(path)}: output-is-input: this is one of the command's inputs; writing it would replace what the results come from. Choose another --out"
                )
            if inp.is_dir() and _inside(target, inp):
                raise OutputError(
                    f"{shown(path)}: output-is-input: this is inside {shown(inp)}, one of the command's inputs. Choose an --out outside it"
                )
        for data, why in self._protected() if protected is None else protected:
            if _inside(target, data) or (folder and _inside(data, target)):
                raise OutputError(
                    f"{shown(path)}: output-protected: this would write into {why} ({shown(data)}). Choose an --out outside it"
                )
        if not folder:
            return
        repo = source_tree()
        if repo is not None and _inside(_real(repo), target):
            raise OutputError(
                f"{shown(path)}: output-protected: the toolkit's repository (or a folder holding it) cannot be an output folder. Give a new folder inside it, for example {shown(Path(path) / 'out')}"
            )
        if _inside(_real(os.getcwd()), target):
            raise OutputError(
                f"{shown(path)}: output-protected: the current folder (or a folder above it) cannot be an output folder. Give a new folder, for example --out out"
            )
        if target == _real(Path.home()) or target.parent == target:
            raise OutputError(
                f"{shown(path)}: output-protected: your home folder or a drive's top folder cannot be an output folder. Give a new folder inside it"
            )

    # -- single files ----------------------------------------------------------------------

    def file(self, path: str | Path) -> "OutputFile":
        """Check now that ``path`` may be written as a file; write later with ``.write``."""
        p = Path(path)
        self._refuse_hard(p, folder=False)
        _check_parent(p)
        try:
            st = os.lstat(p)
        except FileNotFoundError:
            return OutputFile(p, self.force)
        except OSError as exc:
            raise cannot_write(p, exc) from None
        if stat.S_ISDIR(st.st_mode) or p.is_dir():
            raise OutputError(
                f"cannot write {shown(p)}: it is a folder; give a file name, for example {shown(p / 'out')}"
            )
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
            raise OutputError(
                f"cannot write {shown(p)}: it is not a regular file (a device, pipe or socket); give a file name"
            )
        target = OutputFile(p, self.force)
        target.check()
        return target

    # -- folders ---------------------------------------------------------------------------

    def folder(self, path: str | Path, names: Iterable[str] = (), prune: bool = False) -> "OutputFolder":
        """Check now that ``path`` may hold this run's outputs ``names`` (relative paths)."""
        p = Path(path)
        protected = self._protected()
        self._refuse_hard(p, folder=True, protected=protected)
        names = list(names)
        for n in names:
            self._refuse_hard(p / n, folder=False, protected=protected)
        _check_parent(p / "x")
        if p.exists() and not p.is_dir():
            raise OutputError(f"cannot write {shown(p)}: it is a file, not a folder; give a folder name for --out")
        folder = OutputFolder(p, self.force, prune)
        folder.check(names)
        return folder


def _check_parent(p: Path) -> None:
    """A parent that is a file (or unreachable) is named now, not as a traceback later."""
    for parent in p.parents:
        try:
            st = os.stat(parent)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise cannot_write(p, exc) from None
        if not stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown(p)}: {shown(parent)} is a file, not a folder")
        return


class OutputFile:
    def __init__(self, path: Path, force: bool) -> None:
        self.path = path
        self.force = force

    def check(self, data: bytes | None = None) -> None:
        """Refuse (unless --force) to replace a file we did not write; the same bytes may stay."""
        if self.force or not (self.path.exists() or self.path.is_symlink()):
            return
        current = _file_sha(_real(self.path))
        if current is not None and (
            _ledger().get(str(_real(self.path))) == current or (data is not None and current == _sha(data))
        ):
            return
        raise OutputError(
            f"{shown(self.path)}: output-exists: the file exists and was not written by lchd-assess (or was changed since); nothing written. Choose another --out, or add --force to replace it"
        )

    def write(self, content: str | bytes) -> Path:
        data = _bytes(content)
        self.check(data)
        try:
            write_atomic(self.path, data)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        _remember(_real(self.path), _sha(data))
        return self.path


class OutputFolder:
    def __init__(self, path: Path, force: bool, prune: bool = False) -> None:
        self.path = path
        self.force = force
        self.prune = prune

    def _listing(self) -> list[str]:
        try:
            return sorted(os.listdir(self.path))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def check(self, names: Iterable[str]) -> None:
        """Refuse (unless --force) to replace what this tool did not write here."""
        listing = [n for n in self._listing() if n != MARKER]
        if not listing:
            return
        marker = _read_marker(self.path)
        if marker is None:
            if not self.force:
                raise OutputError(
                    f"{shown(self.path)}: output-folder-not-ours: the folder holds files lchd-assess did not write (it has no {MARKER}); nothing written. Choose a new or empty folder, or add --force to write into it (only files of the same names are replaced)"
                )
            return
        for rel in names:
            self._check_one(rel, marker)

    def _check_one(self, rel: str, marker: dict[str, str]) -> None:
        target = self.path / rel
        if not (target.exists() or target.is_symlink()) or self.force:
            return
        if target.is_dir() and not target.is_symlink():
            raise OutputError(f"cannot write {shown(target)}: it is a folder; move it away or choose another --out")
        if marker.get(rel) != _file_sha(target):
            raise OutputError(
                f"{shown(target)}: output-exists: the file was not written by lchd-assess (or was changed since); nothing written. Move it away, choose another --out, or add --force to replace it"
            )

    def write(self, files: Mapping[str, str | bytes]) -> list[Path]:
        """Write every file (each atomically), update the marker, prune what we made before."""
        marker = _read_marker(self.path) or {}
        for rel in files:
            self._check_one(rel, marker)
        written: dict[str, str] = {}
        out: list[Path] = []
        for rel, content in files.items():
            data = _bytes(content)
            try:
                write_atomic(self.path / rel, data)
            except OSError as exc:
                raise cannot_write(self.path / rel, exc) from None
            written[rel] = _sha(data)
            out.append(self.path / rel)
        self._finish(marker, written)
        return out

    @contextlib.contextmanager
    def staging(self) -> Iterator[Path]:
        """A fresh folder beside the output (same file system, so files move by rename); it is
        removed afterwards whatever happens: this run created it.

        It is made inside a private folder of this run with the permissions a new output folder
        gets (not the private folder's owner-only ones), so that :meth:`commit` may put it in
        place of the output folder whole.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            box = Path(tempfile.mkdtemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent))
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        try:
            tmp = box / "staged"
            try:
                tmp.mkdir()
            except OSError as exc:
                raise cannot_write(self.path, exc) from None
            yield tmp
        finally:
            shutil.rmtree(box, ignore_errors=True)

    def commit(self, staged: Path) -> list[Path]:
        """Move every file built in ``staged`` into the output folder (each by rename), or, when
        pruning and the output holds nothing but our own files, swap its top-level entries.

        Paths are plain strings here and each folder is made once (a site has some 340 files in
        120 folders): no path object or mkdir call per file.
        """
        rels = _files_under(os.fspath(staged))
        found = _read_marker(self.path)
        marker = found or {}
        for rel in rels:
            self._check_one(rel, marker)
        if self.prune and self._swapped(staged, rels, found):
            return [self.path / r for r in rels]
        written: dict[str, str] = {}
        made: set[str] = set()
        src_root, dst_root = os.fspath(staged), os.fspath(self.path)
        rel = ""
        try:
            for rel in rels:
                src, dst = os.path.join(src_root, rel), os.path.join(dst_root, rel)
                parent = os.path.dirname(dst)
                if parent not in made:
                    os.makedirs(parent, exist_ok=True)
                    made.add(parent)
                written[rel] = _file_sha(src) or ""
                os.replace(src, dst)
        except OSError as exc:
            raise cannot_write(self.path / rel, exc) from None
        self._finish(marker, written)
        return [self.path / r for r in rels]

    def _swapped(self, staged: Path, rels: list[str], marker: dict[str, str] | None) -> bool:
        """Put the staged contents in place of the output's by folders, when that loses nothing a user
        made (:mod:`.folder_swap`): the result is what the per-file commit gives, files the
        output held that this run does not make being pruned.  False: nothing was moved."""
        src, dst = os.fspath(staged), os.fspath(self.path)
        seen = swappable(dst, src, marker, set(rels))
        if seen is None:
            return False
        written = {rel: _file_sha(os.path.join(src, rel)) or "" for rel in rels}
        try:
            write_atomic(staged / MARKER, _marker_text(written))
            return swap_in(src, dst, seen)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def _finish(self, marker: dict[str, str], written: dict[str, str]) -> None:
        merged = dict(marker)
        if self.prune:
            for rel, digest in marker.items():
                if rel in written:
                    continue
                target = self.path / rel
                # only a file we made, still as we made it, is removed
                if _file_sha(target) == digest:
                    with contextlib.suppress(OSError):
                        target.unlink()
                        _remove_empty_parents(target.parent, self.path)
                merged.pop(rel, None)
        merged.update(written)
        root = os.fspath(self.path)
        merged = {k: v for k, v in merged.items() if os.path.exists(os.path.join(root, k))}
        try:
            write_atomic(self.path / MARKER, _marker_text(merged))
        except OSError as exc:
            raise cannot_write(self.path / MARKER, exc) from None


def _files_under(folder: str, prefix: str = "") -> list[str]:
    """Every file and symbolic link under ``folder`` (links are not followed), as sorted
    relative paths with ``/``."""
    out: list[str] = []
    with os.scandir(os.path.join(folder, prefix) if prefix else folder) as entries:
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink() or entry.is_file():
                out.append(rel)
            elif entry.is_dir():
                out.extend(_files_under(folder, rel + "/"))
    return sorted(out)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and _inside(folder, stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
