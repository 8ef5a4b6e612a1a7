"""What this toolkit is and which data it reads: the text of ``lchd-assess --version``.

Reads only the version line of three files (through the project's YAML loader), never the
whole framework, so it answers fast and still answers when the data has problems.
"""

from __future__ import annotations

from pathlib import Path


def _version(path: Path) -> str:
    from ..load.yamlload import load_yaml

    if not path.is_file():
        return "(missing)"
    loaded = load_yaml(path)
    value = loaded.data.get("version") if isinstance(loaded.data, dict) else None
    return str(value) if value else "(no version)"


def version_text() -> str:
    from .. import __version__
    from ..core import paths

    fw, assess = paths.framework_dir(), paths.assessments_dir()
    lines = [
        f"lchd-assess {__version__}",
        f"framework {_version(fw / 'framework.yaml')}",
        f"instrument {_version(assess / 'instrument.yaml')}",
        f"reporting standard {_version(fw / 'reporting-standard.yaml')}",
        f"data read from: {paths.repo_root()} ({paths.data_origin()})",
    ]
    for name, folder in sorted(paths.chosen().items()):
        lines.append(f"{name} read from: {folder.resolve()} (chosen for this run)")
    return "\n".join(lines)
