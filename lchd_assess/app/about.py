"""What this toolkit is and which data it reads: the text of ``lchd-assess --version``.

Reads only the version line of three files (through the project's YAML loader), never the
whole framework, so it answers fast and still answers when the data has problems.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import __version__
from ..core import paths


def _version(path: Path) -> str:
    # Waits for --version: use_data_folders below runs at every command's start-up, and the
    # YAML loader (PyYAML) at module top would cost every command, --help included.
    from ..load.yamlload import load_yaml

    if not path.is_file():
        return "(missing)"
    loaded = load_yaml(path)
    value = loaded.data.get("version") if isinstance(loaded.data, dict) else None
    return str(value) if value else "(no version)"


def use_data_folders(framework: str | None, assessments: str | None) -> None:
    """Check the folders named by --framework/--assessment (or LCHD_FRAMEWORK/LCHD_ASSESSMENTS)
    and read the data from them for the rest of the run; InputError (one line) when one is not
    a framework or assessment folder, or is of a newer major version."""
    env_fw, env_assess = os.environ.get("LCHD_FRAMEWORK"), os.environ.get("LCHD_ASSESSMENTS")
    if framework or env_fw or assessments or env_assess:
        # Only when a folder is named: the checks read YAML, and loading the YAML loader costs
        # every command's start-up (a report from a saved scores file reads no YAML at all).
        from ..load.datafolders import check_assessment_folder, check_framework_folder

        if framework or env_fw:
            check_framework_folder(framework or env_fw, "--framework" if framework else "LCHD_FRAMEWORK")
        if assessments or env_assess:
            check_assessment_folder(assessments or env_assess, "--assessment" if assessments else "LCHD_ASSESSMENTS")
    paths.use(framework=framework, assessments=assessments)


def version_text() -> str:
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
