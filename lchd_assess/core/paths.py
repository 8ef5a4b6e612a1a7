"""Where the toolkit's data lives and where it may keep caches: one place decides.

The data (framework/, assessments/ with the example partnerships, schemas/, site_templates/
and CITATION.cff) is read from the first of:

1. a folder named for this run: ``--framework DIR`` / ``--assessment DIR`` (the CLI calls
   :func:`use`), or the environment variables ``LCHD_FRAMEWORK`` / ``LCHD_ASSESSMENTS``, or
   ``LCHD_ROOT`` for a whole data tree (a fork's own repository);
2. the source checkout the package runs from (an editable install, or ``python -m`` in the
   repository), so an edited YAML file counts at once;
3. the copy built into the installed package (``lchd_assess/_data/``, put there by setup.py
   at wheel build time; the repository keeps one copy, at the top level).

Caches never go into the data or the working folder: :func:`cache_dir` is the user's cache
folder (platformdirs), or ``LCHD_CACHE_DIR``; with neither writable there is simply no cache.

Standard library only at import time: every command, including ``--help``, imports this.
"""

from __future__ import annotations

import functools
import os
import stat
from pathlib import Path
import platformdirs

#: The package folder (lchd_assess/).
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Where setup.py puts the data inside a built package.
PACKAGED_DATA = PACKAGE_DIR / "_data"

_chosen: dict[str, Path] = {}


def checkout_root() -> Path | None:
    """The source checkout the package runs from, or None when it runs from an installed wheel."""
    here = PACKAGE_DIR.parent
    if (here / "pyproject.toml").is_file() and (here / "framework" / "framework.yaml").is_file():
        return here
    return None


def repo_root() -> Path:
    """The folder that holds framework/, assessments/, schemas/, site_templates/ and CITATION.cff."""
    env = os.environ.get("LCHD_ROOT")
    if env:
        return Path(env)
    return checkout_root() or PACKAGED_DATA


def source_tree() -> Path | None:
    """The data root when it is a source tree (a checkout, or LCHD_ROOT) whose docs/ and
    mkdocs.yml the site commands keep; None for the copy inside an installed package."""
    if os.environ.get("LCHD_ROOT") or checkout_root():
        return repo_root()
    return None


def data_origin() -> str:
    """Where :func:`repo_root` points, in words for ``--version``."""
    if os.environ.get("LCHD_ROOT"):
        return "LCHD_ROOT"
    return "source checkout" if checkout_root() else "installed package"


def use(framework: str | Path | None = None, assessments: str | Path | None = None) -> None:
    """Read the framework and/or the assessment from these folders for the rest of this run."""
    if framework is not None:
        _chosen["framework"] = Path(framework)
    if assessments is not None:
        _chosen["assessments"] = Path(assessments)


def reset() -> None:
    """Forget folders chosen with :func:`use` (tests)."""
    _chosen.clear()


def _folder(name: str, env: str) -> Path:
    if name in _chosen:
        return _chosen[name]
    value = os.environ.get(env)
    return Path(value) if value else repo_root() / name


def framework_dir() -> Path:
    return _folder("framework", "LCHD_FRAMEWORK")


def assessments_dir() -> Path:
    return _folder("assessments", "LCHD_ASSESSMENTS")


def examples_dir() -> Path:
    return assessments_dir() / "examples"


def example_names() -> list[str]:
    """The shipped (fictional) example partnerships, by folder name (listed in `init --help`,
    so here in core/: building the CLI's parser must not load the use cases)."""
    folder = examples_dir()
    return sorted(p.name for p in folder.iterdir() if (p / "partnership.yaml").is_file()) if folder.is_dir() else []


def schemas_dir() -> Path:
    return repo_root() / "schemas"


def site_templates_dir() -> Path:
    return repo_root() / "site_templates"


def citation_file() -> Path:
    return repo_root() / "CITATION.cff"


def chosen() -> dict[str, Path]:
    """Folders chosen for this run (by option or environment), by name, for ``--version``."""
    out = dict(_chosen)
    for name, env in (("framework", "LCHD_FRAMEWORK"), ("assessments", "LCHD_ASSESSMENTS")):
        if name not in out and os.environ.get(env):
            out[name] = Path(os.environ[env])
    return out


