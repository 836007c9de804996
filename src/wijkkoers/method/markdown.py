"""Markdown to safe HTML for method texts, with links between steps (knooppunt:<key>)."""

import html
import re
from collections.abc import Mapping

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h3", "h4", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
STEP_LINK = re.compile(r"\[([^\]]+)\]\(knooppunt:([\w-]*)\)")


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
    """Markdown to HTML, sanitised to the few tags method texts need."""
    source = resolve_step_links(text or "", step_urls or {})
    rendered = markdown_lib.markdown(source, output_format="html")
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
