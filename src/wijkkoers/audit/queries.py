"""Reading the audit trail: filters, keyset paging newest first, one thing's history.

Paging uses a cursor on (at, id) rather than an offset, so a page costs the same however
deep into the trail it is, and entries written meanwhile do not shift the pages.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q

from wijkkoers.audit import registry
from wijkkoers.audit.entries import Entry, entry_for
from wijkkoers.audit.models import AuditEvent

PAGE_SIZE = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CURSOR = re.compile(r"([0-9]{1,18})-([0-9]{1,18})")  # ASCII digits only


@dataclass(frozen=True)
class Cursor:
    """A position in the trail: (time in microseconds since 1970, id). Text: "<us>-<id>"."""

    at: datetime
    id: int

    def __str__(self) -> str:
        return f"{(self.at - EPOCH) // timedelta(microseconds=1)}-{self.id}"

    @classmethod
    def parse(cls, text: str | None) -> "Cursor | None":
        """The cursor in `text`, or None for anything malformed (the caller shows page one)."""
        match = CURSOR.fullmatch(text or "")
        if not match:
            return None
        micros, pk = (int(part) for part in match.groups())
        try:
            return cls(EPOCH + timedelta(microseconds=micros), pk)
        except OverflowError:
            return None

    @classmethod
    def of(cls, event: AuditEvent) -> "Cursor":
        return cls(event.at, event.pk)


@dataclass(frozen=True)
class TrailFilter:
    actor_id: int | None = None
    group: str = ""
    object_type: str = ""
    object_id: str = ""


@dataclass
class TrailPage:
    entries: list[Entry]
    newer: Cursor | None  # link to the page before this one, if there is one
    older: Cursor | None  # link to the page after this one, if there is one


def events_of(project, filters: TrailFilter = TrailFilter()):
    """The project's events, filtered by actor, group of actions and object."""
    events = AuditEvent.objects.filter(project=project)
    if filters.actor_id is not None:
        events = events.filter(actor_id=filters.actor_id)
    if filters.group:
        events = events.filter(action__in=registry.actions_in(filters.group))
    if filters.object_type:
        events = events.filter(object_type=filters.object_type, object_id=filters.object_id)
    return events


def trail(
    project,
    filters: TrailFilter = TrailFilter(),
    *,
    older_than: Cursor | None = None,
    newer_than: Cursor | None = None,
    size: int = PAGE_SIZE,
) -> TrailPage:
    """One page of the trail, newest first: the first page, or the one past a cursor.

    Two queries at most: the page (one row extra tells whether more follow) and, after a
    cursor, whether anything lies on its other side. A cursor past either end (only a
    hand-made one) gives page one.
    """
    events = events_of(project, filters)
    if newer_than:
        rows = list(events.filter(_after(newer_than)).order_by("at", "id")[: size + 1])
        more_newer, rows = len(rows) > size, rows[:size][::-1]
        more_older = bool(rows) and events.filter(_before(Cursor.of(rows[-1]))).exists()
    else:
        query = events.filter(_before(older_than)) if older_than else events
        rows = list(query.order_by("-at", "-id")[: size + 1])
        more_older, rows = len(rows) > size, rows[:size]
        more_newer = (
            bool(older_than and rows) and events.filter(_after(Cursor.of(rows[0]))).exists()
        )
    if not rows and (older_than or newer_than):
        return trail(project, filters, size=size)  # a cursor past either end: page one
    return TrailPage(
        entries=[entry_for(event) for event in rows],
        newer=Cursor.of(rows[0]) if more_newer else None,
        older=Cursor.of(rows[-1]) if more_older else None,
    )


def history_of(project, object_type: str, object_id: str) -> list[Entry]:
    """Every entry about one thing, newest first (for example one step's progress)."""
    filters = TrailFilter(object_type=object_type, object_id=object_id)
    return [entry_for(event) for event in events_of(project, filters).order_by("-at", "-id")]


# The first condition repeats what the second says, so that PostgreSQL can start the index
# scan (project, -at, -id) at the cursor instead of filtering every newer entry on the way:
# the last page of a 5,000-entry trail reads 50 index entries instead of 5,000.
def _before(cursor: Cursor) -> Q:
    return Q(at__lte=cursor.at) & (Q(at__lt=cursor.at) | Q(at=cursor.at, id__lt=cursor.id))


def _after(cursor: Cursor) -> Q:
    return Q(at__gte=cursor.at) & (Q(at__gt=cursor.at) | Q(at=cursor.at, id__gt=cursor.id))
