"""LCHD cross-sector partnership toolkit.

Pipeline stages, one module each: ``yamlload`` (safe YAML) → ``documents`` (kinds, schema
check) → ``validate`` (semantic checks, report) → ``framework`` (the validated whole) →
``bundle``/``site``/``score``/``report``/``checklist``.  The public surface is small:
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_framework", "validate_paths"]


def __getattr__(name: str):  # lazy, so `lchd-assess --help` stays fast
    if name == "load_framework":
        from .framework import load_framework

        return load_framework
    if name == "validate_paths":
        from .validate import validate_paths

        return validate_paths
    raise AttributeError(name)
