"""How stored audit values read: one function per kind of value, each returning text.

Values are stored as JSON (DjangoJSONEncoder): dates as ISO text, people and other records
as {"id": ..., "name": ...}. These functions turn them back into words in the reader's
language. Anything unexpected still shows as text rather than failing.
"""

from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

EMPTY = "—"


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def text(value) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or EMPTY)
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


def date(value) -> str:
    parsed = parse_date(value) if isinstance(value, str) else None
    return formats.date_format(parsed, "j F Y") if parsed else text(value)


def datetime(value) -> str:
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return text(value)
    return formats.date_format(localtime(parsed) if parsed.tzinfo else parsed, "j F Y H:i")


def yes_no(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return text(value)


def choice(choices):
    """Show a stored choice by its label; a value no longer among the choices as itself."""
    labels = dict(choices)

    def show(value) -> str:
        hashable = isinstance(value, (str, int))
        return str(labels[value]) if hashable and value in labels else text(value)

    return show


def value(show, stored) -> str:
    """Any stored value through `show`: empty as a dash, lists joined."""
    if is_empty(stored):
        return EMPTY
    if isinstance(stored, list):
        return ", ".join(value(show, item) for item in stored)
    return show(stored)
