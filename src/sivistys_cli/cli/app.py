"""The typer app: the command wrapper that turns expected errors into exit codes, the console, the entry point."""

from __future__ import annotations

import errno
import functools
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
import typer.main
from typer.core import TyperArgument, TyperCommand

from sivistys_cli import __version__
from sivistys_cli.display.sanitize import sanitize
from sivistys_cli.errors import SivistysError

if TYPE_CHECKING:
    from rich.console import Console

    from sivistys_cli.formats import Registry

app = typer.Typer(
    name="sivistys",
    help="Check, summarise, report and diff municipal development programs kept as YAML.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion and --show-completion for bash, zsh, fish and PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# Where users report bugs; no public tracker exists yet, so the message says what to send instead.
REPORT_BUG = "to the sivistys maintainers with the command you ran and the file it read"


def console(stderr: bool = False) -> Console:
    """Colour only for a terminal, never with NO_COLOR; soft wrap keeps file:line:col greppable."""
    from rich.console import Console

    color = colored(stderr)
    return Console(stderr=stderr, no_color=not color, highlight=False, soft_wrap=True,
                   force_terminal=None if color else False)


def colored(stderr: bool = False) -> bool:
    """Whether console() colours: a terminal, and no NO_COLOR. Asked without importing rich (a check run
    by a pre-commit hook writes to a pipe and should not pay ~15 ms for a console it does not use)."""
    return "NO_COLOR" not in os.environ and (sys.stderr if stderr else sys.stdout).isatty()


def emit(out: str, color: bool) -> None:
    """Write a rendered output: through rich when it carries colour markup, else as it is."""
    if color:
        console().print(out, end="", markup=True)
    else:
        sys.stdout.write(out)


def follow_links_option() -> Any:
    """--follow-links: read symlinks that lead out of the named folder (refused by default)."""
    return typer.Option("--follow-links", help="Also read files that symbolic links lead to outside the named folder (refused by default).")


def format_option(registry: Registry, default: str = "") -> Any:
    """The --format option of a command, its choices and help taken from the command's registry."""
    help_text = registry.help()[:-1] + default + "." if default else registry.help()
    return typer.Option("--format", "-f", metavar=registry.metavar(), help=help_text, show_default=not default)


def lang_option(help_text: str = "") -> Any:
    """--lang of a command whose messages are in fi, sv or en."""
    return typer.Option("--lang", metavar="[fi|sv|en]", show_default=False, help=help_text or (
        "The language of the messages: fi, sv or en; default: SIVISTYS_LANG, else 'lang' in sivistys.toml, "
        "else the locale (LC_ALL, LC_MESSAGES, LANG) when it is Finnish or Swedish, else English."))


class Command(TyperCommand):
    """A command whose --help names each argument by its metavar only, without typer's '<list[Path]>'."""

    def get_params(self, ctx: typer.Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperArgument) and param.metavar:
                param.display_type_rich = _no_type  # type: ignore[method-assign]
        return params


def _no_type(ctx: object) -> None:
    return None


def command(
    fn: Callable[..., None] | None = None, *, cls: type | None = None, app: typer.Typer | None = None,
    name: str | None = None, examples: tuple[str, ...] = (),
) -> Callable[..., None]:
    """Register a command whose expected errors print one clean line and exit with their code.

    `app` registers it in a group of subcommands (`sivistys outcomes new`), `name` names it, and
    `examples` are command lines shown at the end of its --help, each with what it does.
    """
    if fn is None:
        return functools.partial(command, cls=cls, app=app, name=name, examples=examples)  # as @command(…)

    @functools.wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> None:
        try:
            try:
                fn(*args, **kwargs)
                sys.stdout.flush()  # here, not at exit, so that a full disk is said like any other error
            except OSError as exc:
                raise _output_failed(exc) from exc
        except SivistysError as exc:
            # Messages quote file names, keys and revisions; none of them may start a line or a terminal sequence.
            console(stderr=True).print(sanitize(_said(exc, kwargs.get("lang"))) + _lines(exc, kwargs.get("lang")),
                                       markup=False)
            raise typer.Exit(exc.exit_code) from None

    return (app or _app()).command(name, cls=cls or Command, epilog=epilog(examples))(wrapper)


# Writing standard output can fail for reasons outside sivistys (`> file` on a full disk, a quota, a
# broken disk); a failure to write -o is said by atomic.py, and other OSErrors are not about output.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _output_failed(exc: OSError) -> OSError | SivistysError:
    """A failed write of standard output as an error to say (exit 2); any other OSError as it was."""
    if exc.errno not in _OUTPUT_ERRNOS:
        return exc
    # What is still buffered cannot be written either: standard output goes nowhere from now on, so that
    # Python's own flush at exit does not print a second error.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    from sivistys_cli.errors import said

    return said("output_failed", reason=os.strerror(exc.errno))


def _said(exc: SivistysError, lang: object) -> str:
    """'sivistys: error: …' in the language asked for (--lang, else SIVISTYS_LANG or the locale), when the
    catalogs have the message."""
    if exc.msg is None:
        return f"sivistys: error: {exc}"
    from sivistys_cli.display.messages import render, say

    chosen = lang if lang in ("fi", "sv", "en") else help_lang(os.environ)
    return say("error.line", chosen, text=render(exc.msg, chosen))  # type: ignore[arg-type]


def _lines(exc: SivistysError, lang: object) -> str:
    """The indented lines under an error that lists its problems (import's refused cells), each one made safe."""
    from sivistys_cli.display.messages import render

    chosen = lang if lang in ("fi", "sv", "en") else help_lang(os.environ)
    return "".join("\n  " + sanitize(render(line, chosen)) for line in getattr(exc, "lines", ()))  # type: ignore[arg-type]


def _app() -> typer.Typer:
    return globals()["app"]  # the module's app; the parameter of the same name shadows it above


def epilog(examples: tuple[str, ...]) -> str | None:
    """'Examples:' and one indented line each; the \\b keeps click from re-wrapping them into one paragraph."""
    if not examples:
        return None
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in examples)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sivistys {__version__}")
        raise typer.Exit()


