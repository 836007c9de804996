"""Read side of the logbook: the overview, the lists per kind, detail pages, a step's logbook.

Each function runs a fixed number of queries, however many entries a project has: rows
come with their details joined (select_related) and many-to-many rows in one prefetch.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.queries import history_of
from wijkkoers.logbook.models import (
    OPEN_AGREEMENT_STATUSES,
    AgreementRevision,
    DecisionRevision,
    DecisionStatus,
    Entry,
    EntryKind,
)
from wijkkoers.method.catalogue import get_catalogue

PAGE_SIZE = 50
OVERVIEW_SIZE = 8
STEP_PAGE_LIMIT = 100  # entries a step page shows; the lists per kind show the rest
ENTRY_OBJECT = "logbook_entry"

# What a list row of each kind needs, joined in the same query.
LIST_RELATED = {
    EntryKind.DECISION: ["decision__current"],
    EntryKind.AGREEMENT: [
        "agreement__current__owner_member__user",
        "agreement__current__owner_party",
    ],
    EntryKind.ACTION: ["action__owner__user"],
    EntryKind.MEETING: ["meeting_detail"],
    EntryKind.DOCUMENT: ["document"],
    EntryKind.LINK: ["link"],
}
# What a list row of any kind shows (logbook/rows.py): the step page and a meeting's items.
# Not every kind's relations: PostgreSQL took 14-25 ms to plan that 13-table join.
ROW_RELATED = [
    "agreement__current__owner_member__user",
    "agreement__current__owner_party",
    "action__owner__user",
    "meeting_detail",
]


def _entries(project, kind=None):
    entries = Entry.objects.filter(project=project)
    if kind:
        entries = entries.filter(kind=kind).select_related(*LIST_RELATED[kind])
    return entries


def _open_agreements(project):
    return _entries(project, EntryKind.AGREEMENT).filter(
        status__in=OPEN_AGREEMENT_STATUSES, withdrawn_at=None
    )


def overdue_agreements(project):
    """Open agreements whose due date has passed (not withdrawn)."""
    return _open_agreements(project).filter(agreement__current__due_on__lt=timezone.localdate())


def overdue_agreement_count(project) -> int:
    """For the project compass: one query."""
    return overdue_agreements(project).count()


@dataclass
class Overview:
    counts: dict
    open_agreements: list
    overdue_count: int
    recent_decisions: list
    upcoming_actions: list
    meetings: list


def overview(project) -> Overview:
    """The logbook's home: what is open, what was decided lately, what comes next."""
    counts = dict(
        Entry.objects.filter(project=project)
        .values_list("kind")
        .annotate(total=Count("id"))
        .order_by()
    )
    today = timezone.localdate()
    open_agreements = list(
        _open_agreements(project).order_by("agreement__current__due_on", "-id")[:OVERVIEW_SIZE]
    )
    for entry in open_agreements:
        entry.overdue = is_overdue(entry, today)
    return Overview(
        counts={kind: counts.get(kind, 0) for kind in EntryKind.values},
        open_agreements=open_agreements,
        overdue_count=overdue_agreement_count(project),
        recent_decisions=list(
            _entries(project, EntryKind.DECISION).filter(withdrawn_at=None)[:OVERVIEW_SIZE]
        ),
        upcoming_actions=list(
            _entries(project, EntryKind.ACTION)
            .filter(action__done_at=None, withdrawn_at=None)
            .order_by("action__due_on", "id")[:OVERVIEW_SIZE]
        ),
        meetings=list(_entries(project, EntryKind.MEETING)[:OVERVIEW_SIZE]),
    )


def is_overdue(entry: Entry, today=None) -> bool:
    if entry.kind == EntryKind.AGREEMENT:
        current = entry.agreement.current
        due = current.due_on if current else None
        open_ = entry.status in OPEN_AGREEMENT_STATUSES and not entry.withdrawn_at
    elif entry.kind == EntryKind.ACTION:
        due, open_ = entry.action.due_on, entry.action.done_at is None
    else:
        return False
    return bool(open_ and due and due < (today or timezone.localdate()))


# What a list can be filtered on, per kind: ?status=...
LIST_FILTERS = {"te-laat", "open", "ingetrokken"}


def entries_page(project, kind: str, *, page: str | None = None, show: str = ""):
    """One page of a kind's list, newest first (agreements and actions: by due date)."""
    entries = _entries(project, kind)
    if show == "te-laat" and kind == EntryKind.AGREEMENT:
        entries = overdue_agreements(project)
    elif show == "open" and kind == EntryKind.AGREEMENT:
        entries = _open_agreements(project)
    elif show == "open" and kind == EntryKind.ACTION:
        entries = entries.filter(action__done_at=None, withdrawn_at=None)
    if kind == EntryKind.ACTION and show == "open":
        entries = entries.order_by("action__due_on", "id")
    paged = Paginator(entries, PAGE_SIZE).get_page(page)
    today = timezone.localdate()
    for entry in paged.object_list:
        entry.overdue = is_overdue(entry, today)
    return paged


