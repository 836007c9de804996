"""Numbers and calculations as people read them: "1.200 m³ × € 1,45 / 12" in Dutch.

Formatting follows the active language (Dutch: 1.234,56), always with thousands grouped.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.housingcost.calculator import Formula

LINE_LABELS = {
    "gas_m3": gettext_lazy("Gas"),
    "electricity_kwh": gettext_lazy("Electricity"),
    "heat_gj": gettext_lazy("Heat"),
    "financing": gettext_lazy("Financing"),
    "rent": gettext_lazy("Rent"),
    "maintenance": gettext_lazy("Maintenance"),
    "other": gettext_lazy("Other costs"),
    "subsidy": gettext_lazy("Subsidy"),
}
UNITS = {"gas_m3": "m³", "electricity_kwh": "kWh", "heat_gj": "GJ"}


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number(value, places: int | None = None) -> str:
    """A number with grouped thousands; without `places`, as many decimals as it needs."""
    if value is None:
        return ""
    value = Decimal(value)
    return number_format(value, _places(value) if places is None else places, force_grouping=True)


def plain_number(value: Decimal) -> str:
    """A number as a form shows it for editing: no grouping, no trailing zeros (1200, 1,45)."""
    return number_format(value, _places(value))


def price(value) -> str:
    """A price per unit: at least two decimals, more when it has them (€ 0,4012)."""
    value = Decimal(value)
    return "€ " + number(value, max(2, _places(value)))


def money(value) -> str:
    """An amount in euros to the cent: € 1.234,56 (negative: - € 12,00)."""
    if value is None:
        return ""
    value = Decimal(value)
    if value < 0:
        return "- " + money(-value)
    return "€ " + number_format(value, 2, force_grouping=True)


def signed_money(value) -> str:
    """A difference: + € 21,67, - € 5,00 or € 0,00."""
    value = Decimal(value)
    return "+ " + money(value) if value > 0 else money(value)


def formula(key: str, how: Formula) -> str:
    """How one side of a line was computed, in words and numbers."""
    if how.kind == "use":
        return f"{number(how.quantity)} {UNITS[key]} × {price(how.price)} / 12"
    if how.kind == "heat":
        if how.price is None:
            return _("no heat used (0 GJ)")
        return _("%(fixed)s fixed charge + %(quantity)s GJ × %(price)s / 12") % {
            "fixed": money(how.fixed),
            "quantity": number(how.quantity),
            "price": price(how.price),
        }
    if how.kind == "subsidy":
        return _("minus %(amount)s subsidy per month") % {"amount": money(how.amount)}
    return _("%(amount)s per month, as given") % {"amount": money(how.amount)}


def rows(result) -> list[dict]:
    """A calculator result as the page shows it: per line, amounts and how they were made."""
    return [
        {
            "label": LINE_LABELS[line.key],
            "before": money(line.before),
            "after": money(line.after),
            "difference": signed_money(line.difference),
            "how_before": formula(line.key, line.how_before),
            "how_after": formula(line.key, line.how_after),
        }
        for line in result.lines
    ]


def verdict(result) -> str:
    """The result in one sentence: neutral or not, and by how much per month."""
    if result.difference < 0:
        return _("Neutral: the monthly costs fall by %(amount)s.") % {
            "amount": money(-result.difference)
        }
    if result.difference == 0:
        return _("Neutral: the monthly costs stay exactly the same.")
    return _("Not neutral: the monthly costs rise by %(amount)s.") % {
        "amount": money(result.difference)
    }
