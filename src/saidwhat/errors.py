"""One exception hierarchy so callers can catch everything saidwhat raises with one `except`.

The CLI turns any `SaidwhatError` into a single line on stderr and exit code 2; anything else is a bug.
"""

from __future__ import annotations


class SaidwhatError(Exception):
    """Root of every error saidwhat raises on purpose."""

    code = "E000"


class InputError(SaidwhatError):
    """The input cannot be read: empty, binary, undecodable, too large, malformed JSON or HTML."""

    code = "E100"


class ModelError(SaidwhatError):
    """The spaCy pipeline or saidwhat's shipped weights cannot be loaded."""

    code = "E200"


class StoreError(SaidwhatError):
    """The corpus database cannot be opened, migrated or written."""

    code = "E300"


class UsageError(SaidwhatError):
    """The caller asked for something that does not exist (unknown format, option or id)."""

    code = "E400"
