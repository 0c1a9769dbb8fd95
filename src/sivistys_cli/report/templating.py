"""Jinja for the reports: where templates come from, how values are escaped, and template errors as usage errors."""

from __future__ import annotations

import os
import stat
import traceback
import types
from collections.abc import Callable
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from jinja2.exceptions import SecurityError
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from sivistys_cli.display import markdown, richtext
from sivistys_cli.display.i18n import LANGS, Localized, Translator
from sivistys_cli.display.sanitize import sanitize
from sivistys_cli.errors import UsageError


def environment(template_dir: Path | None = None, finalize: Callable[[Any], Any] | None = None) -> jinja2.Environment:
    """Templates from --template-dir first, then the package's; 'builtin/NAME' is always the package's."""
    package = jinja2.PackageLoader("sivistys_cli", "templates")
    loaders: list[jinja2.BaseLoader] = [FolderLoader(template_dir)] if template_dir else []
    loader = jinja2.ChoiceLoader([*loaders, package, jinja2.PrefixLoader({"builtin": package})])
    # Template folders are shared between municipalities: a template may format values, never reach
    # Python's internals (''.__class__…), the file system or a shell.
    env = Sandbox(
        loader=loader,
        bytecode_cache=_compiled(finalize),
        autoescape=True,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        md=lambda v: Markup(markdown.inline(v)),
        md_block=lambda v: Markup(richtext.to_markdown(v)),
        rich=_rich_html,
        md_link=lambda v: Markup(markdown.link(v)),
        safe_url=markdown.safe_url,
        paragraphs=_paragraphs,
    )
    return env


class _Compiled(jinja2.BytecodeCache):
    """Templates compiled once per process, kept in memory.

    Why: each report makes its own environment (its language's finalize and translator), which compiled
    its four templates again: `report --all` of 309 programs spent half its time compiling the same
    templates. Jinja keys the code by template name and file and checks it against the source's checksum,
    so an edited or another --template-dir template is compiled anew."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Any) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Any) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


# One cache per finalize function: the code Jinja generates depends on whether the environment has one.
_COMPILED: dict[Any, _Compiled] = {}


def _compiled(finalize: Callable[[Any], Any] | None) -> _Compiled:
    return _COMPILED.setdefault(finalize, _Compiled())


def _escape(value: Any) -> Markup:
    """markupsafe.escape, with its two commonest cases made cheaper: Markup (a macro's or a filter's result)
    is returned as it is rather than copied, and a plain str is escaped without Markup()'s Python-level check
    for __html__, which a str never has. The page is the same; an HTML report escapes a million values."""
    cls = type(value)
    if cls is Markup:
        return value  # type: ignore[no-any-return]
    if cls is str:
        return str.__new__(Markup, _escape_text(value))
    if cls is Localized and not value[2] and "\n" not in value[0]:
        return str.__new__(Markup, _escape_text(value[0]))  # what its __html__ gives: a program's text in the asked language
    return escape(value)


# markupsafe's own C escaping of a str (what escape() calls for one); escape() itself where it has none.
_escape_text: Callable[[str], str] = getattr(markupsafe, "_escape_inner", lambda text: str(escape(text)))


class _Template(jinja2.Template):
    """A template whose printed values are escaped by `_escape` (the compiled code's global `escape`)."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = _escape  # the namespace the template's code runs in
        return template


# No report needs a string or a list of more than 10 million items made inside a template.
MAX_PRODUCT = 10_000_000


class Sandbox(SandboxedEnvironment):
    """Jinja's sandbox, also bounding `*` and `**`, with which one line of template could ask for gigabytes."""

    intercepted_binops = frozenset({"*", "**"})
    template_class = _Template

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > 1000 and not isinstance(left, float):
            raise SecurityError("a power larger than 1000 is not allowed in a template")
        if operator == "*" and _product_size(left, right) > MAX_PRODUCT:
            raise SecurityError(f"a value repeated to more than {MAX_PRODUCT:,} items is not allowed in a template")
        return super().call_binop(context, operator, left, right)


    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer, remembered per type and name: it depends on nothing else (isinstance checks of
        the object's type, the name's underscores). Asking it anew for each of 280 000 lookups was a
        third of rendering a 20 000-theme program. An object whose __class__ is not its type is asked anew."""
        cls = type(obj)
        if obj.__class__ is not cls:
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr)
        safe = _SAFE.get(key)
        if safe is None:
            safe = _SAFE[key] = super().is_safe_attribute(obj, attr, value)
            if safe:
                _SAFE_NAMES.setdefault(cls, set()).add(attr)
        return safe


    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's sandboxed lookup with the common case first: a plain value (not a method) of an object whose
        type and name were already found safe is returned as it is. Jinja's own path would wrap only a method
        (str.format) and ask is_safe_attribute, whose answer for this type and name is known; going through it
        for each of the 800 000 lookups of a 10 000-theme report was a sixth of rendering it."""
        cls = type(obj)
        if attribute in _SAFE_NAMES.get(cls, ()) and obj.__class__ is cls:
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)
            if not isinstance(value, _METHODS):
                return value
        return super().getattr(obj, attribute)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        """What Jinja's sandbox and Context.call do, with the common case first: a template's macro, the
        translator `t`, or a method none of whose markers (pass the context, unsafe) are set, is called as it
        is. Asking for each of a report's 270 000 calls whether it is marked was a tenth of rendering it."""
        if _direct(__obj):
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:  # as Context.call does
                return __context.environment.undefined("value was undefined because a callable raised a "
                                                       "StopIteration exception")
        return super().call(__context, __obj, *args, **kwargs)


