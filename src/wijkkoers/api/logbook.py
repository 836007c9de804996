"""The logbook through the API: entries (list, detail); new decisions, agreements, actions,
meetings and links; new versions and withdrawals of decisions and agreements (the web's
revision services: a version check, a reason, nothing overwritten)."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Query, Router, Schema, Status

from wijkkoers.api.access import project_for_reading, project_for_writing
from wijkkoers.api.schemas import (
    ERRORS,
    WRITE_ERRORS,
    Input,
    IsoDate,
    Page,
    PageParams,
    Text,
    page_of,
)
from wijkkoers.logbook.access import access_entry
from wijkkoers.logbook.access_documents import access_link
from wijkkoers.logbook.errors import (
    AttendeeNotOfProject,
    DecisionNotOfProject,
    MemberNotOfProject,
    PartyNotOfProject,
)
from wijkkoers.logbook.models import (
    AgreementStatus,
    DecisionStatus,
    Entry,
    EntryKind,
    MeetingKind,
)
from wijkkoers.logbook.services.documents import add_link, withdraw_link
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_decision,
    revise_agreement,
    revise_decision,
    withdraw_agreement,
    withdraw_decision,
)
from wijkkoers.logbook.templatetags.logbook_tags import ACTION_STATUS

router = Router(tags=["Logbook"])

STATUS_LABELS = {**dict(DecisionStatus.choices), **dict(AgreementStatus.choices)}
IDS = Field(default_factory=list, max_length=100, description="Public ids.")
STEP_KEYS = Field(default_factory=list, max_length=100, description="Keys of method steps.")


class EntryOut(Schema):
    id: str
    kind: EntryKind
    kind_label: str
    title: str
    occurred_on: date
    status: str
    status_label: str
    step_keys: list[str]
    withdrawn: bool
    created_at: datetime


class NamedRef(Schema):
    id: str
    name: str


class DecisionOut(Schema):
    version: int
    text_html: str
    decided_on: date | None
    decided_by: str
    rationale_html: str
    parties_agreed: list[NamedRef]
    parties_objected: list[NamedRef]
    replaces: list[str]
    amends: list[str]


class AgreementOut(Schema):
    version: int
    text_html: str
    owner_member: NamedRef | None
    owner_party: NamedRef | None
    made_on: date
    due_on: date | None
    status_reason: str


class ActionOut(Schema):
    owner: NamedRef | None
    due_on: date | None
    done_at: datetime | None


class MeetingOut(Schema):
    kind: MeetingKind
    kind_label: str
    place: str
    attendee_members: list[NamedRef]
    attendee_parties: list[NamedRef]
    other_attendees: int
    agenda_html: str
    minutes_html: str


class LinkOut(Schema):
    url: str


class EntryDetailOut(EntryOut):
    withdrawal_reason: str
    decision: DecisionOut | None = None
    agreement: AgreementOut | None = None
    action: ActionOut | None = None
    meeting: MeetingOut | None = None
    link: LinkOut | None = None


class EntryFilters(Schema):
    kind: EntryKind | None = None
    step: str | None = Field(None, max_length=120, description="A step's key.")
    date_from: IsoDate | None = Field(None, alias="from", description="On or after this date.")
    date_to: IsoDate | None = Field(None, alias="to", description="On or before this date.")


class DecisionIn(Input):
    title: Text(300)
    text: Text(20000) = ""
    status: Literal["voorgesteld", "genomen"] = "genomen"
    decided_on: IsoDate | None = Field(None, description="Required for a taken decision.")
    decided_by: Text(200) = ""
    parties_agreed: list[Text(16)] = IDS
    parties_objected: list[Text(16)] = IDS
    rationale: Text(10000) = ""
    replaces: list[Text(16)] = Field(
        default_factory=list, max_length=100, description="Ids of decisions it replaces."
    )
    amends: list[Text(16)] = Field(
        default_factory=list, max_length=100, description="Ids of decisions it amends."
    )
    step_keys: list[Text(120)] = STEP_KEYS


class AgreementIn(Input):
    title: Text(300)
    made_on: IsoDate
    text: Text(10000) = ""
    owner_member: Text(16) | None = Field(None, description="A membership id (or owner_party).")
    owner_party: Text(16) | None = Field(None, description="A party id (or owner_member).")
    due_on: IsoDate | None = None
    status: Literal["open", "in_uitvoering"] = "open"
    step_keys: list[Text(120)] = STEP_KEYS
    parties: list[Text(16)] = IDS


VERSION = Field(
    ge=0,
    le=1_000_000,
    description="The version you read (`decision.version` / `agreement.version`).",
)
REASON = Field(description="Why: kept with the new version.")


class DecisionReviseIn(DecisionIn):
    version: int = VERSION
    change_reason: Text(1000) = REASON


class AgreementReviseIn(AgreementIn):
    status: Literal["open", "in_uitvoering", "afgerond", "vervallen", "doorverwezen"] = "open"
    status_reason: Text(1000) = Field(
        "", description="Required for vervallen and doorverwezen: why it ends."
    )
    version: int = VERSION
    change_reason: Text(1000) = REASON


class WithdrawIn(Input):
    version: int = VERSION
    reason: Text(1000) = Field(description="Why it is withdrawn; members keep reading it.")


class MeetingIn(Input):
    title: Text(300)
    held_on: IsoDate
    kind: MeetingKind = MeetingKind.OTHER
    place: Text(200) = ""
    attendee_members: list[Text(16)] = Field(
        default_factory=list, max_length=500, description="Membership ids."
    )
    attendee_parties: list[Text(16)] = Field(
        default_factory=list, max_length=500, description="Party ids."
    )
    other_attendees: int = Field(0, ge=0, le=100_000, description="How many others were there.")
    agenda: Text(10000) = ""
    minutes: Text(50000) = ""
    step_keys: list[Text(120)] = STEP_KEYS


class LinkIn(Input):
    title: Text(300) = Field("", description="Empty: the address is the title.")
    url: Text(2000) = Field(description="An http or https address.")
    occurred_on: IsoDate | None = Field(None, description="Empty: today.")
    step_keys: list[Text(120)] = STEP_KEYS
    parties: list[Text(16)] = IDS


class LinkWithdrawIn(Input):
    reason: Text(1000) = Field(description="Why it is withdrawn; members keep reading it.")


class ActionIn(Input):
    title: Text(300)
    owner: Text(16) | None = Field(None, description="A membership id.")
    due_on: IsoDate | None = None
    step_keys: list[Text(120)] = STEP_KEYS


def _status_label(entry: Entry) -> str:
    if entry.kind == EntryKind.ACTION:
        return str(ACTION_STATUS.get(entry.status, entry.status))
    return str(STATUS_LABELS.get(entry.status, entry.status or ""))


def _entry(entry: Entry) -> dict:
    return {
        "id": entry.public_id,
        "kind": entry.kind,
        "kind_label": str(entry.get_kind_display()),
        "title": entry.title,
        "occurred_on": entry.occurred_on,
        "status": entry.status,
        "status_label": _status_label(entry),
        "step_keys": sorted(step.step_key for step in entry.steps.all()),
        "withdrawn": entry.withdrawn_at is not None,
        "created_at": entry.created_at,
    }


@router.get(
    "/{project_id}/logbook", response={200: Page[EntryOut], **ERRORS}, summary="Logbook entries"
)
def entries(request, project_id: str, filters: Query[EntryFilters], paging: Query[PageParams]):
    """The logbook, newest first (by date, then as recorded). Filter by kind, step, dates."""
    project = project_for_reading(request, project_id)
    rows = Entry.objects.filter(project=project).prefetch_related("steps")
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.step:
        rows = rows.filter(steps__step_key=filters.step)
    if filters.date_from:
        rows = rows.filter(occurred_on__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(occurred_on__lte=filters.date_to)
    return page_of(rows.order_by("-occurred_on", "-id"), paging, _entry)


def _ref(obj) -> dict | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "name": str(getattr(obj, "user", None) or obj)}


def _fields(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names}


def _details(entry: Entry) -> dict:
    """The kind's own part of an entry: its current version for decisions and agreements."""
    if entry.kind == EntryKind.DECISION and entry.decision.current_id:
        revision = entry.decision.current
        linked = {
            name: [d.entry.public_id for d in getattr(revision, name).select_related("entry")]
            for name in ("replaces", "amends")
        }
        parties = {
            name: [_ref(party) for party in getattr(revision, name).all()]
            for name in ("parties_agreed", "parties_objected")
        }
        simple = _fields(revision, ["text_html", "decided_on", "decided_by", "rationale_html"])
        return {"decision": {"version": revision.number, **simple, **parties, **linked}}
    if entry.kind == EntryKind.AGREEMENT and entry.agreement.current_id:
        revision = entry.agreement.current
        simple = _fields(revision, ["text_html", "made_on", "due_on", "status_reason"])
        owners = {name: _ref(getattr(revision, name)) for name in ("owner_member", "owner_party")}
        return {"agreement": {"version": revision.number, **simple, **owners}}
    if entry.kind == EntryKind.ACTION:
        action = entry.action
        return {"action": {"owner": _ref(action.owner), **_fields(action, ["due_on", "done_at"])}}
    if entry.kind == EntryKind.MEETING:
        meeting = entry.meeting_detail
        names = ["kind", "place", "other_attendees", "agenda_html", "minutes_html"]
        members = meeting.attendee_members.select_related("user").order_by("user__name", "pk")
        return {
            "meeting": {
                **_fields(meeting, names),
                "kind_label": str(meeting.get_kind_display()),
                "attendee_members": [_ref(member) for member in members],
                "attendee_parties": [_ref(p) for p in meeting.attendee_parties.order_by("name")],
            }
        }
    if entry.kind == EntryKind.LINK:
        return {"link": {"url": entry.link.url}}
    return {}