def _debug(value: bool) -> None:
    if value:
        os.environ["SIVISTYS_DEBUG"] = "1"


@app.callback()
def _root(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", callback=_debug, is_eager=True,
                           help="Show the traceback of an unexpected error (as SIVISTYS_DEBUG=1 does).")
    ] = False,
) -> None:
    """sivistys: municipal development programs as version-controlled YAML."""


def localized(command: Any, lang: str) -> Any:
    """The click command tree with its summaries, option help and 'Examples:' in `lang` (from the catalogs).

    typer fixes help texts when the commands are declared; they are replaced here, once the tree is
    built, so a command's help follows SIVISTYS_LANG or the locale at start-up.
    """
    if lang != "en":
        _translate(command, "app", lang)
    return command


def _translate(command: Any, key: str, lang: str) -> None:
    from sivistys_cli.display.messages import entry

    if command.help:
        rest = command.help.partition("\n")[2]
        try:
            command.help = entry(f"help.{key}.summary", lang) + ("\n" + rest if rest else "")
            command.short_help = None
        except KeyError:  # a command not yet in the catalogs keeps its English help
            pass
    for param in command.params:
        if getattr(param, "help", None) and param.name != "output_format":
            try:
                param.help = _param_help(key, param.name, lang)
            except KeyError:
                pass
    if command.epilog:
        command.epilog = command.epilog.replace("Examples:", entry("help.examples", lang), 1)
    for name, sub in getattr(command, "commands", {}).items():
        _translate(sub, name if key == "app" else f"{key}.{name}", lang)


def _param_help(key: str, name: str, lang: str) -> str:
    """An option's help; --lang of the message commands shares one text, typer's completion options keep theirs."""
    from sivistys_cli.display.messages import entry

    try:
        return entry(f"help.{key}.{name}", lang)
    except KeyError:
        return entry("help.lang", lang) if name == "lang" else entry(f"help.{name}", lang)


def help_lang(environ: Any) -> str:
    """The language of --help: SIVISTYS_LANG when it is fi, sv or en, else a Finnish or Swedish locale, else English."""
    from sivistys_cli.display.messages import locale_lang

    chosen = environ.get("SIVISTYS_LANG", "")
    return chosen if chosen in ("fi", "sv", "en") else locale_lang(environ) or "en"


def coerce_lazily(command: Any) -> Any:
    """The command tree with each option's value converted only when one is given.

    Why: typer builds a pydantic TypeAdapter for every option of the command run, given or not, to
    convert its value (about 3 ms each; 12 ms of a one-file check, with importing its adapters). An option
    left out is None (or () when it takes several values) whatever its type, which is what typer's own
    conversion returns for it; a text option's text and a flag's True or False are themselves (typer's
    adapters pass them through unchanged). Anything else goes to typer as before.
    """
    help_option = command.get_help_option(command.context_class(command))  # made once, kept by the command
    for param in [*command.params, *([help_option] if help_option is not None else [])]:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = _Coercion(param.type_descriptor)
    for sub in getattr(command, "commands", {}).values():
        coerce_lazily(sub)
    return command


class _Coercion:
    """typer's conversion of one option, built only for a value that needs it."""

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        info, kind = descriptor.parameter_info, descriptor.annotation
        plain = info.parser is None
        self.kept = (str,) if plain and kind is str else (bool,) if plain and kind is bool else ()
        # A path, or a list of them, as typer converts it: Path(text), then its own checks of the path.
        self.paths = plain and info.path_type is None and descriptor.file_annotation is None and (
            kind is Path or getattr(kind, "__origin__", None) is list and kind.__args__ == (Path,))

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        several = param.multiple or param.nargs == -1
        if value is None:
            return () if several else None
        if not several and type(value) in self.kept:  # a text option's text, a flag's True or False
            return value
        if self.paths and (type(value) is str or type(value) is tuple and all(type(v) is str for v in value)):
            return self._paths(value, param, ctx)
        from typer._coercion import build_runtime_param

        param._runtime_param = build_runtime_param(self.descriptor)
        return param._runtime_param.coerce(value, param=param, ctx=ctx)

    def _paths(self, value: str | tuple[str, ...], param: Any, ctx: Any) -> Path | list[Path]:
        """What typer's adapters give (pydantic makes Path(text) of a text), without building them."""
        from typer._param_types import coerce_cli_path

        def one(text: str) -> Path:
            return coerce_cli_path(Path(text), self.descriptor.parameter_info, path_type=Path, param=param, ctx=ctx)

        return one(value) if isinstance(value, str) else [one(v) for v in value]


def main() -> None:
    """Entry point: an unexpected error becomes a short message and exit 3, never a traceback."""
    try:
        coerce_lazily(localized(typer.main.get_command(app), help_lang(os.environ)))(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("SIVISTYS_DEBUG") or "--debug" in sys.argv[1:2]:
            traceback.print_exc()
        console(stderr=True).print(
            f"sivistys: internal error: {type(exc).__name__}: {sanitize(str(exc)[:500])}\n"
            f"This is a bug in sivistys, not in your files. Please report it {REPORT_BUG} "
            "(run it again with --debug to see the details).",
            markup=False,
        )
        sys.exit(3)