_SAFE: dict[tuple[type, str], bool] = {}
_SAFE_NAMES: dict[type, set[str]] = {}  # the names found safe, by type: looked up without making a key
_METHODS = (types.MethodType, types.BuiltinMethodType)
# The attributes by which Jinja decides how to call a function (jinja_pass_arg) or refuses it in the sandbox.
_MARKERS = ("jinja_pass_arg", "unsafe_callable", "alters_data")
_PLAIN_FUNCTIONS: dict[Callable[..., Any], bool] = {}


def _direct(obj: Any) -> bool:
    """Whether `obj` is called as it is: a macro or a Translator (no template can set an attribute on either),
    or a bound method whose function has no marker (a method's attributes are its function's)."""
    cls = type(obj)
    if cls is Macro or cls is Translator:
        return True
    if cls is not types.MethodType:
        return False
    func = obj.__func__
    plain = _PLAIN_FUNCTIONS.get(func)
    if plain is None:
        plain = _PLAIN_FUNCTIONS[func] = not any(hasattr(func, marker) for marker in _MARKERS)
    return plain


def _product_size(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple, bytes)) and isinstance(times, int):
            return len(seq) * times
    return 0


# A template is a few kilobytes; a larger file is a mistake (or /dev/zero behind a link).
MAX_TEMPLATE_BYTES = 1 << 20


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder, and only from it: no absolute or '..' names, no symlink leading out,
    only regular files of a sane size."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(os.path.realpath(folder))
        if not self.folder.is_dir():
            raise UsageError(f"--template-dir {sanitize(folder)}: not a directory")

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        parts = template.replace("\\", "/").split("/")
        if template.startswith("/") or any(p in ("", ".", "..") for p in parts):
            raise UsageError(f"template error: the template name '{sanitize(template)}' leaves the template folder; "
                             "name templates relative to it, without '..'")
        path = self.folder.joinpath(*parts)
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)
        real = Path(os.path.realpath(path))
        if not real.is_relative_to(self.folder):
            raise UsageError(f"template error: {sanitize(template)} in the template folder is a symbolic link to a "
                             "file outside it; copy the file into the folder instead")
        text = _read_template(real, template)
        mtime = real.stat().st_mtime
        return text, str(real), lambda: real.stat().st_mtime == mtime


