"""LCHD cross-sector partnership toolkit.

One subpackage per pipeline stage (see CONTRIBUTING.md): ``core`` (errors, findings, paths,
outputs) → ``load`` (safe YAML, document kinds, models) → ``check`` (validation) → ``formats``
(files read and written) → ``score`` (the scorer) → ``context`` (typed template contexts) →
``render`` (Jinja, SVG, PDF) → ``site`` (documentation site) → ``app`` (use cases) → ``cli``.
The public surface is small:
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_framework", "validate_paths"]


def __getattr__(name: str):  # lazy, so `lchd-assess --help` stays fast
    if name == "load_framework":
        from .load.framework import load_framework  # lazily: see __getattr__

        return load_framework
    if name == "validate_paths":
        from .app.validate import validate_paths  # lazily: see __getattr__

        return validate_paths
    raise AttributeError(name)
