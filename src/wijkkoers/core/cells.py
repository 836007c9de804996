"""Writing values into HTML built in Python, exactly as the template engine writes them.

Long lists (a register of 300, a menu of 300 parties, a team of 60) are built in Python
rather than in a template loop: the loop's per-variable lookups, localisation and escaping
were most of those pages' work. These helpers give the same text as `{{ value }}`."""

import html

from django.utils import formats
from django.utils.functional import Promise
from django.utils.safestring import mark_safe


def escape(value) -> str:
    """conditional_escape(value), without its lazy-text wrapper (which cost as much as the
    escaping itself): safe text as it is, anything else as text with & < > " ' escaped."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class Cells:
    """`cells(value)` is `{{ value }}` and `cells(value, "—")` is `{{ value|default:"—" }}`:
    localised (numbers and dates, each distinct value once per list), then escaped."""

    def __init__(self):
        self.localised: dict = {}

    def __call__(self, value, default=None) -> str:
        if not value and default is not None:
            value = default
        kind = type(value)
        if kind is str:  # the most common cell: plain text (no __html__), escaped
            return html.escape(value)
        if isinstance(value, str | Promise):
            return escape(value)
        key = (kind, value)
        if key not in self.localised:  # numbers and dates: localised and escaped once
            self.localised[key] = escape(formats.localize(value))
        return self.localised[key]

    def day(self, shown: dict | None) -> str:
        """A <time> from {"iso": ..., "text": ...}, or "—" without one."""
        if not shown:
            return "—"
        return f'<time datetime="{self(shown["iso"])}">{self(shown["text"])}</time>'


def option_tags(choices, selected=None) -> str:
    """`<option value="v"[ selected]>label</option>` per (value, label), nothing between
    them: what a template's `{% for %}<option ...>{% endfor %}` over a filter menu wrote. A
    filter menu of a project's parties (300) or the method's steps (97) costs a loop's
    lookups per option in a template; here one string."""
    return mark_safe(  # noqa: S308 - values and labels escaped
        "".join(
            f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
            f"{escape(label)}</option>"
            for value, label in choices
        )
    )
