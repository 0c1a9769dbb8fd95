"""Hostile text in every text field of a program and its outcomes ends up as text, in HTML and Markdown.

The fixture program is rewritten twice: once with a hostile string in every free-text field, once
with a harmless one of the same shape. Escaping works when both give the same document structure
(HTML tags, Markdown block tokens) and the hostile string shows up only as text. Long texts may
use a safe subset of Markdown (paragraphs, lists, emphasis, http(s) links; display/richtext.py):
the structure that subset makes is left out of the comparison, everything else must match.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from sivistys_cli.load.discover import load
from sivistys_cli.report.options import ReportOptions
from sivistys_cli.report.render import render

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "report" / "programs"
HOSTILE = (
    '- <script>alert("x")</script> | cell # heading <img src=x onerror=alert(1)> &amp; &lt;b&gt; *em* _u_ '
    "`code` [link](javascript:alert(1)) ![i](http://x/i.png) ~~s~~ $x$ {{ 7*7 }} {% raw %} <!-- c -->\n"
    "# h1 line\n- list item\n1. ordered\n> quote\n---\n| a | b |\n    indented code"
)
HARMLESS = "x\ny"
LEADING = ["1. item", "+ item", "---", "=== x", "    code", "> quote", "#"]
# What the Markdown subset of long texts may add: HTML elements and Markdown token types.
SUBSET_TAGS = {"p", "ul", "ol", "li", "em", "strong", "br"}
SUBSET_TOKENS = ("paragraph_", "bullet_list_", "ordered_list_", "list_item_", "em_", "strong_", "softbreak", "link_")
# Keys whose strings are not free text: ids, enums, dates, references, numbers, URLs.
NOT_TEXT = {
    "id", "ref", "program", "status", "direction", "type", "partner_type", "likelihood", "impact", "url",
    "date", "start", "end", "due", "languages", "implements", "goals", "previous_ids", "year", "value",
    "amount", "total", "continuous", "target_pending", "compare_to_year", "monitoring_months", "participants",
    "ideas", "kind",
}


def _replace(data: object, text: str, key: str = "") -> object:
    if isinstance(data, dict):
        return {k: (v if k in NOT_TEXT else _replace(v, text, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_replace(v, text, key) for v in data]
    if isinstance(data, str):
        return text
    return data


def rewritten(tmp: Path, text: str) -> Path:
    root = tmp / "programs"
    shutil.copytree(FIXTURE, root)
    for path in root.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        new = _replace(data, text)
        for doc in new.get("background_documents", []):  # type: ignore[union-attr]
            doc["kind"] = text.splitlines()[0]
            doc["statute"] = text.splitlines()[0]
        if "decision" in new:  # type: ignore[operator]
            new["decision"]["section"] = text.splitlines()[0]  # type: ignore[index]
            new["decision"]["url"] = "javascript:alert(1)"  # type: ignore[index]
        path.write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


class Tags(HTMLParser):
    """The sequence of start tags with their attribute names, and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        link = tag == "a" and [name for name, _ in attrs] == ["href"]  # a safe link is checked in hrefs
        if not (tag in SUBSET_TAGS and not attrs) and not link:
            self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.hrefs += [v or "" for name, v in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def md_blocks(md: str) -> list[str]:
    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(md)
    return [t.type for t in tokens if not t.type.startswith(SUBSET_TOKENS) and t.type != "inline"]


def md_inline(md: str) -> list[str]:
    tokens = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).parse(md)
    return [c.type + (c.content if c.type == "html_inline" else "") for t in tokens if t.children for c in t.children]


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return rewritten(tmp_path_factory.mktemp("hostile"), HOSTILE), rewritten(tmp_path_factory.mktemp("harmless"), HARMLESS)


def report(root: Path, kind: str, fmt: str, lang: str) -> str:
    corpus = load([root / "sibbo-hyvinvointi"], cwd=root.parent)
    assert not corpus.diagnostics, corpus.diagnostics
    return render(corpus, ReportOptions(kind, fmt, lang, 2024 if kind == "annual" else None))


CASES = [(kind, lang) for kind in ("annual", "program") for lang in ("fi", "sv", "en")]


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_html_escapes_every_text(programs: tuple[Path, Path], kind: str, lang: str) -> None:
    hostile, harmless = (report(root, kind, "html", lang) for root in programs)
    assert "<script" not in hostile and "<img" not in hostile and "<!-- c -->" not in hostile
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in hostile
    parsed, expected = parse_html(hostile), parse_html(harmless)
    assert parsed.tags == expected.tags
    assert not [h for h in parsed.hrefs if not h.startswith(("http://", "https://", "mailto:", "#"))]
    assert '<script>alert("x")</script> | cell # heading <img src=x onerror=alert(1)>' in "".join(parsed.text)
    assert "{{ 7*7 }} {% raw %}" in "".join(parsed.text)  # shown, never evaluated


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_markdown_escapes_every_text(programs: tuple[Path, Path], kind: str, lang: str) -> None:
    hostile, harmless = (report(root, kind, "md", lang) for root in programs)
    assert md_blocks(hostile) == md_blocks(harmless)
    # the only raw HTML is our own line breaks; no link, image, code, emphasis or strike from the text
    inline = {t for t in md_inline(hostile)}
    assert inline <= {t for t in md_inline(harmless)} | {"text", "softbreak", "em_open", "em_close", "link_open", "link_close"}
    html = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(hostile)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | cell # heading" in html


@pytest.mark.parametrize("start", LEADING)
def test_markdown_block_starts_are_escaped(tmp_path: Path, start: str) -> None:
    hostile, harmless = rewritten(tmp_path / "a", start), rewritten(tmp_path / "b", "x")
    for kind in ("annual", "program"):
        assert md_blocks(report(hostile, kind, "md", "fi")) == md_blocks(report(harmless, kind, "md", "fi"))
