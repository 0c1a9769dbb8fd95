"""Reports: the annual outcome report and the program document as Markdown or HTML, in fi / sv / en."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sivistys_cli import markdown
from sivistys_cli.annual import STATUSES, SYMBOLS
from sivistys_cli.errors import SivistysError, UsageError
from sivistys_cli.formatting import Formatter
from sivistys_cli.i18n import LANGS, Localized, Translator
from sivistys_cli.load import Corpus, ProgramDir
from sivistys_cli.report_view import Labels, annual_view, cascade_view, costs_view, measures_of, resolver

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


def select_program(corpus: Corpus) -> ProgramDir:
    """The one program a report is about; a clear error for several, none, or a broken one."""
    if len(corpus.programs) != 1:
        names = ", ".join(pd.root.name for pd in corpus.programs)
        raise UsageError(f"a report is about one program, and the path holds {len(corpus.programs)}: {names}; name one of them")
    pd = corpus.programs[0]
    broken = sorted({d.file for d in corpus.diagnostics if d.severity.value == "error"})
    if pd.program is None or broken:
        raise SivistysError(f"cannot make a report: {', '.join(broken) or pd.root} has errors; run `sivistys check {pd.root.name}`")
    return pd


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


def render(corpus: Corpus, options: ReportOptions) -> str:
    """The report as text; rendered twice so the header can say which texts fell back to another language."""
    options.check()
    pd = select_program(corpus)
    year = resolve_year(pd, options.year) if options.kind == "annual" else options.year
    main = pd.program.languages[0]  # type: ignore[union-attr]
    options = replace(options, lang=options.lang or (main if main in LANGS else "fi"))
    tr = Translator(options.lang, main)
    context = _context(pd, corpus, options, tr, year)
    try:
        template = environment(options.fmt, options.template_dir).get_template(f"{options.kind}.{options.fmt}.j2")
        template.render(context)
        context["fallbacks"] = [tr(f"language_in.{lang}") if lang in LANGS else lang for lang in sorted(tr.fallbacks)]
        out = template.render(context)
    except jinja2.TemplateError as exc:
        where = f" ({exc.filename}:{exc.lineno})" if isinstance(exc, jinja2.TemplateSyntaxError) else ""
        raise UsageError(f"template error{where}: {exc.message}") from None
    return tidy_markdown(out) if options.fmt == "md" else out


def tidy_markdown(text: str) -> str:
    """No blank lines at the start, at most one blank line in a row, one newline at the end.

    Safe because user text never puts a raw newline into Markdown output (see markdown.py).
    """
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _context(pd: ProgramDir, corpus: Corpus, options: ReportOptions, tr: Translator, year: int | None) -> dict[str, Any]:
    program = pd.program
    fmt = Formatter(tr)
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
        "resolve": resolver(pd, corpus.all_programs(), tr),
    }
    if options.kind == "annual":
        context["annual"] = annual_view(pd, year, tr)  # type: ignore[arg-type]
        files += [
            f"{pd.root.name}/outcomes/{d.path.name}"
            for d in pd.outcome_docs
            if d.model is not None and d.model.year <= year  # type: ignore[union-attr, operator]
        ]
    else:
        context["costs"] = costs_view(program, tr)  # type: ignore[arg-type]
        context["cascade_up"], context["cascade_down"] = cascade_view(pd, corpus.all_programs(), tr)
    context["files"] = files
    return context
