"""Rendering Markdown stays fast for any text of the allowed length (a note: 5,000 chars).

Python-Markdown is quadratic on some inputs ("![" * 2500 took 6.6 s); render_markdown
defuses them first. The limit is generous against a slow, shared CI machine.
"""

import time

import pytest

from wijkkoers.method.markdown import render_markdown

LIMIT_SECONDS = 0.05
NOTE_LENGTH = 5000

PATHOLOGICAL = {
    "image openers": "![" * 2500,
    "brackets": "[" * 5000,
    "closing brackets": "]" * 5000,
    "half links": "[a](" * 1250,
    "unclosed urls": "[a](b" * 1000,
    "nested parens": "[a](" + "(" * 4990 + ")",
    "many real links": "[a](b) " * 714,
    "emphasis": "*a" * 2500,
    "underscores": "_a" * 2500,
    "strong openers": "**a" * 1666,
    "angle brackets": "<" * 5000,
    "tag openers": "<a" * 2500,
    "backticks": "`" * 5000,
    "backslashes": "\\" * 5000,
    "ampersands": "&" * 5000,
    "nested quotes": ">" * 5000,
    "quote lines": "> " * 2500,
    "nested lists": "".join("  " * i + "- x\n" for i in range(100)),
    "numbered lists": "1. " * 1666,
    "bullet lists": "- " * 2500,
    "quotes and lists": "> - " * 1250,
    "headings": "#" * 5000,
    "step links": "[a](knooppunt:" * 357,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_render_markdown_pathological_input_is_fast(name):
    text = PATHOLOGICAL[name][:NOTE_LENGTH]
    render_markdown(text)  # warm-up: imports and compiled patterns

    worst = 0.0
    for _ in range(3):
        start = time.perf_counter()
        render_markdown(text, {"a": "/kompas/a/"})
        worst = max(worst, time.perf_counter() - start)

    assert worst < LIMIT_SECONDS, f"{name}: {worst:.3f} s"


def test_render_markdown_still_renders_links_and_code_after_defusing():
    html = render_markdown("Zie [de site](https://example.org) en `lijst[0]`, [geen link].")

    assert '<a href="https://example.org">de site</a>' in html
    assert "<code>lijst[0]</code>" in html
    assert "[geen link]" in html


def test_render_markdown_keeps_a_few_levels_of_nesting():
    html = render_markdown("> > citaat in citaat\n\n- a\n    - b")

    assert html.count("<blockquote>") == 2
    assert html.count("<ul>") == 2