def _entry_detail(entry: Entry) -> dict:
    return {**_entry(entry), "withdrawal_reason": entry.withdrawal_reason, **_details(entry)}


@router.get(
    "/{project_id}/logbook/{entry_id}",
    response={200: EntryDetailOut, **ERRORS},
    summary="One logbook entry",
)
def entry(request, project_id: str, entry_id: str):
    project = project_for_reading(request, project_id)
    kind = Entry.objects.filter(project=project, public_id=entry_id).values_list("kind", flat=True)
    return _entry_detail(access_entry(project, kind.first() or "", entry_id))


# --- Writes ---------------------------------------------------------------------------------


def _by_ids(rows, ids, error, field):
    """The rows with these public ids, in the order given; an unknown id is `error` at `field`."""
    wanted = list(dict.fromkeys(ids))
    found = {row.public_id: row for row in rows.filter(public_id__in=wanted)}
    if len(found) != len(wanted):
        raise error(field=field)
    return [found[public_id] for public_id in wanted]


def _one(rows, public_id, error, field):
    return _by_ids(rows, [public_id], error, field)[0] if public_id else None


def _created(project, entry: Entry) -> dict:
    return _entry_detail(access_entry(project, entry.kind, entry.public_id))


def _decision_data(project, data: "DecisionIn") -> DecisionData:
    decisions = Entry.objects.filter(project=project, kind=EntryKind.DECISION)
    return DecisionData(
        title=data.title,
        text=data.text,
        status=data.status,
        decided_on=data.decided_on,
        decided_by=data.decided_by,
        parties_agreed=_by_ids(
            project.parties, data.parties_agreed, PartyNotOfProject, "parties_agreed"
        ),
        parties_objected=_by_ids(
            project.parties, data.parties_objected, PartyNotOfProject, "parties_objected"
        ),
        rationale=data.rationale,
        replaces=_by_ids(decisions, data.replaces, DecisionNotOfProject, "replaces"),
        amends=_by_ids(decisions, data.amends, DecisionNotOfProject, "amends"),
        step_keys=data.step_keys,
    )


