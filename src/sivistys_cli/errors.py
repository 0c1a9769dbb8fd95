"""The one exception base; the CLI turns it into a clean message and exit code."""


class SivistysError(Exception):
    """An expected failure with a message for the user."""

    exit_code = 2


class UsageError(SivistysError):
    """Bad arguments, a missing path, an unreadable configuration: exit code 2."""

    exit_code = 2