def _read_template(path: Path, name: str) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UsageError(f"template error: cannot read {sanitize(name)}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"template error: {sanitize(name)} is not a regular file")
        # A hard link is a file that may also live outside the folder, like a symbolic link out of it.
        if info.st_nlink > 1:
            raise UsageError(f"template error: {sanitize(name)} in the template folder is a hard link to a file "
                             "that may be outside it; copy the file into the folder instead")
        raw = handle.read(MAX_TEMPLATE_BYTES + 1)
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise UsageError(f"template error: {sanitize(name)} is larger than {MAX_TEMPLATE_BYTES >> 20} MiB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"template error: {sanitize(name)} is not UTF-8 text") from None


def fill(env: jinja2.Environment, name: str, context: dict[str, Any], tr: Translator, template_dir: Path | None) -> str:
    """Render the template `name`; an error in a template becomes a usage error naming its line."""
    return "".join(fill_parts(env, name, context, tr, template_dir))


def fill_parts(env: jinja2.Environment, name: str, context: dict[str, Any], tr: Translator,
               template_dir: Path | None) -> list[str]:
    """`fill`, the page given in parts of a few hundred kilobytes that join to it (see `_render`)."""
    try:
        template = env.get_template(name)
        out = _render(template, context)
        if tr.fallbacks:
            # Which texts fell back is known only once the templates have asked for them all; the
            # notice about it comes first, so the page is rendered again with it.
            context["fallbacks"] = [tr(f"language_in.{lang}") if lang in LANGS else lang for lang in sorted(tr.fallbacks)]
            del out  # not two pages in memory at once
            out = _render(template, context)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template error ({exc.filename}:{exc.lineno}): {sanitize(exc.message)}") from None
    except UsageError:
        raise
    except SecurityError as exc:
        why = "; templates may not reach Python's internals" if "unsafe" in str(exc) else ""
        raise UsageError(f"template error: {sanitize(str(exc).rstrip('.'))}{why}") from None
    except (RecursionError, MemoryError, OverflowError) as exc:
        raise UsageError(f"template error: the template {_what(exc)}; simplify it") from None
    except Exception as exc:
        raise _template_error(exc, template_dir) from None
    return out


# Pieces joined at a time: a few hundred kilobytes of text.
_BATCH = 4096


def _render(template: jinja2.Template, context: dict[str, Any]) -> list[str]:
    """The template's text, as Template.render makes it, in parts: its pieces joined a batch at a time.

    Why: render() gathers every piece the template yields before joining them; a block yields each
    literal and value on its own, so the annual report of 10 000 themes held 3 million small strings
    (their object headers weighing more than their text) beside the page they made."""
    pieces = template.generate(context)
    chunks = []
    while batch := list(islice(pieces, _BATCH)):
        chunks.append("".join(batch))
    return chunks


def _what(exc: BaseException) -> str:
    return "calls itself without end" if isinstance(exc, RecursionError) else "makes a value too large"


def _rich_html(value: Localized | str | None) -> Markup:
    """A longer text as HTML (paragraphs, lists, emphasis, links); in its own language when it fell back."""
    html = richtext.to_html(value)
    if isinstance(value, Localized) and value.fallback:
        return Markup(f'<div lang="{value.lang}">{html}</div>')
    return Markup(html)


def _paragraphs(value: Localized | str | None) -> list[Localized | str]:
    if value is None:
        return []
    text = value.text if isinstance(value, Localized) else value
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [value._replace(text=p) if isinstance(value, Localized) else p for p in parts]


def _template_error(exc: Exception, template_dir: Path | None) -> Exception:
    """A usage error naming the template line that failed, when the user's templates are involved.

    Jinja's tracebacks name the template file and line; without a user template in them (or
    without --template-dir) an error other than Jinja's own is a bug, and is returned unchanged.
    """
    dirs = [Path(str(files("sivistys_cli") / "templates")).resolve()]
    dirs += [template_dir.resolve()] if template_dir is not None else []
    frames = [(Path(f.filename).resolve(), f.lineno) for f in traceback.extract_tb(exc.__traceback__)]
    frames = [(path, line) for path, line in frames if any(path.is_relative_to(d) for d in dirs)]
    users = any(path.is_relative_to(dirs[-1]) for path, _ in frames) if template_dir is not None else False
    if not isinstance(exc, jinja2.TemplateError) and not users:
        return exc
    message = exc.message or str(exc) if isinstance(exc, jinja2.TemplateError) else f"{exc} ({type(exc).__name__})"
    message = sanitize(message)
    where = f" ({frames[-1][0]}:{frames[-1][1]})" if frames else ""
    return UsageError(f"template error{where}: {message}")
