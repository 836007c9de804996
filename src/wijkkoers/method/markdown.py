"""Markdown to safe HTML for method texts, with links between steps (knooppunt:<key>)."""

import html
import re
from collections.abc import Mapping
from functools import lru_cache

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Bounded and without "[" in the label, so a run of brackets is scanned in linear time.
STEP_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\(knooppunt:([\w-]{0,120})\)")
# Python-Markdown looks for the closing bracket of every "[" it meets, which is quadratic:
# "![" * 2500 took 6.6 s. Before rendering, every bracket that is not part of a plain inline
# link [text](url) (or inside a `code` span) is swapped for a private-use character that
# the parser passes through as text, and swapped back in the HTML: it meets only real links.
_BRACKETS = re.compile(
    r"(?P<keep>`[^`\n]*`|!?\[[^\[\]\n]{0,500}\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}\))"
    r"|(?P<bracket>[\[\]])"
)
_HIDE = {"[": "\ue000", "]": "\ue001"}
_SHOW = str.maketrans({"\ue000": "[", "\ue001": "]"})
# A line that opens many quotes or lists at once ("1. " * 1666) recursed past Python's limit,
# deep indentation likewise; nobody needs more than eight levels.
_MARKER = r"(?:>[ \t]*|(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)"
_DEEP_MARKERS = re.compile(rf"^([ \t]*{_MARKER}{{8}}){_MARKER}+", re.MULTILINE)
_DEEP_INDENT = re.compile(r"^[ \t]{33,}", re.MULTILINE)


def _defuse(text: str) -> str:
    """The same text with the constructs that make the parser slow made harmless."""
    text = _BRACKETS.sub(lambda m: m.group("keep") or _HIDE[m.group("bracket")], text)
    text = _DEEP_MARKERS.sub(r"\1", text)
    return _DEEP_INDENT.sub(" " * 32, text)


def linked_step_keys(text: str) -> list[str]:
    """The keys of every [text](knooppunt:key) link in a Markdown text."""
    return [match.group(2) for match in STEP_LINK.finditer(text)]


def resolve_step_links(text: str, step_urls: Mapping[str, str]) -> str:
    """Point knooppunt:<key> links at the step's URL; an unknown key leaves plain text."""

    def replace(match):
        label, key = match.groups()
        url = step_urls.get(key)
        return f"[{label}]({url})" if url else label

    return STEP_LINK.sub(replace, text)


def render_markdown(text: str, step_urls: Mapping[str, str] | None = None) -> str:
    """Markdown to HTML, sanitised to the few tags method texts need.

    Remembered per process for the text and the URLs of the steps it links to (the method's
    texts are rendered on every project step page otherwise, the same each time)."""
    text, step_urls = text or "", step_urls or {}
    links = tuple((key, step_urls.get(key)) for key in linked_step_keys(text))
    return _render(text, links)


@lru_cache(maxsize=1024)
def _render(text: str, links: tuple) -> str:
    source = _defuse(resolve_step_links(text, {key: url for key, url in links if url}))
    rendered = markdown_lib.markdown(source, output_format="html").translate(_SHOW)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )


def plain_text(text: str) -> str:
    """The readable text of a Markdown source, on one line (for search snippets)."""
    rendered = markdown_lib.markdown(STEP_LINK.sub(r"\1", text or ""))
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())
