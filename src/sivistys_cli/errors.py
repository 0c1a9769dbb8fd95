"""The one exception base; the CLI turns it into a clean message and exit code."""


class SivistysError(Exception):
    """An expected failure with a message for the user."""

    exit_code = 2

    def __init__(self, message: str = "", msg: object = None) -> None:
        super().__init__(message)
        # The message as data (a diagnostics.Msg, see display.messages.usage), so that the command line
        # can say it in the user's language; str(error) is its English.
        self.msg = msg


class UsageError(SivistysError):
    """Bad arguments, a missing path, an unreadable configuration: exit code 2."""

    exit_code = 2
