"""The one exception base; the CLI turns it into a clean message and exit code."""

from __future__ import annotations

from collections.abc import Callable

from sivistys_cli.diagnostics import Msg

# display.messages sets this when it is imported, so that code below the display layer (git, atomic
# writes, format registries) can raise an error whose message is data and still reads as English text.
render_message: Callable[[Msg], str] | None = None


class SivistysError(Exception):
    """An expected failure with a message for the user."""

    exit_code = 2

    def __init__(self, message: str = "", msg: Msg | None = None) -> None:
        super().__init__(message)
        # The message as data (a diagnostics.Msg, see display.messages.usage), so that the command line
        # can say it in the user's language; str(error) is its English.
        self.msg = msg

    def __str__(self) -> str:
        if self.msg is not None and not self.args[0]:
            return render_message(self.msg) if render_message is not None else self.msg.key
        return super().__str__()


class UsageError(SivistysError):
    """Bad arguments, a missing path, an unreadable configuration: exit code 2."""

    exit_code = 2


def said(key: str, /, **args: object) -> UsageError:
    """A usage error whose message is `error.<key>` of the message catalogs, for code below the display layer."""
    return UsageError("", Msg(f"error.{key}", args))
