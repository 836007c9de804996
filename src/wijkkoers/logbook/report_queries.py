"""Reading the logbook as a story (the timeline) and as it stood on a date (briefing, report).

The timeline merges two sources newest first: the logbook's entries (by the date they are
about, then when they were written) and the step status changes in the audit trail (by when
they happened). Both share one sort key, (day, moment, source, id), so one keyset cursor
pages through both: a page costs two queries however deep it is.

"As it stood on date X" reads only what was recorded by the end of that day: the newest
revision of each decision and agreement written by then, and each step's progress as the
audit trail's `progress.changed` events left it.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import registry
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.models import (
    OPEN_AGREEMENT_STATUSES,
    AgreementRevision,
    AgreementStatus,
    DecisionRevision,
    DecisionStatus,
    Entry,
    EntryKind,
)
from wijkkoers.logbook.report_subprojects import subprojects_as_of
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.actions import PROGRESS_OBJECT
from wijkkoers.projects.models import Role, StepStatus
from wijkkoers.projects.queries import compass_for, progress_by_key
from wijkkoers.tools.queries import project_tools
from wijkkoers.tools.registry import timeline_actions

PAGE_SIZE = 30
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# day (days since 1970) - moment (microseconds since 1970) - source - id; ASCII digits only.
CURSOR = re.compile(r"([0-9]{1,7})-([0-9]{1,18})-([01])-([0-9]{1,18})")
SOURCE_EVENT, SOURCE_ENTRY = 0, 1
STATUS_KIND = "status"  # the timeline's own kind for step status changes
TOOL_KIND = "werkinstrument"  # ... and for what the working tools recorded
PROGRESS_ACTION = "progress.changed"

KIND_FILTERS = [
    (EntryKind.DECISION.value, _("Decisions")),
    (EntryKind.AGREEMENT.value, _("Agreements")),
    (EntryKind.ACTION.value, _("Actions")),
    (EntryKind.MEETING.value, _("Meetings")),
    (EntryKind.DOCUMENT.value, _("Documents")),
    (EntryKind.LINK.value, _("Links")),
    (STATUS_KIND, _("Step status changes")),
    (TOOL_KIND, _("Working tools")),
]
STATUS_LABELS = {
    **dict(DecisionStatus.choices),
    **dict(AgreementStatus.choices),
    **dict(StepStatus.choices),
}


# --- Time -----------------------------------------------------------------------------------


def start_of(day: date) -> datetime:
    """The first moment of `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def end_of(day: date) -> datetime:
    """The first moment after `day`: what was written before it was known on `day`."""
    return start_of(day + timedelta(days=1))


# --- The timeline ---------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Cursor:
    """A position in the timeline. Text: "<day>-<microseconds>-<source>-<id>"."""

    day: date
    moment: datetime
    source: int
    id: int

    def __str__(self) -> str:
        days = (self.day - EPOCH.date()).days
        micros = (self.moment - EPOCH) // timedelta(microseconds=1)
        return f"{days}-{micros}-{self.source}-{self.id}"

    @classmethod
    def parse(cls, text: str | None) -> "Cursor | None":
        """The cursor in `text`, or None for anything malformed (the caller shows page one)."""
        match = CURSOR.fullmatch(text or "")
        if not match:
            return None
        days, micros, source, pk = (int(part) for part in match.groups())
        try:
            return cls(
                EPOCH.date() + timedelta(days=days),
                EPOCH + timedelta(microseconds=micros),
                source,
                pk,
            )
        except OverflowError:
            return None


@dataclass(frozen=True)
class TimelineFilter:
    kind: str = ""  # an EntryKind value or STATUS_KIND; empty for all
    step_key: str = ""
    party: object = None  # a Party of the project
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class TimelineItem:
    """One line of the story: an entry of the logbook or a step's change of status."""

    cursor: Cursor
    kind: str
    kind_label: str
    title: str
    day: date
    status: str = ""
    status_label: str = ""
    old_status_label: str = ""
    step_keys: tuple = ()
    party_names: tuple = ()
    actor_name: str = ""
    entry: Entry | None = None
    withdrawn: bool = False


@dataclass
class TimelinePage:
    items: list
    older: Cursor | None = None
    is_first: bool = True


def _entry_key(entry: Entry) -> Cursor:
    return Cursor(entry.occurred_on, entry.created_at, SOURCE_ENTRY, entry.pk)


def _event_key(event: AuditEvent) -> Cursor:
    return Cursor(timezone.localdate(event.at), event.at, SOURCE_EVENT, event.pk)


def _entries_before(cursor: Cursor) -> Q:
    same_moment = Q(created_at=cursor.moment) & (
        Q(pk__lt=cursor.id) if cursor.source == SOURCE_ENTRY else Q(pk__in=[])
    )
    same_day = Q(occurred_on=cursor.day) & (Q(created_at__lt=cursor.moment) | same_moment)
    return Q(occurred_on__lt=cursor.day) | same_day


def _events_before(cursor: Cursor) -> Q:
    """Events whose (local day, at, source, id) sorts before the cursor."""
    day_start, day_end = start_of(cursor.day), end_of(cursor.day)
    same_moment = Q(at=cursor.moment) & (
        Q(pk__lt=cursor.id) if cursor.source == SOURCE_EVENT else Q()
    )
    same_day = Q(at__gte=day_start, at__lt=day_end) & (Q(at__lt=cursor.moment) | same_moment)
    return Q(at__lt=day_start) | same_day


def timeline_entries(project, filters: TimelineFilter):
    entries = Entry.objects.filter(project=project)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.step_key:
        entries = entries.filter(steps__step_key=filters.step_key)
    if filters.party is not None:
        entries = entries.filter(parties=filters.party)
    if filters.start:
        entries = entries.filter(occurred_on__gte=filters.start)
    if filters.end:
        entries = entries.filter(occurred_on__lte=filters.end)
    return entries


def status_changes(project, filters: TimelineFilter = TimelineFilter()):
    """The audit trail's step progress events that changed a step's status."""
    events = (
        AuditEvent.objects.filter(
            project=project, action=PROGRESS_ACTION, object_type=PROGRESS_OBJECT
        )
        .annotate(old_status=KT("old__status"), new_status=KT("new__status"))
        .exclude(new_status__isnull=True)
        .exclude(Q(old_status__isnull=False) & Q(old_status=F("new_status")))
    )
    if filters.step_key:
        events = events.filter(
            Q(object_id=filters.step_key) | Q(object_id__startswith=f"{filters.step_key}:")
        )
    if filters.start:
        events = events.filter(at__gte=start_of(filters.start))
    if filters.end:
        events = events.filter(at__lt=end_of(filters.end))
    return events


def tool_events(project, filters: TimelineFilter = TimelineFilter()):
    """The audit trail's events of the working tools that the timeline shows (none: None)."""
    actions = timeline_actions()
    if not actions:
        return None
    events = AuditEvent.objects.filter(project=project, action__in=actions)
    if filters.start:
        events = events.filter(at__gte=start_of(filters.start))
    if filters.end:
        events = events.filter(at__lt=end_of(filters.end))
    return events


def timeline(
    project,
    filters: TimelineFilter = TimelineFilter(),
    *,
    older_than: Cursor | None = None,
    size: int = PAGE_SIZE,
) -> TimelinePage:
    """One page of the story, newest first: page one, or the page after a cursor.

    Two queries for the rows (entries with their steps and parties prefetched: two more),
    whatever the page: each source gives at most size + 1 rows past the cursor, merged here.
    """
    want_entries = filters.kind not in (STATUS_KIND, TOOL_KIND)
    want_events = filters.kind in ("", STATUS_KIND) and filters.party is None
    # The tools' events belong to no step or party: a step or party filter leaves them out.
    want_tool_events = (
        filters.kind in ("", TOOL_KIND) and filters.party is None and not filters.step_key
    )
    rows: list[tuple[Cursor, object]] = []
    # An event's item reads these columns only (not its old and new values, parsed JSON).
    event_fields = ("at", "action", "object_id", "object_repr", "actor_name")
    if want_entries:
        entries = timeline_entries(project, filters)
        if older_than:
            entries = entries.filter(_entries_before(older_than))
        entries = entries.select_related("created_by").prefetch_related(
            Prefetch("steps"), Prefetch("parties")
        )
        rows += [
            (_entry_key(e), e)
            for e in entries.order_by("-occurred_on", "-created_at", "-id")[: size + 1]
        ]
    if want_events:
        events = status_changes(project, filters)
        if older_than:
            events = events.filter(_events_before(older_than))
        events = events.only(*event_fields).order_by("-at", "-id")
        rows += [(_event_key(e), e) for e in events[: size + 1]]
    if want_tool_events and (events := tool_events(project, filters)) is not None:
        if older_than:
            events = events.filter(_events_before(older_than))
        events = events.only(*event_fields).order_by("-at", "-id")
        rows += [(_event_key(e), e) for e in events[: size + 1]]
    rows.sort(key=lambda row: row[0], reverse=True)
    more = len(rows) > size
    rows = rows[:size]
    if not rows and older_than:
        return timeline(project, filters, size=size)  # a cursor past the end: page one
    items = [_item(key, row) for key, row in rows]
    return TimelinePage(
        items=items,
        older=items[-1].cursor if more else None,
        is_first=older_than is None,
    )


def _item(key: Cursor, row) -> TimelineItem:
    if isinstance(row, Entry):
        return TimelineItem(
            cursor=key,
            kind=row.kind,
            kind_label=str(EntryKind(row.kind).label),
            title=row.title,
            day=row.occurred_on,
            status=row.status,
            status_label=str(STATUS_LABELS.get(row.status, row.status)),
            step_keys=tuple(step.step_key for step in row.steps.all()),
            party_names=tuple(party.name for party in row.parties.all()),
            actor_name=row.created_by.display_name if row.created_by else "",
            entry=row,
            withdrawn=row.withdrawn_at is not None,
        )
    if row.action != PROGRESS_ACTION:
        action = registry.action(row.action)
        return TimelineItem(
            cursor=key,
            kind=TOOL_KIND,
            kind_label=str(_("working tool")),
            title=str(action.summary)
            % {"actor": row.actor_name or _("Someone"), "object": row.object_repr},
            day=key.day,
        )
    step_key = row.object_id.split(":", 1)[0]
    return TimelineItem(
        cursor=key,
        kind=STATUS_KIND,
        kind_label=str(_("step status")),
        title=row.object_repr,
        day=key.day,
        status=row.new_status or "",
        status_label=str(STATUS_LABELS.get(row.new_status, row.new_status or "")),
        old_status_label=str(STATUS_LABELS.get(row.old_status, row.old_status or "")),
        step_keys=(step_key,),
        actor_name=row.actor_name,
    )


def last_page_cursor(project, filters: TimelineFilter = TimelineFilter()) -> Cursor | None:
    """The cursor of the timeline's last page (for the benchmark), following the pages."""
    page, cursor = timeline(project, filters), None
    while page.older is not None:
        cursor = page.older
        page = timeline(project, filters, older_than=cursor)
    return cursor


# --- As it stood on a date ------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressAsOf:
    """A step's progress as the audit trail left it at the end of a day (compass_for reads
    status, target_date and finished_at)."""

    step_key: str
    status: str
    owner_name: str = ""
    target_date: date | None = None
    note: str = ""
    note_html: str = ""  # the stored rendering, only when the note is still the same
    finished_at: datetime | None = None

    def get_status_display(self) -> str:
        return str(STATUS_LABELS.get(self.status, self.status))


def progress_as_of(project, as_of: date) -> dict[str, ProgressAsOf]:
    """Each step's progress of the whole project at the end of `as_of`, by step key.

    Today and later read the progress rows themselves; an earlier day replays the trail's
    `progress.changed` events up to that day (one query; the last event per step wins).
    """
    if as_of >= timezone.localdate():
        return {
            key: ProgressAsOf(
                step_key=key,
                status=row.status,
                owner_name=row.owner.display_name if row.owner else "",
                target_date=row.target_date,
                note=row.note,
                note_html=row.note_html,
                finished_at=row.finished_at,
            )
            for key, row in progress_by_key(project).items()
        }
    events = AuditEvent.objects.filter(
        project=project,
        action=PROGRESS_ACTION,
        object_type=PROGRESS_OBJECT,
        at__lt=end_of(as_of),
    ).exclude(object_id__contains=":")
    state: dict[str, ProgressAsOf] = {}
    finished: dict[str, datetime] = {}
    for event in events.order_by("at", "id").only("object_id", "at", "new"):
        new = event.new or {}
        status = new.get("status") or StepStatus.NOT_STARTED
        if status == StepStatus.FINISHED:
            finished.setdefault(event.object_id, event.at)
        else:
            finished.pop(event.object_id, None)
        owner = new.get("owner")
        target = new.get("target_date")
        state[event.object_id] = ProgressAsOf(
            step_key=event.object_id,
            status=status,
            owner_name=owner.get("name", "") if isinstance(owner, dict) else "",
            target_date=date.fromisoformat(target) if isinstance(target, str) else None,
            note=new.get("note") or "",
            finished_at=finished.get(event.object_id),
        )
    return state


@dataclass(frozen=True)
class DecisionAsOf:
    entry: Entry
    revision: DecisionRevision

    @property
    def title(self) -> str:
        return self.revision.title


@dataclass(frozen=True)
class AgreementAsOf:
    entry: Entry
    revision: AgreementRevision

    @property
    def owner_name(self) -> str:
        rev = self.revision
        if rev.owner_member_id and rev.owner_member:
            return rev.owner_member.user.display_name
        return rev.owner_party.name if rev.owner_party_id and rev.owner_party else ""

    @property
    def is_open(self) -> bool:
        return self.revision.status in OPEN_AGREEMENT_STATUSES


def _latest_by(revisions, key) -> dict:
    latest = {}
    for revision in revisions:  # ordered by number: the last one written by then wins
        latest[getattr(revision, key)] = revision
    return latest


def _newest_by(model, parent: str, cutoff: datetime):
    """A filter for the newest revision of each `parent` written before `cutoff`: only those
    rows are loaded (and their relations prefetched), not every older version. A large
    project's report loaded 1,970 revisions to keep 1,179."""
    newest = (
        model.objects.filter(**{parent: OuterRef(parent)}, created_at__lt=cutoff)
        .order_by("-number")
        .values("number")[:1]
    )
    return Q(created_at__lt=cutoff, number=Subquery(newest))


def _visible(entry: Entry, cutoff: datetime) -> bool:
    return entry.withdrawn_at is None or entry.withdrawn_at >= cutoff


def decisions_in_force(project, as_of: date, party=None) -> list[DecisionAsOf]:
    """Decisions whose newest revision recorded by the end of `as_of` says "genomen" (so not
    replaced or withdrawn by then), newest decision first. With `party`: those the party
    is linked to, agreed with or objected to."""
    cutoff = end_of(as_of)
    revisions = (
        DecisionRevision.objects.filter(
            _newest_by(DecisionRevision, "decision", cutoff), decision__entry__project=project
        )
        .select_related("decision__entry")
        .order_by("decision_id", "number")
    )
    if party is not None:  # the parties only choose the rows; nothing shows them
        revisions = revisions.prefetch_related(
            "parties_agreed", "parties_objected", "decision__entry__parties"
        )
    result = []
    for revision in _latest_by(revisions, "decision_id").values():
        entry = revision.decision.entry
        if revision.status != DecisionStatus.TAKEN or not _visible(entry, cutoff):
            continue
        if party is not None and not _involves(
            party, entry, revision.parties_agreed.all(), revision.parties_objected.all()
        ):
            continue
        result.append(DecisionAsOf(entry, revision))
    result.sort(key=lambda d: (d.revision.decided_on or d.entry.occurred_on, d.entry.pk))
    result.reverse()
    return result


def agreements_as_of(project, as_of: date, party=None) -> list[AgreementAsOf]:
    """Every agreement as its newest revision recorded by the end of `as_of` left it."""
    cutoff = end_of(as_of)
    revisions = (
        AgreementRevision.objects.filter(
            _newest_by(AgreementRevision, "agreement", cutoff), agreement__entry__project=project
        )
        .select_related("agreement__entry", "owner_member__user", "owner_party")
        .order_by("agreement_id", "number")
    )
    if party is not None:
        revisions = revisions.prefetch_related("agreement__entry__parties")
    result = []
    for revision in _latest_by(revisions, "agreement_id").values():
        entry = revision.agreement.entry
        if not _visible(entry, cutoff):
            continue
        if party is not None and not (
            revision.owner_party_id == party.pk
            or getattr(revision.owner_member, "party_id", None) == party.pk
            or _involves(party, entry)
        ):
            continue
        result.append(AgreementAsOf(entry, revision))
    result.sort(key=lambda a: (a.revision.due_on or date.max, a.entry.pk))
    return result


def _involves(party, entry, *more) -> bool:
    return any(p.pk == party.pk for p in entry.parties.all()) or any(
        p.pk == party.pk for group in more for p in group
    )


def entries_as_of(project, as_of: date, kind: str, party=None):
    """Meetings, documents, ... held or added by `as_of` and not withdrawn by then."""
    cutoff = end_of(as_of)
    entries = (
        Entry.objects.filter(
            project=project, kind=kind, occurred_on__lte=as_of, created_at__lt=cutoff
        )
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=cutoff))
        .order_by("-occurred_on", "-id")
    )
    if party is not None:
        entries = entries.filter(parties=party)
    if kind == EntryKind.MEETING:
        entries = entries.select_related("meeting_detail")
    if kind == EntryKind.DOCUMENT:
        entries = entries.select_related("document")
    return list(entries)


@dataclass
class Snapshot:
    """The project as it stood at the end of one day, optionally seen by one party."""

    project: object
    as_of: date
    party: object
    compass: object
    progress: dict
    steps_by_phase: list = field(default_factory=list)  # (phase, [(step, ProgressAsOf|None)])
    current_phases: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    open_agreements: list = field(default_factory=list)
    closed_agreements: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    members: list = field(default_factory=list)
    leaders: list = field(default_factory=list)
    parties: list = field(default_factory=list)
    step_owners: list = field(default_factory=list)  # (step, owner name)
    contacts: list = field(default_factory=list)  # memberships of the chosen party
    # The working tools' state (tools.queries.ToolState); the tools keep no history a day
    # can be read from, so only a snapshot of today shows them (`tools_current` False before).
    tools: list = field(default_factory=list)
    tools_current: bool = True
    subprojects: list = field(default_factory=list)  # SubProjectAsOf, by name


MEMBERSHIP_ACTIONS = ("member.added", "member.joined", "member.removed")
MEMBER_ACTIONS = (*MEMBERSHIP_ACTIONS, "member.role_changed", "member.party_changed")


@dataclass(frozen=True)
class PersonAsOf:
    display_name: str


@dataclass(frozen=True)
class PartyAsOf:
    """A party as an audit entry named it (it may have been renamed or removed since)."""

    name: str
    pk: int | None = None


@dataclass(frozen=True)
class MemberAsOf:
    """A team member as they stood at the end of a day (reads like a Membership)."""

    user: object  # has display_name
    role: str
    party: object = None  # a Party or PartyAsOf, with .name
    left_later: bool = False  # no longer on the team today

    @property
    def party_id(self):
        return getattr(self.party, "pk", None)

    def get_role_display(self) -> str:
        return str(Role(self.role).label) if self.role in Role.values else self.role


def members_as_of(project, as_of: date) -> list:
    """The team at the end of `as_of`: today's memberships rolled back through the audit
    trail (role and party changes since), plus the members removed since then.

    Two queries: the memberships and the project's membership events. Today (or later) is
    the memberships themselves.
    """
    cutoff = end_of(as_of)
    memberships = list(
        project.memberships.select_related("user", "party").order_by("user__name", "pk")
    )
    if as_of >= timezone.localdate():
        return memberships
    events = list(
        AuditEvent.objects.filter(project=project, action__in=MEMBER_ACTIONS)
        .only("action", "object_id", "object_repr", "old", "at")
        .order_by("at", "id")
    )
    before = {}  # user id -> the last membership event before the cutoff
    after = {}  # user id -> events after the cutoff, oldest first
    for event in events:
        if event.at < cutoff:
            if event.action in MEMBERSHIP_ACTIONS:
                before[event.object_id] = event
        else:
            after.setdefault(event.object_id, []).append(event)
    parties = {party.public_id: party for party in project.parties.all()}
    members = []
    for membership in memberships:
        user_id = str(membership.user_id)
        later = after.get(user_id, [])
        if membership.joined_at >= cutoff and not _was_member(before.get(user_id), later):
            continue
        members.append(
            MemberAsOf(
                user=membership.user,
                role=_role_then(later, membership.role),
                party=_party_then(later, membership.party, parties),
            )
        )
    current = {str(m.user_id) for m in memberships}
    for user_id, later in after.items():
        removal = next((e for e in later if e.action == "member.removed"), None)
        if user_id in current or removal is None:
            continue
        if not _was_member(before.get(user_id), later):
            continue
        members.append(
            MemberAsOf(
                user=PersonAsOf(removal.object_repr),
                role=_role_then(later, (removal.old or {}).get("role", "")),
                party=_party_then(later, None, parties),
                left_later=True,
            )
        )
    return sorted(members, key=lambda m: m.user.display_name.casefold())


def _was_member(last_before, later) -> bool:
    """Whether someone was on the team at the cutoff: their last membership event before it
    added them; with none before it (members from the start: the creator is not "added"),
    when their first membership event after it is a removal."""
    if last_before is not None:
        return last_before.action != "member.removed"
    first = next((e for e in later if e.action in MEMBERSHIP_ACTIONS), None)
    return first is not None and first.action == "member.removed"


def _role_then(later, role_now: str) -> str:
    """The role at the cutoff: the old role of the first change or removal after it."""
    for event in later:
        if event.action in ("member.role_changed", "member.removed"):
            return (event.old or {}).get("role") or role_now
        if event.action in ("member.added", "member.joined"):
            break  # a membership begun after the cutoff: its changes are not about then
    return role_now


def _party_then(later, party_now, parties):
    """The party at the cutoff: the old party of the first party change after it."""
    for event in later:
        if event.action == "member.party_changed":
            old = (event.old or {}).get("party")
            if not old:
                return None
            if isinstance(old, dict):
                return parties.get(old.get("id")) or PartyAsOf(old.get("name", ""))
            return PartyAsOf(str(old))
        if event.action in ("member.added", "member.joined", "member.removed"):
            break
    return party_now


def snapshot(project, as_of: date, party=None, *, with_lists: bool = True) -> Snapshot:
    """Everything the briefing and the report show, as it stood at the end of `as_of`."""
    catalogue = get_catalogue()
    cutoff = end_of(as_of)
    progress = progress_as_of(project, as_of)
    compass = compass_for(catalogue, progress, today=as_of)
    steps_by_phase = [
        (phase, [(step, progress.get(step.key)) for step in phase.steps])
        for phase in catalogue.phases
    ]
    tools_current = as_of >= timezone.localdate()
    current_phases = [
        tally
        for tally in compass.phases
        if tally.in_progress or (0 < tally.finished < tally.applicable)
    ]
    members = members_as_of(project, as_of)
    parties = [p for p in project.parties.order_by("name") if p.created_at < cutoff]
    agreements = agreements_as_of(project, as_of, party)
    owners = [
        (step, row.owner_name)
        for phase in catalogue.phases
        for step in phase.steps
        if (row := progress.get(step.key)) and row.owner_name
    ]
    return Snapshot(
        project=project,
        as_of=as_of,
        party=party,
        compass=compass,
        progress=progress,
        steps_by_phase=steps_by_phase,
        current_phases=current_phases,
        decisions=decisions_in_force(project, as_of, party),
        open_agreements=[a for a in agreements if a.is_open],
        closed_agreements=[a for a in agreements if not a.is_open],
        meetings=entries_as_of(project, as_of, EntryKind.MEETING, party) if with_lists else [],
        documents=entries_as_of(project, as_of, EntryKind.DOCUMENT, party) if with_lists else [],
        members=members,
        leaders=[m for m in members if m.role == Role.PROJECTLEIDER],
        parties=parties,
        step_owners=owners,
        contacts=[m for m in members if party is not None and m.party_id == party.pk],
        tools=project_tools(project) if tools_current else [],
        tools_current=tools_current,
        subprojects=subprojects_as_of(
            project, as_of, cutoff=cutoff, catalogue=catalogue, whole=progress
        ),
    )
