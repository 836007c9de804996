"""Numbers on the housing-cost pages in the reader's language (Dutch: 1.234,56)."""

from django import template

from wijkkoers.housingcost import explain

register = template.Library()
register.filter("money", explain.money)
register.filter("signed_money", explain.signed_money)
register.filter("price", explain.price)
register.filter("amount", explain.number)
