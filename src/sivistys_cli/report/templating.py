"""Jinja for the reports: where templates come from, how values are escaped, and template errors as usage errors."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sivistys_cli.display import markdown, richtext
from sivistys_cli.display.i18n import LANGS, Localized, Translator
from sivistys_cli.errors import UsageError


def environment(template_dir: Path | None = None, finalize: Callable[[Any], Any] | None = None) -> jinja2.Environment:
    """Templates from --template-dir first, then the package's; 'builtin/NAME' is always the package's."""
    package = jinja2.PackageLoader("sivistys_cli", "templates")
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(template_dir)] if template_dir else []
    loader = jinja2.ChoiceLoader([*loaders, package, jinja2.PrefixLoader({"builtin": package})])
    env = jinja2.Environment(
        loader=loader,
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


def fill(env: jinja2.Environment, name: str, context: dict[str, Any], tr: Translator, template_dir: Path | None) -> str:
    """Render the template `name`; an error in a template becomes a usage error naming its line."""
    try:
        template = env.get_template(name)
        out = template.render(context)
        if tr.fallbacks:
            # Which texts fell back is known only once the templates have asked for them all; the
            # notice about it comes first, so the page is rendered again with it.
            context["fallbacks"] = [tr(f"language_in.{lang}") if lang in LANGS else lang for lang in sorted(tr.fallbacks)]
            out = template.render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(f"template error ({exc.filename}:{exc.lineno}): {exc.message}") from None
    except Exception as exc:
        raise _template_error(exc, template_dir) from None
    return out


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
    where = f" ({frames[-1][0]}:{frames[-1][1]})" if frames else ""
    return UsageError(f"template error{where}: {message}")
