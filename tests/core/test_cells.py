"""core.cells writes values as the template engine does ({{ value }}, |default, <option> loops)."""

from datetime import date
from decimal import Decimal

from django.template import engines
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from wijkkoers.core.cells import Cells, escape, option_tags

VALUES = [
    'Anna & "Bob" <b>',
    mark_safe("<em>al veilig</em>"),  # noqa: S308 - a test value
    gettext_lazy("Role"),
    1234567,
    Decimal("12.50"),
    2.5,
    date(2026, 11, 28),
    None,
    0,
    "",
    True,
]


def render(source: str, context: dict) -> str:
    return engines["django"].from_string(source).render(context)


def test_cells_write_values_as_the_template_engine():
    for language in ("nl", "en"):
        with translation.override(language):
            cell = Cells()
            for value in VALUES:
                assert cell(value) == render("{{ v }}", {"v": value}), value
                assert cell(value, "—") == render('{{ v|default:"—" }}', {"v": value}), value


def test_escape_keeps_safe_text_and_escapes_the_rest():
    assert escape(mark_safe("<em>x</em>")) == "<em>x</em>"  # noqa: S308 - a test value
    assert escape("<a href='x'>&</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&lt;/a&gt;"
    assert escape(7) == "7"


def test_option_tags_as_a_template_loop():
    choices = [("a", 'Anna & "Bob"'), ("b<", "<b>Bee</b>"), ("c", gettext_lazy("Role"))]
    loop = (
        '{% for value, label in choices %}<option value="{{ value }}"'
        "{% if value == selected %} selected{% endif %}>{{ label }}</option>{% endfor %}"
    )
    for selected in (None, "a", "b<", "zz"):
        expected = render(loop, {"choices": choices, "selected": selected})
        assert option_tags(choices, selected) == expected
