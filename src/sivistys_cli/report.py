"""Reports: the annual outcome report and the program document as Markdown or HTML, in fi / sv / en."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import traceback
from dataclasses import dataclass, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sivistys_cli import engine, markdown
from sivistys_cli.annual import STATUSES, SYMBOLS
from sivistys_cli.config import Config
from sivistys_cli.diagnostics import Diagnostic, Severity
from sivistys_cli.errors import SivistysError, UsageError
from sivistys_cli.formatting import Formatter
from sivistys_cli.i18n import LANGS, Localized, Translator, default_lang
from sivistys_cli.index import Resolver
from sivistys_cli.load import Corpus, Document, ProgramDir, display_path
from sivistys_cli.report_view import Labels, annual_view, cascade_view, costs_view, measures_of, titles

KINDS = ("annual", "program")
FORMATS = ("md", "html")


@dataclass(frozen=True)
class ReportOptions:
    """What to make; `check()` turns a bad choice into a usage error naming the good ones."""

    kind: str
    fmt: str
    lang: str
    year: int | None = None
    template_dir: Path | None = None
    commit: str | None = None
    date: dt.date | None = None

    def check(self) -> None:
        for name, value, allowed in (("--kind", self.kind, KINDS), ("--format", self.fmt, FORMATS), ("--lang", self.lang, LANGS)):
            if value not in allowed and not (name == "--lang" and value == ""):
                raise UsageError(f"unknown {name} '{value}'; use one of: {', '.join(allowed)}")
        if self.template_dir is not None and not self.template_dir.is_dir():
            raise UsageError(f"{self.template_dir}: no such template directory")


def select_program(corpus: Corpus, given: str | None = None) -> ProgramDir:
    """The one program a report is about; a clear error for several, none, or one with errors.

    `given` is the path as the user wrote it, for the `sivistys check` command the error suggests.
    """
    if len(corpus.programs) != 1:
        names = ", ".join(pd.root.name for pd in corpus.programs)
        raise UsageError(f"a report is about one program, and the path holds {len(corpus.programs)}: {names}; name one of them")
    pd = corpus.programs[0]
    errors = program_errors(corpus, pd)
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise SivistysError(f"cannot make a report: {first.file}:{first.line}:{first.col}: {first.code} {first.message}{more}; "
                            f"run `sivistys check {shlex.quote(_check_path(pd, given))}`")
    return pd


def program_errors(corpus: Corpus, pd: ProgramDir) -> list[Diagnostic]:
    """The errors `sivistys check` with default settings finds in the program: in all its files, even if one was named."""
    files = {doc.path for doc in pd.documents}
    shown = {doc.display for doc in pd.documents}
    problems = [d for doc in pd.documents for d in doc.problems]
    # Load problems and findings of files the user did not name are otherwise left out.
    scope = replace(corpus, selected=corpus.selected | files, diagnostics=[*corpus.diagnostics, *problems])
    found = engine.run(scope, Config(), cwd=_loaded_from(pd.program_doc))
    return [d for d in found if d.file in shown and d.severity is Severity.error]


def _loaded_from(doc: Document) -> Path:
    """The directory the corpus was loaded from: `doc.display` is `doc.path` relative to it."""
    shown = Path(doc.display)
    return doc.path.parent if shown.is_absolute() else doc.path.parents[len(shown.parts) - 1]


def _check_path(pd: ProgramDir, given: str | None) -> str:
    """The path to check to see every problem of the program: the user's, or its program directory for a file."""
    if given is None:
        return str(Path(pd.program_doc.display).parent)
    path = Path(given)
    if path.suffix in (".yaml", ".yml"):  # checking only the named file would hide the others' problems
        path = path.parent.parent if path.parent.name == "outcomes" else path.parent
    return str(path)


def resolve_year(pd: ProgramDir, year: int | None) -> int:
    """The year of an annual report: the one asked for, if it has outcomes; else the latest."""
    years = sorted(pd.outcomes)
    if not years:
        raise UsageError(f"{pd.root.name}: there are no outcome files (outcomes/<year>.yaml) to make an annual report of")
    if year is None:
        return years[-1]
    if year not in years:
        raise UsageError(f"{pd.root.name}: no outcomes for {year}; outcomes exist for {', '.join(map(str, years))}")
    return year


def check_output(corpus: Corpus, output: str) -> None:
    """Refuse an output path that is a file of the loaded programs, or a YAML file sivistys would read as one."""
    if not output:
        return  # atomic.write_text says what is wrong with it
    target = Path(os.path.realpath(output))
    for pd in corpus.all_programs():
        files = {doc.path for doc in pd.documents} | {p for p in corpus.selected if p.is_relative_to(pd.root)}
        for path in sorted(files):
            if target == path or (target.exists() and path.exists() and os.path.samefile(target, path)):
                shown = display_path(path, Path.cwd())
                which = "" if shown == output else f" {shown}"
                raise UsageError(f"{output} would overwrite your program file{which}; choose another -o")
        if target.is_relative_to(pd.root) and target.suffix in (".yaml", ".yml"):
            raise UsageError(f"{output} is a YAML file in the program directory {pd.root.name}, which sivistys "
                             "would read as part of the program; choose another -o")


