"""The toolkit's exceptions share one base, so the CLI turns any of them into one clear line."""

from __future__ import annotations
from .findings import sort_key


class LchdError(Exception):
    """Base of every error the toolkit raises on purpose. ``str()`` is the line users see."""

    exit_code = 2


class InputError(LchdError):
    """Input that cannot be used at all (missing, unreadable, invalid): exit code 2."""


class UsageError(LchdError):
    """A command called with words that do not fit: exit code 2."""


class ResponsesError(InputError):
    """A response file has findings: the scorer does not guess.

    Here rather than beside the scorer so that catching it (every command that may score)
    does not load the scorer and NumPy when nothing is scored."""

    exit_code = 1  # core.findings.ExitCode.FINDINGS: the answers have findings, listed

    def __init__(self, responses) -> None:  # noqa: ANN001 (formats.responses.Responses)

        self.findings = sorted(responses.findings, key=sort_key)
        n = len(self.findings)
        more = f" (and {n - 1} more; run `lchd-assess validate {responses.file}` to list them all)" if n > 1 else ""
        super().__init__(self.findings[0].format_text() + more)
