"""Display helpers of the goals tool: numbers the Dutch way, standings in words and icons."""

from django import template

from wijkkoers.goals import numbers
from wijkkoers.goals.status import STANDING_ICON, Standing

register = template.Library()


@register.filter
def number(value, places=None) -> str:
    return numbers.show(value, None if places in (None, "") else int(places))


@register.filter
def standing_label(value) -> str:
    return str(Standing(value).label) if value in Standing.values else ""


@register.filter
def standing_icon(value) -> str:
    return STANDING_ICON.get(value, "")
