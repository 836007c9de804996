from tests.html import inline_code
from wijkkoers.method.markdown import linked_step_keys, plain_text, render_markdown

URLS = {"gezamenlijke-ambitie": "/kompas/samen-starten/gezamenlijke-ambitie/"}


def test_render_markdown_resolves_step_links():
    html = render_markdown("Zie [de ambitie](knooppunt:gezamenlijke-ambitie).", URLS)

    assert '<a href="/kompas/samen-starten/gezamenlijke-ambitie/">de ambitie</a>' in html


def test_render_markdown_unknown_step_key_is_plain_text():
    html = render_markdown("Zie [iets](knooppunt:bestaat-niet) en [leeg](knooppunt:).", URLS)

    assert html == "<p>Zie iets en leeg.</p>"


def test_render_markdown_keeps_only_allowed_markup():
    source = (
        "**vet** en *schuin* `code`\n\n"
        '<script>alert(1)</script><img src=x onerror=alert(1)><p style="color:red">p</p>\n\n'
        "[kwaad](javascript:alert(1)) [goed](https://example.org)\n\n### Kop"
    )

    html = render_markdown(source)

    assert "<strong>vet</strong>" in html
    assert "<em>schuin</em>" in html
    assert "<code>code</code>" in html
    assert "<h3>Kop</h3>" in html
    assert inline_code(html) == []
    assert "<img" not in html
    assert "javascript:" not in html
    assert '<a href="https://example.org">goed</a>' in html


def test_render_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_linked_step_keys_lists_every_step_link():
    text = "[a](knooppunt:een) tekst [b](knooppunt:twee) [c](https://example.org)"

    assert linked_step_keys(text) == ["een", "twee"]


def test_plain_text_drops_markup_and_links():
    assert (
        plain_text("**Vet** en [link](knooppunt:x) &amp; meer\nregel") == "Vet en link & meer regel"
    )
