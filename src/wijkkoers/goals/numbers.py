"""Numbers as Dutch readers write them: a decimal comma, no trailing zeros."""

from decimal import Decimal, InvalidOperation

from django.utils import formats


def plain(value) -> Decimal | None:
    """A Decimal without trailing zeros (and never in exponent form), or None."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return Decimal(format(number.normalize(), "f"))


def show(value, places: int | None = None) -> str:
    """12.500 -> "12,5" (in Dutch), 1500 -> "1.500"; rounded to `places` decimals if given;
    anything else as text."""
    number = plain(value)
    if number is None:
        return str(value) if value not in (None, "") else ""
    if places is not None:
        number = plain(round(number, places))
    return formats.number_format(number, use_l10n=True, force_grouping=True)
