"""The exit codes every command shares.

A module of its own (re-exported by core.findings) so that the command line can name them at
start-up without loading the findings catalogue, which a report from a saved scores file never
needs.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Exit codes shared by every command."""

    OK = 0
    FINDINGS = 1
    BAD_INPUT = 2
    #: a bug in the toolkit, not the user's input (the CLI prints one line, not a traceback)
    INTERNAL_ERROR = 3
    #: stopped with Ctrl-C (128 + SIGINT, as shells report it)
    INTERRUPTED = 130
