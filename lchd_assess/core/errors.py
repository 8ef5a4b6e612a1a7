"""The toolkit's exceptions share one base, so the CLI turns any of them into one clear line."""

from __future__ import annotations


class LchdError(Exception):
    """Base of every error the toolkit raises on purpose. ``str()`` is the line users see."""

    exit_code = 2


class InputError(LchdError):
    """Input that cannot be used at all (missing, unreadable, invalid): exit code 2."""


class UsageError(LchdError):
    """A command called with words that do not fit: exit code 2."""