def cache_dir(*parts: str) -> Path | None:
    """A folder for caches under the user's cache folder, created; None when none can be made.

    ``LCHD_CACHE_DIR`` overrides the place; ``LCHD_CACHE_DIR=`` (empty) turns caching off.
    """
    env = os.environ.get("LCHD_CACHE_DIR")
    if env is not None:
        if not env:
            return None
        base = Path(env)
    else:
        base = Path(platformdirs.user_cache_dir("lchd-assess", appauthor=False))
    folder = base.joinpath(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def keep_newest(folder: Path, pattern: str, keep: int, spare: Path | None = None) -> None:
    """Remove all but the newest ``keep`` files matching ``pattern`` in a cache ``folder`` (never
    ``spare``, the entry just written), so a cache cannot grow without bound.  Files another
    process removed first are skipped."""
    found = list(folder.glob(pattern))
    if len(found) <= keep:
        return  # the usual case: no file's age needed
    entries = []
    for p in found:
        try:
            entries.append((p.stat().st_mtime_ns, p.name, p))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _mtime, _name, old in entries[keep:]:
        if old != spare:
            old.unlink(missing_ok=True)


def files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """The files under ``folder`` whose suffix is one of ``suffixes`` (lower case), sorted;
    anything inside a hidden folder (``.git``, ``.lchd-cache`` …) or hidden itself is skipped."""
    return sorted(
        q
        for q in folder.rglob("*")
        if q.is_file()
        and q.suffix.lower() in suffixes
        and not any(part.startswith(".") for part in q.relative_to(folder).parts)
    )


def tree_files(
    folder: Path, skip: str = "__pycache__", suffixes: tuple[str, ...] | None = None
) -> list[tuple[str, str]]:
    """(path relative to ``folder`` with ``/``, full path) of every file under it (with one of
    ``suffixes``, when given), outside folders named ``skip``, in the order pathlib sorts them
    (part by part); [] for no folder.

    What ``sorted(folder.rglob("*"))`` filtered by ``is_file()`` gives (links to files count,
    links to folders are not followed), with strings and ``os.scandir``: the file type comes
    with the listing, so there is no ``stat`` or ``Path`` per entry. For the fingerprints a
    forced site build and every report compute (a third of their cost with pathlib).
    """
    out: list[tuple[str, str]] = []

    def walk(path: str, prefix: str) -> None:
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != skip:
                        walk(entry.path, prefix + entry.name + "/")
                elif (suffixes is None or os.path.splitext(entry.name)[1] in suffixes) and entry.is_file():
                    out.append((prefix + entry.name, entry.path))

    try:
        walk(os.fspath(folder), "")
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(out, key=lambda f: f[0].split("/"))


def no_files_message(suffixes: tuple[str, ...]) -> str:
    """ "the folder holds no .yaml or .yml files": the suffixes that were looked for, in words."""
    names = sorted(set(suffixes), key=suffixes.index)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"the folder holds no {listed} files"


def display_path(path: Path) -> str:
    """Paths in messages: relative to the current folder when below it."""
    # real(), not resolve(): a symlink that points at itself must not raise here
    return display_real(real(path), path)


def display_real(resolved: Path, path: Path) -> str:
    """:func:`display_path` of ``path`` when the caller already has ``real(path)`` (a scorer
    resolves each file once for its safety check and its messages, not once for each)."""
    cwd = _real_cwd(os.getcwd())
    # relative_to says "not below" by raising, which costs more than the text comparison
    return str(resolved.relative_to(cwd)) if real_is_inside(resolved, cwd) else str(path)


@functools.lru_cache(maxsize=8)
def _real_cwd(cwd: str) -> Path:
    """The current folder with symlinks followed, once per folder a run works in: scoring a
    portfolio shows thousands of paths, each resolving the same folder again (an lstat per
    part of its name). Keyed by ``os.getcwd()``, which on POSIX already has no symlinks in it,
    so a change of folder is a new entry; only messages use it, never a safety check."""
    return real(cwd)


def as_path(path: str | Path) -> Path:
    """``path`` as a Path, and a Path as it is: on Python 3.11 ``Path(path)`` parses a Path's
    parts all over again (a portfolio passes thousands of folders through several functions)."""
    return path if isinstance(path, Path) else Path(path)


def real(path: str | Path) -> Path:
    """The absolute path with symlinks followed, as far as they lead.

    ``os.path.realpath`` rather than ``Path.resolve()``: on Python 3.11 ``resolve`` raises on a
    symlink that points at itself, which a hostile or broken folder can hold.
    """
    # Not realpath(abspath(path)): abspath removes "link/.." as text, before the link is
    # followed, and so names another folder than the one a program opening the path reaches.
    return Path(os.path.realpath(path))


def real_child(real_folder: Path, folder: Path, *names: str) -> Path:
    """``real(folder / names…)`` for a caller that already has ``real_folder`` (``real(folder)``).

    ``realpath`` resolves a name part by part (an lstat and some Python for every part of the
    whole path); below a folder already resolved only the new parts can be links. When none is
    (one lstat each) the answer is the real folder joined with them, as ``realpath`` would give;
    a link (or a Windows junction), a missing part or a name that is not a plain one is resolved
    in full by :func:`real`.
    """
    path = os.fspath(folder)  # joined as text: a Path for each part costs more than its lstat
    for name in names:
        if name in ("", ".", "..") or "/" in name or os.sep in name:
            return real(folder.joinpath(*names))
        path = os.path.join(path, name)
        try:
            st = os.lstat(path)
            # a link, or on Windows any reparse point (a directory junction is not S_ISLNK there,
            # but realpath follows it)
            reparse_tag: int = getattr(st, "st_reparse_tag", 0)
            if stat.S_ISLNK(st.st_mode) or reparse_tag:
                return real(folder.joinpath(*names))
        except OSError:
            return real(folder.joinpath(*names))
    return real_folder.joinpath(*names)


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """True when ``path`` (symlinks followed) is ``folder`` or lies below it."""
    return real_is_inside(real(path), real(folder))


def real_is_inside(resolved: Path, resolved_folder: Path) -> bool:
    """:func:`is_inside` for paths the caller has already passed through :func:`real`.

    Compared as text, which for such paths (absolute, no ``.``, ``..``, doubled or trailing
    separators but a root's) says what ``resolved == resolved_folder or resolved_folder in
    resolved.parents`` says (tests/test_paths_inside.py), without a Path for each parent:
    case-blind on Windows as pathlib compares paths there (``str.lower``, not the system's own
    table that ``os.path.normcase`` uses since Python 3.11: the two differ on a few letters such
    as İ), and the folder is matched up to a separator, so /a/bc is not inside /a/b.
    """
    path, folder = str(resolved), str(resolved_folder)
    if os.sep == "\\":
        path, folder = path.replace("/", "\\").lower(), folder.replace("/", "\\").lower()
    return path == folder or path.startswith(folder if folder.endswith(os.sep) else folder + os.sep)


def user_state_dir() -> Path:
    """Where the toolkit keeps what it must remember between runs on this machine (the list
    of files it wrote, core/safe_output.py): ``LCHD_STATE_DIR``, else the user state folder."""
    env = os.environ.get("LCHD_STATE_DIR")
    if env:
        return Path(env)

    return Path(platformdirs.user_state_dir("lchd-assess", appauthor=False))


def protected_data_dirs() -> list[tuple[Path, str]]:
    """Folders no command writes its outputs into: the toolkit's data and code, and what to
    call each in a message."""
    folders = [
        (framework_dir(), "the framework's data"),
        (assessments_dir(), "the self-assessment's data"),
        (schemas_dir(), "the toolkit's JSON Schemas"),
        (site_templates_dir(), "the site's templates"),
        (repo_root() / ".git", "the repository's history"),
        (PACKAGE_DIR, "the toolkit's own code"),
    ]
    return [(real(p), why) for p, why in folders if p.is_dir()]