def _agreement_data(project, data: "AgreementIn", status_reason: str = "") -> AgreementData:
    return AgreementData(
        title=data.title,
        made_on=data.made_on,
        text=data.text,
        owner_member=_one(
            project.memberships, data.owner_member, MemberNotOfProject, "owner_member"
        ),
        owner_party=_one(project.parties, data.owner_party, PartyNotOfProject, "owner_party"),
        due_on=data.due_on,
        status=data.status,
        status_reason=status_reason,
        step_keys=data.step_keys,
        parties=_by_ids(project.parties, data.parties, PartyNotOfProject, "parties"),
    )


@router.post(
    "/{project_id}/decisions",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Record a decision",
)
def new_decision(request, project_id: str, data: DecisionIn):
    project = project_for_writing(request, project_id)
    entry = record_decision(request.auth, project, _decision_data(project, data))
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/agreements",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Record an agreement",
)
def new_agreement(request, project_id: str, data: AgreementIn):
    project = project_for_writing(request, project_id)
    entry = record_agreement(request.auth, project, _agreement_data(project, data))
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/actions", response={201: EntryDetailOut, **WRITE_ERRORS}, summary="Add an action"
)
def new_action(request, project_id: str, data: ActionIn):
    project = project_for_writing(request, project_id)
    entry = create_action(
        request.auth,
        project,
        ActionData(
            title=data.title,
            owner=_one(project.memberships, data.owner, MemberNotOfProject, "owner"),
            due_on=data.due_on,
            step_keys=data.step_keys,
        ),
    )
    return Status(201, _created(project, entry))


