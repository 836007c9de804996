"""Numbers on the housing-cost pages in the reader's language (Dutch: 1.234,56)."""

from django import template

from wijkkoers.housingcost import explain

register = template.Library()


@register.filter
def money(value) -> str:
    return explain.money(value)


@register.filter
def signed_money(value) -> str:
    return explain.signed_money(value)


@register.filter
def price(value) -> str:
    return explain.price(value)


@register.filter
def amount(value) -> str:
    return explain.number(value)