# --- Detail pages ---------------------------------------------------------------------------


def decision_revisions(entry: Entry) -> list[DecisionRevision]:
    """Every version of a decision, newest first, with its parties and linked decisions."""
    return list(
        DecisionRevision.objects.filter(decision__entry=entry)
        .select_related("created_by")
        .prefetch_related(
            "parties_agreed",
            "parties_objected",
            Prefetch("replaces", queryset=_linked_decisions()),
            Prefetch("amends", queryset=_linked_decisions()),
        )
        .order_by("-number")
    )


def _linked_decisions():
    from wijkkoers.logbook.models import Decision

    return Decision.objects.select_related("entry")


def decisions_pointing_at(entry: Entry) -> list[Entry]:
    """Decisions whose current version replaces or amends this one."""
    return list(
        Entry.objects.filter(kind=EntryKind.DECISION, project_id=entry.project_id)
        .filter(Q(decision__current__replaces=entry.pk) | Q(decision__current__amends=entry.pk))
        .distinct()
        .order_by("-occurred_on", "-id")
    )


def agreement_revisions(entry: Entry) -> list[AgreementRevision]:
    return list(
        AgreementRevision.objects.filter(agreement__entry=entry)
        .select_related("created_by", "owner_member__user", "owner_party")
        .order_by("-number")
    )


def entry_history(entry: Entry):
    """The audit trail of one entry, newest first (what changed, who, when, why)."""
    return history_of(entry.project, ENTRY_OBJECT, entry.public_id)


@dataclass
class MeetingView:
    members: list
    parties: list
    recorded: dict = field(default_factory=dict)  # kind -> entries recorded at it


def meeting_view(entry: Entry) -> MeetingView:
    meeting = entry.meeting_detail
    recorded = {}
    rows = Entry.objects.filter(meeting=meeting).select_related(*ROW_RELATED).order_by("kind", "id")
    for row in rows:
        recorded.setdefault(row.kind, []).append(row)
    return MeetingView(
        members=list(meeting.attendee_members.select_related("user").order_by("user__name")),
        parties=list(meeting.attendee_parties.order_by("name")),
        recorded=recorded,
    )


def steps_of(entry: Entry) -> list:
    """The method's steps an entry belongs to, in the method's order."""
    keys = set(entry.steps.values_list("step_key", flat=True))
    return [step for step in get_catalogue().steps.values() if step.key in keys]


def step_choices() -> list[tuple[str, str]]:
    """(key, "1.2 Title") of every live step, in the method's order."""
    return [
        (step.key, f"{step.display_number} {step.title}")
        for phase in get_catalogue().phases
        for step in phase.steps
    ]


def decision_choices(project, *, without=None) -> list[Entry]:
    entries = Entry.objects.filter(project=project, kind=EntryKind.DECISION)
    if without is not None:
        entries = entries.exclude(pk=without.pk)
    return entries.exclude(status=DecisionStatus.WITHDRAWN).order_by("-occurred_on", "-id")


# --- A step's logbook (the project step page) -------------------------------------------------


STEP_SECTIONS = [
    (EntryKind.DECISION, _("Decisions")),
    (EntryKind.AGREEMENT, _("Agreements")),
    (EntryKind.ACTION, _("Actions")),
    (EntryKind.MEETING, _("Meetings")),
    (EntryKind.DOCUMENT, _("Documents")),
    (EntryKind.LINK, _("Web links")),
]


@dataclass
class StepLogbook:
    by_kind: dict  # kind -> entries (newest first)
    total: int
    more: bool  # more entries than the page shows

    def of(self, kind):
        return self.by_kind.get(kind, [])

    @property
    def sections(self) -> list[tuple[str, str, list]]:
        """(kind, heading, entries) for each kind that has entries, in a fixed order."""
        return [
            (kind, heading, self.by_kind[kind])
            for kind, heading in STEP_SECTIONS
            if self.by_kind.get(kind)
        ]


def step_logbook(project, step_key: str) -> StepLogbook:
    """Every kind of entry linked to one step, in one query, grouped by kind in Python."""
    rows = list(
        Entry.objects.filter(project=project, steps__step_key=step_key)
        .select_related(*ROW_RELATED)
        .order_by("-occurred_on", "-id")[: STEP_PAGE_LIMIT + 1]
    )
    more, rows = len(rows) > STEP_PAGE_LIMIT, rows[:STEP_PAGE_LIMIT]
    today = timezone.localdate()
    by_kind = {}
    for row in rows:
        row.overdue = is_overdue(row, today)
        by_kind.setdefault(row.kind, []).append(row)
    return StepLogbook(by_kind=by_kind, total=len(rows), more=more)
