import pytest

from tests.html import inline_code


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<SCRIPT type='module'>import x from '/x.js'</SCRIPT>",
        '<script src="/static/a.js">alert(1)</script>',
        "<img src=x onerror=alert(1)>",
        '<button onClick="go()">Go</button>',
        '<p style="color:red">p</p>',
        "<style>p{color:red}</style>",
        '<svg><a onmouseover="x()"/></svg>',
    ],
)
def test_inline_code_is_found(html):
    assert inline_code(html) != []


def test_page_with_only_external_scripts_and_styles_is_clean():
    html = (
        '<html><head><script src="/static/htmx.js" defer></script>'
        '<link rel="stylesheet" href="/static/site.css"></head>'
        '<body><p class="online">once, <code>onclick=</code> as text</p></body></html>'
    )

    assert inline_code(html) == []