def report_commit(rev: str | None, path: Path) -> str | None:
    """The commit a revision names (12 hex digits) for the footer; git runs only when one is asked for."""
    if rev is None:
        return None
    from sivistys_cli import git

    where = path if path.is_dir() else path.parent
    try:
        root = git.toplevel(where)
    except UsageError:
        raise UsageError(f"--commit {rev}: {path} is not inside a git repository") from None
    return git.resolve(rev, root)[:12]


def environment(fmt: str, template_dir: Path | None = None) -> jinja2.Environment:
    """Templates from --template-dir first, then the package's; 'builtin/NAME' is always the package's."""
    package = jinja2.PackageLoader("sivistys_cli", "templates")
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(template_dir)] if template_dir else []
    loader = jinja2.ChoiceLoader([*loaders, package, jinja2.PrefixLoader({"builtin": package})])
    env = jinja2.Environment(
        loader=loader,
        # Markdown is "autoescaped" too: finalize escapes each value for Markdown and marks it
        # safe, so that macros and filters (which return Markup) are not escaped twice.
        autoescape=True,
        finalize=_md_finalize if fmt == "md" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        md=lambda v: Markup(markdown.inline(v)),
        md_block=lambda v: Markup(markdown.block(v)),
        md_link=lambda v: Markup(markdown.link(v)),
        safe_url=markdown.safe_url,
        paragraphs=_paragraphs,
    )
    return env


def _md_finalize(value: Any) -> Any:
    """Markdown's autoescape: every printed value is escaped unless a filter already made it Markup."""
    if isinstance(value, Markup) or value is None:
        return value if value is not None else ""
    return Markup(markdown.inline(value))


def _paragraphs(value: Localized | str | None) -> list[Localized | str]:
    if value is None:
        return []
    text = value.text if isinstance(value, Localized) else value
    parts = [p.strip("\n") for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [value._replace(text=p) if isinstance(value, Localized) else p for p in parts]


def render(corpus: Corpus, options: ReportOptions, given: str | None = None) -> str:
    """The report as text. `given` is the path as the user wrote it (see select_program)."""
    options.check()
    pd = select_program(corpus, given)
    year = resolve_year(pd, options.year) if options.kind == "annual" else options.year
    main = pd.program.languages[0]  # type: ignore[union-attr]
    options = replace(options, lang=options.lang or default_lang(main))
    tr = Translator(options.lang, main)
    context = _context(pd, corpus, options, tr, year)
    try:
        template = environment(options.fmt, options.template_dir).get_template(f"{options.kind}.{options.fmt}.j2")
        out = template.render(context)
        if tr.fallbacks:
            # Which texts fell back is known only once the templates have asked for them all; the
            # notice about it comes first, so the page is rendered again with it.
            context["fallbacks"] = [tr(f"language_in.{lang}") if lang in LANGS else lang for lang in sorted(tr.fallbacks)]
            out = template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template error ({exc.filename}:{exc.lineno}): {exc.message}") from None
    except Exception as exc:
        raise _template_error(exc, options.template_dir) from None
    return tidy_markdown(out) if options.fmt == "md" else out


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
    where = f" ({frames[-1][0]}:{frames[-1][1]})" if frames else ""
    return UsageError(f"template error{where}: {message}")


def tidy_markdown(text: str) -> str:
    """No blank lines at the start, at most one blank line in a row, one newline at the end.

    Safe because user text never puts a raw newline into Markdown output (see markdown.py).
    """
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _context(pd: ProgramDir, corpus: Corpus, options: ReportOptions, tr: Translator, year: int | None) -> dict[str, Any]:
    program = pd.program
    fmt = Formatter(tr)
    # This program wins over another with the same id (which is an error of the other program).
    resolver = Resolver({**{i: p.program for i, p in corpus.by_id().items()}, program.id: program})  # type: ignore[union-attr, misc]
    index = resolver.index(program.id)  # type: ignore[union-attr]
    files = [f"{pd.root.name}/program.yaml"]
    context: dict[str, Any] = {
        "lang": options.lang,
        "kind": options.kind,
        "program": program,
        "year": year,
        "t": tr,
        "L": tr.text,
        "f": fmt,
        "labels": Labels(program, tr),  # type: ignore[arg-type]
        "statuses": STATUSES,
        "symbols": SYMBOLS,
        "commit": options.commit,
        "date": tr.date(options.date) if options.date else None,
        "fallbacks": [],
        "measures_of": measures_of,
        "resolve": titles(pd, resolver, tr),
    }
    if options.kind == "annual":
        context["annual"] = annual_view(pd, index, year, tr)  # type: ignore[arg-type]
        files += [
            f"{pd.root.name}/outcomes/{d.path.name}"
            for d in pd.outcome_docs
            if d.model is not None and d.model.year <= year  # type: ignore[union-attr, operator]
        ]
    else:
        context["costs"] = costs_view(index, tr)  # type: ignore[arg-type]
        context["cascade_up"], context["cascade_down"] = cascade_view(pd, resolver, tr)
    context["files"] = files
    return context
