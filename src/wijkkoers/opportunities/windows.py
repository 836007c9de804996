"""Timing windows as people write them: a year, a month or a day, in Dutch or in figures.

`parse_moment("2027")` -> (2027-01-01, "jaar"); as the end of a window the same text means
the period's last day (2027-12-31). Accepted: 2027; 3-2027, 03/2027, 2027-03, maart 2027,
mrt 2027; 15-3-2027, 2027-03-15, 15 maart 2027.
"""

import calendar
import re
from datetime import date

from django.utils import formats

from wijkkoers.opportunities.models import Precision

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("maart", "mrt", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augustus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
YEAR = r"(?P<year>\d{4})"
MONTH = r"(?P<month>\d{1,2}|[a-z]+)\.?"
DAY = r"(?P<day>\d{1,2})"
SEP = r"\s*[-/ .]\s*"
PATTERNS = [
    (re.compile(rf"{YEAR}"), Precision.YEAR),
    (re.compile(rf"{MONTH}{SEP}{YEAR}"), Precision.MONTH),
    (re.compile(rf"{YEAR}{SEP}(?P<month>\d{{1,2}})"), Precision.MONTH),
    (re.compile(rf"{DAY}{SEP}{MONTH}{SEP}{YEAR}"), Precision.DAY),
    (re.compile(rf"{YEAR}{SEP}(?P<month>\d{{1,2}}){SEP}{DAY}"), Precision.DAY),
]
FIRST_YEAR, LAST_YEAR = 1900, 2200


def parse_moment(text: str, *, end: bool = False) -> tuple[date, str]:
    """(date, precision) for a moment as written; ValueError when it is no such moment."""
    cleaned = " ".join((text or "").lower().split())
    for pattern, precision in PATTERNS:
        found = pattern.fullmatch(cleaned)
        if found:
            return _moment(found.groupdict(), precision, end), precision
    raise ValueError(text)


def _moment(parts: dict, precision: str, end: bool) -> date:
    year = int(parts["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(year)
    month_text = parts.get("month")
    if month_text is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
    if not 1 <= month <= 12:
        raise ValueError(month_text)
    if parts.get("day") is None:
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, int(parts["day"]))  # ValueError for 31-2-2027


def period_start(day: date, precision: str) -> date:
    if precision == Precision.YEAR:
        return day.replace(month=1, day=1)
    return day.replace(day=1) if precision == Precision.MONTH else day


def period_end(day: date, precision: str) -> date:
    if precision == Precision.YEAR:
        return day.replace(month=12, day=31)
    if precision == Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


def show_moment(day: date | None, precision: str) -> str:
    """A window's end as the team gave it: "2027", "maart 2027" or "15 maart 2027"."""
    if day is None:
        return ""
    if precision == Precision.YEAR:
        return str(day.year)
    return formats.date_format(day, "F Y" if precision == Precision.MONTH else "j F Y")


def form_value(day: date | None, precision: str) -> str:
    """The moment as a form shows it again: 2027, 03-2027 or 15-03-2027."""
    if day is None:
        return ""
    if precision == Precision.YEAR:
        return str(day.year)
    return day.strftime("%m-%Y" if precision == Precision.MONTH else "%d-%m-%Y")