# --- New versions and withdrawals of decisions and agreements -------------------------------


@router.post(
    "/{project_id}/decisions/{entry_id}/revisions",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Change a decision (a new version)",
)
def revise_a_decision(request, project_id: str, entry_id: str, data: DecisionReviseIn):
    """The whole decision as it should read now, the `version` you read and a `change_reason`.

    The earlier version stays in its history. A newer version than yours: 409 naming it."""
    project = project_for_writing(request, project_id)
    entry = access_entry(project, EntryKind.DECISION, entry_id)
    revise_decision(
        request.auth,
        entry,
        _decision_data(project, data),
        based_on=data.version,
        reason=data.change_reason,
    )
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/decisions/{entry_id}/withdrawal",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Withdraw a decision",
)
def withdraw_a_decision(request, project_id: str, entry_id: str, data: WithdrawIn):
    """A last version "ingetrokken" with the reason; nothing is deleted."""
    project = project_for_writing(request, project_id)
    entry = access_entry(project, EntryKind.DECISION, entry_id)
    withdraw_decision(request.auth, entry, reason=data.reason, based_on=data.version)
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/agreements/{entry_id}/revisions",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Change an agreement (a new version)",
)
def revise_an_agreement(request, project_id: str, entry_id: str, data: AgreementReviseIn):
    """The whole agreement as it should read now (its status too), the `version` you read
    and a `change_reason`. No parties given: it keeps its parties."""
    project = project_for_writing(request, project_id)
    entry = access_entry(project, EntryKind.AGREEMENT, entry_id)
    revise_agreement(
        request.auth,
        entry,
        _agreement_data(project, data, data.status_reason),
        based_on=data.version,
        reason=data.change_reason,
    )
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/agreements/{entry_id}/withdrawal",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Withdraw an agreement",
)
def withdraw_an_agreement(request, project_id: str, entry_id: str, data: WithdrawIn):
    """A last version "vervallen" with the reason; nothing is deleted."""
    project = project_for_writing(request, project_id)
    entry = access_entry(project, EntryKind.AGREEMENT, entry_id)
    withdraw_agreement(request.auth, entry, reason=data.reason, based_on=data.version)
    return Status(201, _created(project, entry))


# --- Meetings and links ---------------------------------------------------------------------


@router.post(
    "/{project_id}/meetings",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Add a meeting",
)
def new_meeting(request, project_id: str, data: MeetingIn):
    project = project_for_writing(request, project_id)
    entry = create_meeting(
        request.auth,
        project,
        MeetingData(
            title=data.title,
            held_on=data.held_on,
            kind=data.kind,
            place=data.place,
            attendee_members=_by_ids(
                project.memberships, data.attendee_members, AttendeeNotOfProject, "attendee_members"
            ),
            attendee_parties=_by_ids(
                project.parties, data.attendee_parties, AttendeeNotOfProject, "attendee_parties"
            ),
            other_attendees=data.other_attendees,
            agenda=data.agenda,
            minutes=data.minutes,
            step_keys=data.step_keys,
        ),
    )
    return Status(201, _created(project, entry))


@router.post(
    "/{project_id}/links", response={201: EntryDetailOut, **WRITE_ERRORS}, summary="Add a link"
)
def new_link(request, project_id: str, data: LinkIn):
    project = project_for_writing(request, project_id)
    link = add_link(
        request.auth,
        project,
        title=data.title,
        url=data.url,
        occurred_on=data.occurred_on,
        step_keys=data.step_keys,
        parties=_by_ids(project.parties, data.parties, PartyNotOfProject, "parties"),
    )
    return Status(201, _created(project, link.entry))


@router.post(
    "/{project_id}/links/{entry_id}/withdrawal",
    response={201: EntryDetailOut, **WRITE_ERRORS},
    summary="Withdraw a link",
)
def withdraw_a_link(request, project_id: str, entry_id: str, data: LinkWithdrawIn):
    project = project_for_writing(request, project_id)
    link = withdraw_link(request.auth, access_link(project, entry_id), reason=data.reason)
    return Status(201, _created(project, link.entry))
