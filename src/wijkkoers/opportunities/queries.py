"""Read-side of linking opportunities: the filtered list, the counts, the timeline.

Each function runs a fixed number of queries however many opportunities there are.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkoers.opportunities.models import OPEN_STATUSES, Kind, Opportunity, Status
from wijkkoers.opportunities.windows import period_end, period_start, show_moment

MAX_YEARS = 12  # the timeline shows at most this many years; longer windows are cut off


def opportunities_of(project, *, kind: str = "", status: str = "") -> list[Opportunity]:
    """The project's opportunities, earliest window first, filtered by kind and status
    (an unknown value filters nothing), with their owners; one query."""
    found = Opportunity.objects.filter(project=project).select_related(
        "owner_member__user", "owner_party"
    )
    if kind in Kind.values:
        found = found.filter(kind=kind)
    if status in Status.values:
        found = found.filter(status=status)
    return list(found)


def status_counts(project) -> list[tuple[str, str, int]]:
    """(status, label, count) for every status, in the workflow's order; one query."""
    counted = dict(
        Opportunity.objects.filter(project=project)
        .values_list("status")
        .annotate(count=Count("id"))
        .values_list("status", "count")
    )
    return [(value, label, counted.get(value, 0)) for value, label in Status.choices]


def next_window(project, today: date | None = None) -> Opportunity | None:
    """The open opportunity whose window starts next (today or later); one query."""
    today = today or timezone.localdate()
    return (
        Opportunity.objects.filter(
            Q(window_start__gte=today), project=project, status__in=OPEN_STATUSES
        )
        .order_by("window_start", "id")
        .first()
    )


def window_text(opportunity: Opportunity) -> str:
    """ "2027 – 2028", "vanaf maart 2027", "tot en met 2028" or ""."""
    start = show_moment(opportunity.window_start, opportunity.window_start_precision)
    end = show_moment(opportunity.window_end, opportunity.window_end_precision)
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return _("from %(start)s") % {"start": start}
    if end:
        return _("until %(end)s") % {"end": end}
    return ""


@dataclass
class Bar:
    opportunity: Opportunity
    text: str  # the window in words
    x: float  # months from the timeline's start
    width: float  # months
    cut: bool  # the window runs past the timeline's edge


@dataclass
class Timeline:
    years: list  # the years shown, first to last
    bars: list  # Bar per opportunity with a window
    without_window: list  # opportunities without one
    today_x: float | None  # where today falls, or None outside the shown years

    @property
    def months(self) -> int:
        return 12 * len(self.years)


def _span(found: Opportunity) -> tuple[date, date]:
    start = found.window_start or period_start(found.window_end, found.window_end_precision)
    end = found.window_end or period_end(found.window_start, found.window_start_precision)
    return start, end


def _months_from(first_year: int, day: date, *, end: bool = False) -> float:
    months = (day.year - first_year) * 12 + day.month - 1
    return months + (day.day / 31 if end else (day.day - 1) / 31)


def timeline(project, today: date | None = None) -> Timeline:
    """Every opportunity as a bar over the years its windows cover; one query."""
    today = today or timezone.localdate()
    found = opportunities_of(project)
    dated = [item for item in found if item.window_start or item.window_end]
    if not dated:
        return Timeline([], [], found, None)
    spans = {item.pk: _span(item) for item in dated}
    first = min(start.year for start, _end in spans.values())
    if 0 < first - today.year <= 3:  # windows just ahead: show this year, so today has a place
        first = today.year
    last = min(max(end.year for _start, end in spans.values()), first + MAX_YEARS - 1)
    limit = 12 * (last - first + 1)
    bars = []
    for item in dated:
        start, end = spans[item.pk]
        x = min(_months_from(first, start), limit - 0.3)
        right = min(_months_from(first, end, end=True), limit)
        bars.append(Bar(item, window_text(item), x, max(right - x, 0.3), end.year > last))
    today_x = _months_from(first, today) if first <= today.year <= last else None
    without = [item for item in found if item not in dated]
    return Timeline(list(range(first, last + 1)), bars, without, today_x)
