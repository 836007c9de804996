"""Writes of the logbook's entries: decisions, agreements, actions and meetings.

Every function runs in one transaction that first locks the project row (and refuses a
closed project), then checks its rules (each a LogbookRuleError), writes and audits.
Decisions and agreements are never changed in place: a change is a new numbered revision
and `current` moves to it. A revision is based on the number the user saw; if someone else
made a newer one meanwhile, RevisionConflict carries it and nothing is written.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from wijkkoers.audit.services import record_event
from wijkkoers.logbook.errors import (
    AgreementDueBeforeMade,
    AgreementOwnerRequired,
    AgreementStatusReasonRequired,
    AttendeeNotOfProject,
    ChangeReasonRequired,
    DecisionClosed,
    DecisionCycle,
    DecisionDateRequired,
    DecisionNotOfProject,
    DecisionReplacesItself,
    DecisionReplacesLater,
    EntryNotOfMeeting,
    EntryWithdrawn,
    InvalidAgreementStatus,
    InvalidDecisionStatus,
    InvalidMeetingKind,
    MemberNotOfProject,
    PartyAgreedAndObjected,
    PartyNotOfProject,
    RevisionConflict,
    StepNotInMethod,
    TitleRequired,
    WithdrawalReasonRequired,
)
from wijkkoers.logbook.models import (
    AGREEMENT_STATUSES_WITH_REASON,
    Action,
    Agreement,
    AgreementRevision,
    AgreementStatus,
    Decision,
    DecisionRevision,
    DecisionStatus,
    Entry,
    EntryKind,
    EntryStep,
    Meeting,
    MeetingKind,
)
from wijkkoers.method.markdown import linked_step_keys, render_markdown
from wijkkoers.projects.queries import step_exists, step_urls_for
from wijkkoers.projects.services import lock_open_project

# An action's status on its entry (actions have no revisions).
ACTION_OPEN = "open"
ACTION_DONE = "gedaan"

# Where an agreement may go from each status. Lapsed and referred are final; a finished
# agreement can be taken up again.
AGREEMENT_NEXT = {
    AgreementStatus.OPEN: set(AgreementStatus.values),
    AgreementStatus.IN_PROGRESS: set(AgreementStatus.values),
    AgreementStatus.DONE: {AgreementStatus.DONE, AgreementStatus.IN_PROGRESS},
    AgreementStatus.LAPSED: {AgreementStatus.LAPSED},
    AgreementStatus.REFERRED: {AgreementStatus.REFERRED},
}
DECISION_CHOOSABLE = {DecisionStatus.PROPOSED, DecisionStatus.TAKEN}
DECISION_CLOSED = {DecisionStatus.REPLACED, DecisionStatus.WITHDRAWN}


def render_text(text: str) -> str:
    """User Markdown as sanitised HTML, rendered once when it is written."""
    if not text:
        return ""
    return render_markdown(text, step_urls_for(linked_step_keys(text)))


# --- Input --------------------------------------------------------------------------------


@dataclass
class DecisionData:
    title: str
    text: str = ""
    status: str = DecisionStatus.TAKEN
    decided_on: date | None = None
    decided_by: str = ""
    parties_agreed: list = field(default_factory=list)
    parties_objected: list = field(default_factory=list)
    rationale: str = ""
    replaces: list = field(default_factory=list)  # Entry (or Decision) rows
    amends: list = field(default_factory=list)
    step_keys: list = field(default_factory=list)


@dataclass
class AgreementData:
    title: str
    made_on: date
    text: str = ""
    owner_member: object = None  # a Membership
    owner_party: object = None  # a Party
    due_on: date | None = None
    status: str = AgreementStatus.OPEN
    status_reason: str = ""
    step_keys: list = field(default_factory=list)
    parties: list = field(default_factory=list)


@dataclass
class ActionData:
    title: str
    owner: object = None  # a Membership
    due_on: date | None = None
    step_keys: list = field(default_factory=list)


@dataclass
class MeetingData:
    title: str
    held_on: date
    kind: str = MeetingKind.OTHER
    place: str = ""
    attendee_members: list = field(default_factory=list)
    attendee_parties: list = field(default_factory=list)
    other_attendees: int = 0
    agenda: str = ""
    minutes: str = ""
    step_keys: list = field(default_factory=list)


# --- Shared checks and writes -------------------------------------------------------------


def _clean_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise TitleRequired
    return title


def _check_steps(step_keys) -> list[str]:
    keys = list(dict.fromkeys(step_keys or []))
    if any(not step_exists(key) for key in keys):
        raise StepNotInMethod
    return keys


def _check_parties(project, parties, error=PartyNotOfProject) -> list:
    parties = list(dict.fromkeys(parties or []))
    if any(party.project_id != project.pk for party in parties):
        raise error
    return parties


def _check_members(project, members, error=MemberNotOfProject) -> list:
    members = list(dict.fromkeys(members or []))
    if any(member.project_id != project.pk for member in members):
        raise error
    return members


def _set_steps(entry: Entry, step_keys: list[str]) -> None:
    """The entry's EntryStep rows become exactly `step_keys`."""
    existing = set(entry.steps.values_list("step_key", flat=True))
    wanted = set(step_keys)
    if existing - wanted:
        entry.steps.filter(step_key__in=existing - wanted).delete()
    EntryStep.objects.bulk_create(
        [
            EntryStep(entry=entry, project_id=entry.project_id, step_key=key)
            for key in step_keys
            if key not in existing
        ]
    )


def _new_entry(actor, project, kind, title, occurred_on, status="", meeting=None) -> Entry:
    return Entry.objects.create(
        project=project,
        kind=kind,
        title=title,
        occurred_on=occurred_on,
        status=status,
        meeting=meeting.meeting_detail if isinstance(meeting, Entry) else meeting,
        created_by=actor,
    )


def _locked_entry(entry: Entry) -> Entry:
    """Lock the project, then read the entry as it is now (another request may have moved it)."""
    lock_open_project(entry.project)
    fresh = Entry.objects.select_related("project").get(pk=entry.pk)
    if fresh.withdrawn_at:
        raise EntryWithdrawn
    return fresh


def _names(rows) -> list[str]:
    return [str(row) for row in rows]


# --- Decisions ----------------------------------------------------------------------------

DECISION_AUDIT = [
    "title",
    "status",
    "decided_on",
    "decided_by",
    "parties_agreed",
    "parties_objected",
    "replaces",
    "amends",
    "step_keys",
    "text",
    "rationale",
]


def _decision_values(revision: DecisionRevision | None) -> dict:
    if revision is None:
        return {}
    return {
        "title": revision.title,
        "status": revision.status,
        "decided_on": revision.decided_on,
        "decided_by": revision.decided_by,
        "parties_agreed": _names(revision.parties_agreed.all()),
        "parties_objected": _names(revision.parties_objected.all()),
        "replaces": _names(d.entry for d in revision.replaces.select_related("entry")),
        "amends": _names(d.entry for d in revision.amends.select_related("entry")),
        "step_keys": list(revision.step_keys),
        "text": revision.text,
        "rationale": revision.rationale,
    }


def _as_decisions(project, rows) -> list[Decision]:
    """Entries or decisions of this project, as Decision rows (re-read after the lock)."""
    ids = {row.pk for row in rows}
    if not ids:
        return []
    found = list(
        Decision.objects.select_related("entry", "current").filter(
            entry__project=project, entry__kind=EntryKind.DECISION, pk__in=ids
        )
    )
    if len(found) != len(ids):
        raise DecisionNotOfProject
    return found


def _decision_date(data: DecisionData) -> date:
    return data.decided_on or timezone.localdate()


def _check_links(project, data: DecisionData, itself: Decision | None):
    """The decisions it replaces and amends: of this project, not itself, not later, no circle."""
    replaces = _as_decisions(project, data.replaces)
    amends = _as_decisions(project, data.amends)
    for target in [*replaces, *amends]:
        if itself is not None and target.pk == itself.pk:
            raise DecisionReplacesItself(field="replaces" if target in replaces else "amends")
        if target.entry.occurred_on > _decision_date(data):
            raise DecisionReplacesLater(field="replaces" if target in replaces else "amends")
    if itself is not None and replaces + amends:
        _check_no_cycle(itself, {target.pk for target in [*replaces, *amends]})
    return replaces, amends


def _check_no_cycle(itself: Decision, targets: set[int]) -> None:
    """Refuse if `itself` can already be reached from a target through current links."""
    seen, frontier = set(), set(targets)
    while frontier:
        if itself.pk in frontier:
            raise DecisionCycle
        seen |= frontier
        current_ids = Decision.objects.filter(pk__in=frontier).values_list("current_id", flat=True)
        links = set(
            DecisionRevision.replaces.through.objects.filter(
                decisionrevision_id__in=current_ids
            ).values_list("decision_id", flat=True)
        ) | set(
            DecisionRevision.amends.through.objects.filter(
                decisionrevision_id__in=current_ids
            ).values_list("decision_id", flat=True)
        )
        frontier = links - seen


def _check_decision(project, data: DecisionData, itself=None):
    data.title = _clean_title(data.title)
    if data.status not in DECISION_CHOOSABLE:
        raise InvalidDecisionStatus
    if data.status == DecisionStatus.TAKEN and not data.decided_on:
        raise DecisionDateRequired
    data.step_keys = _check_steps(data.step_keys)
    agreed = _check_parties(project, data.parties_agreed, PartyNotOfProject(field="parties_agreed"))
    objected = _check_parties(
        project, data.parties_objected, PartyNotOfProject(field="parties_objected")
    )
    if set(agreed) & set(objected):
        raise PartyAgreedAndObjected
    replaces, amends = _check_links(project, data, itself)
    return agreed, objected, replaces, amends


def _write_decision_revision(actor, decision, number, data, links, change_reason=""):
    agreed, objected, replaces, amends = links
    revision = DecisionRevision.objects.create(
        decision=decision,
        number=number,
        title=data.title,
        text=data.text,
        text_html=render_text(data.text),
        status=data.status,
        decided_on=data.decided_on,
        decided_by=data.decided_by.strip(),
        rationale=data.rationale,
        rationale_html=render_text(data.rationale),
        step_keys=data.step_keys,
        change_reason=change_reason,
        created_by=actor,
    )
    revision.parties_agreed.set(agreed)
    revision.parties_objected.set(objected)
    revision.replaces.set(replaces)
    revision.amends.set(amends)
    return revision


def _move_decision(decision: Decision, revision: DecisionRevision, parties) -> None:
    """`current` moves to the new revision; the entry follows its title, date and status."""
    decision.current = revision
    decision.save(update_fields=["current"])
    entry = decision.entry
    entry.title = revision.title
    entry.status = revision.status
    entry.occurred_on = revision.decided_on or entry.occurred_on
    entry.save(update_fields=["title", "status", "occurred_on", "updated_at"])
    entry.parties.set(parties)
    _set_steps(entry, revision.step_keys)


def _replace_decisions(actor, project, by: Decision, replaced: list[Decision]) -> None:
    """A taken decision puts the decisions it replaces on "vervangen", each by a new revision."""
    for target in replaced:
        current = DecisionRevision.objects.get(pk=target.current_id)
        if current.status in DECISION_CLOSED:
            continue
        data = _data_of_decision(current)
        data.status = DecisionStatus.REPLACED
        number = current.number + 1
        links = (
            list(current.parties_agreed.all()),
            list(current.parties_objected.all()),
            list(current.replaces.all()),
            list(current.amends.all()),
        )
        reason = f"vervangen door “{by.entry.title}”"
        revision = _write_decision_revision(actor, target, number, data, links, reason)
        old = _decision_values(current)
        _move_decision(target, revision, [*links[0], *links[1]])
        record_event(
            project=project,
            actor=actor,
            action="decision.replaced",
            obj=target.entry,
            old={"status": old["status"]},
            new={"status": revision.status, "change_reason": reason, "replaced_by": by.entry},
        )


def _data_of_decision(revision: DecisionRevision) -> DecisionData:
    return DecisionData(
        title=revision.title,
        text=revision.text,
        status=revision.status,
        decided_on=revision.decided_on,
        decided_by=revision.decided_by,
        rationale=revision.rationale,
        step_keys=list(revision.step_keys),
    )


def _record_decision(actor, project, data: DecisionData, meeting=None) -> Entry:
    links = _check_decision(project, data)
    entry = _new_entry(
        actor, project, EntryKind.DECISION, data.title, _decision_date(data), data.status, meeting
    )
    decision = Decision.objects.create(entry=entry)
    revision = _write_decision_revision(actor, decision, 1, data, links)
    _move_decision(decision, revision, [*links[0], *links[1]])
    record_event(
        project=project,
        actor=actor,
        action="decision.recorded",
        obj=entry,
        new=_decision_values(revision),
    )
    if revision.status == DecisionStatus.TAKEN:
        _replace_decisions(actor, project, decision, links[2])
    return entry


@transaction.atomic
def record_decision(actor, project, data: DecisionData, *, meeting=None) -> Entry:
    """Record a decision (proposed or taken) as its first revision.

    Rules: a title; a taken decision has a date; steps from the method; parties agreed and
    objected from this project and not both; it replaces or amends decisions of this project
    taken on or before its date. Side effects: the entry, decision and revision 1; audit
    "decision.recorded"; a taken decision puts the ones it replaces on "vervangen".
    """
    lock_open_project(project)
    return _record_decision(actor, project, data, meeting)


@transaction.atomic
def revise_decision(actor, entry: Entry, data: DecisionData, *, based_on: int, reason: str):
    """A new version of a decision; `based_on` is the revision number the user saw.

    Refused when someone made a newer version (RevisionConflict, with theirs), when the
    decision is replaced or withdrawn, without a reason, or by any rule of record_decision
    (and: it cannot replace itself, nor a decision that already leads back to it).
    """
    entry, decision, current, reason = _open_revision(
        entry, Decision, based_on, reason, ChangeReasonRequired, closed=DECISION_CLOSED
    )
    project = entry.project
    links = _check_decision(project, data, itself=decision)
    revision = _write_decision_revision(actor, decision, current.number + 1, data, links, reason)
    old = _decision_values(current)
    _move_decision(decision, revision, [*links[0], *links[1]])
    _audit_revision(actor, entry, "decision.revised", DECISION_AUDIT, old, revision, reason)
    if revision.status == DecisionStatus.TAKEN:
        _replace_decisions(actor, project, decision, links[2])
    return entry


@transaction.atomic
def withdraw_decision(actor, entry: Entry, *, reason: str, based_on: int) -> Entry:
    """Withdraw a decision: a last revision with status "ingetrokken" and the reason.

    Nothing is deleted; members still read it, marked as withdrawn.
    """
    entry, decision, current, reason = _open_revision(
        entry, Decision, based_on, reason, WithdrawalReasonRequired
    )
    data = _data_of_decision(current)
    data.status = DecisionStatus.WITHDRAWN
    links = (
        list(current.parties_agreed.all()),
        list(current.parties_objected.all()),
        list(current.replaces.all()),
        list(current.amends.all()),
    )
    revision = _write_decision_revision(actor, decision, current.number + 1, data, links, reason)
    _move_decision(decision, revision, [*links[0], *links[1]])
    _withdraw(actor, entry, "decision.withdrawn", current, revision, reason)
    return entry


# --- What decisions and agreements share: numbered revisions, withdrawal -------------------


def _open_revision(entry: Entry, model, based_on: int, reason: str, missing, closed=()):
    """Lock the entry and read its current revision for a new one: refused when the user saw
    an older version (RevisionConflict, with the newer one), when the current status is one
    of `closed` (DecisionClosed), or without a reason (`missing`). (entry, detail, current,
    stripped reason)."""
    entry = _locked_entry(entry)
    detail = model.objects.select_related("current").get(entry=entry)
    current = detail.current
    if current.number != based_on:
        raise RevisionConflict(current)
    if current.status in closed:
        raise DecisionClosed
    reason = (reason or "").strip()
    if not reason:
        raise missing
    detail.entry = entry
    return entry, detail, current, reason


def _audit_revision(actor, entry: Entry, action: str, keys, old: dict, revision, reason: str):
    """Audit a new revision: the values of `keys` that changed, and why."""
    values = _decision_values if isinstance(revision, DecisionRevision) else _agreement_values
    new = values(revision)
    changed = [key for key in keys if old.get(key) != new.get(key)]
    record_event(
        project=entry.project,
        actor=actor,
        action=action,
        obj=entry,
        old={key: old[key] for key in changed},
        new={**{key: new[key] for key in changed}, "change_reason": reason},
    )


def _withdraw(actor, entry: Entry, action: str, current, revision, reason: str) -> None:
    """Mark the entry withdrawn (who, when, why) and audit it; its last revision is written."""
    entry.withdrawn_at = timezone.now()
    entry.withdrawn_by = actor
    entry.withdrawal_reason = reason
    entry.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"])
    record_event(
        project=entry.project,
        actor=actor,
        action=action,
        obj=entry,
        old={"status": current.status},
        new={"status": revision.status, "reason": reason},
    )


# --- Agreements ---------------------------------------------------------------------------

AGREEMENT_AUDIT = [
    "title",
    "status",
    "status_reason",
    "owner_member",
    "owner_party",
    "made_on",
    "due_on",
    "step_keys",
    "text",
]


def _agreement_values(revision: AgreementRevision | None) -> dict:
    if revision is None:
        return {}
    return {
        "title": revision.title,
        "status": revision.status,
        "status_reason": revision.status_reason,
        "owner_member": revision.owner_member.user if revision.owner_member else None,
        "owner_party": revision.owner_party,
        "made_on": revision.made_on,
        "due_on": revision.due_on,
        "step_keys": list(revision.step_keys),
        "text": revision.text,
    }


def _check_agreement(project, data: AgreementData, current_status=None) -> list:
    data.title = _clean_title(data.title)
    if (data.owner_member is None) == (data.owner_party is None):
        raise AgreementOwnerRequired
    if data.owner_member is not None:
        _check_members(project, [data.owner_member], AgreementOwnerRequired)
    if data.owner_party is not None:
        _check_parties(project, [data.owner_party], AgreementOwnerRequired)
    if data.due_on and data.made_on and data.due_on < data.made_on:
        raise AgreementDueBeforeMade
    allowed = (
        AGREEMENT_NEXT[current_status]
        if current_status
        else {AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS}
    )
    if data.status not in allowed:
        raise InvalidAgreementStatus
    data.status_reason = (data.status_reason or "").strip()
    if data.status in AGREEMENT_STATUSES_WITH_REASON and not data.status_reason:
        raise AgreementStatusReasonRequired
    if data.status not in AGREEMENT_STATUSES_WITH_REASON:
        data.status_reason = ""
    data.step_keys = _check_steps(data.step_keys)
    return _check_parties(project, data.parties)


def _write_agreement_revision(actor, agreement, number, data, change_reason=""):
    return AgreementRevision.objects.create(
        agreement=agreement,
        number=number,
        title=data.title,
        text=data.text,
        text_html=render_text(data.text),
        owner_member=data.owner_member,
        owner_party=data.owner_party,
        made_on=data.made_on,
        due_on=data.due_on,
        status=data.status,
        status_reason=data.status_reason,
        step_keys=data.step_keys,
        change_reason=change_reason,
        created_by=actor,
    )


def _move_agreement(agreement: Agreement, revision: AgreementRevision, parties=None) -> None:
    agreement.current = revision
    agreement.save(update_fields=["current"])
    entry = agreement.entry
    entry.title = revision.title
    entry.status = revision.status
    entry.occurred_on = revision.made_on
    entry.save(update_fields=["title", "status", "occurred_on", "updated_at"])
    if parties is not None:
        entry.parties.set(parties)
    _set_steps(entry, revision.step_keys)


def _record_agreement(actor, project, data: AgreementData, meeting=None) -> Entry:
    parties = _check_agreement(project, data)
    entry = _new_entry(
        actor, project, EntryKind.AGREEMENT, data.title, data.made_on, data.status, meeting
    )
    agreement = Agreement.objects.create(entry=entry)
    revision = _write_agreement_revision(actor, agreement, 1, data)
    _move_agreement(agreement, revision, parties)
    record_event(
        project=project,
        actor=actor,
        action="agreement.recorded",
        obj=entry,
        new=_agreement_values(revision),
    )
    return entry


@transaction.atomic
def record_agreement(actor, project, data: AgreementData, *, meeting=None) -> Entry:
    """Record an agreement (open or in progress) as its first revision.

    Rules: a title; exactly one owner, a member or a party of this project; the due date
    not before the date it was made; steps from the method. Audit "agreement.recorded".
    """
    lock_open_project(project)
    return _record_agreement(actor, project, data, meeting)


def _data_of_agreement(revision: AgreementRevision) -> AgreementData:
    return AgreementData(
        title=revision.title,
        made_on=revision.made_on,
        text=revision.text,
        owner_member=revision.owner_member,
        owner_party=revision.owner_party,
        due_on=revision.due_on,
        status=revision.status,
        status_reason=revision.status_reason,
        step_keys=list(revision.step_keys),
    )


@transaction.atomic
def revise_agreement(actor, entry: Entry, data: AgreementData, *, based_on: int, reason: str):
    """A new version of an agreement (its status too: open -> in uitvoering -> afgerond, or
    vervallen / doorverwezen with a reason); `based_on` is the revision number the user saw.
    """
    entry, agreement, current, reason = _open_revision(
        entry, Agreement, based_on, reason, ChangeReasonRequired
    )
    if not data.parties:
        data.parties = list(entry.parties.all())
    parties = _check_agreement(entry.project, data, current_status=current.status)
    revision = _write_agreement_revision(actor, agreement, current.number + 1, data, reason)
    old = _agreement_values(current)
    _move_agreement(agreement, revision, parties)
    _audit_revision(actor, entry, "agreement.revised", AGREEMENT_AUDIT, old, revision, reason)
    return entry


@transaction.atomic
def withdraw_agreement(actor, entry: Entry, *, reason: str, based_on: int) -> Entry:
    """Withdraw an agreement: a last revision "vervallen" with the reason; nothing is deleted."""
    entry, agreement, current, reason = _open_revision(
        entry, Agreement, based_on, reason, WithdrawalReasonRequired
    )
    data = _data_of_agreement(current)
    data.status, data.status_reason = AgreementStatus.LAPSED, reason
    revision = _write_agreement_revision(actor, agreement, current.number + 1, data, reason)
    _move_agreement(agreement, revision)
    _withdraw(actor, entry, "agreement.withdrawn", current, revision, reason)
    return entry


# --- Actions ------------------------------------------------------------------------------


def _action_values(entry: Entry, action: Action) -> dict:
    return {
        "title": entry.title,
        "owner": action.owner.user if action.owner_id else None,
        "due_on": action.due_on,
        "step_keys": sorted(entry.steps.values_list("step_key", flat=True)),
    }


def _check_action(project, data: ActionData) -> None:
    data.title = _clean_title(data.title)
    if data.owner is not None:
        _check_members(project, [data.owner])
    data.step_keys = _check_steps(data.step_keys)


def _create_action(actor, project, data: ActionData, meeting=None) -> Entry:
    _check_action(project, data)
    entry = _new_entry(
        actor, project, EntryKind.ACTION, data.title, timezone.localdate(), ACTION_OPEN, meeting
    )
    action = Action.objects.create(entry=entry, owner=data.owner, due_on=data.due_on)
    _set_steps(entry, data.step_keys)
    record_event(
        project=project,
        actor=actor,
        action="action.created",
        obj=entry,
        new=_action_values(entry, action),
    )
    return entry


@transaction.atomic
def create_action(actor, project, data: ActionData, *, meeting=None) -> Entry:
    """A to-do with an optional owner (a member) and due date. Audit "action.created"."""
    lock_open_project(project)
    return _create_action(actor, project, data, meeting)


@transaction.atomic
def update_action(actor, entry: Entry, data: ActionData) -> Entry:
    """Change an action in place; the audit entry "action.updated" keeps the old values."""
    entry = _locked_entry(entry)
    action = Action.objects.select_related("owner__user").get(entry=entry)
    _check_action(entry.project, data)
    old = _action_values(entry, action)
    entry.title = data.title
    entry.save(update_fields=["title", "updated_at"])
    action.owner, action.due_on = data.owner, data.due_on
    action.save(update_fields=["owner", "due_on"])
    _set_steps(entry, data.step_keys)
    new = _action_values(entry, action)
    changed = [key for key in new if old[key] != new[key]]
    if changed:
        record_event(
            project=entry.project,
            actor=actor,
            action="action.updated",
            obj=entry,
            old={key: old[key] for key in changed},
            new={key: new[key] for key in changed},
        )
    return entry


@transaction.atomic
def set_action_done(actor, entry: Entry, done: bool) -> Entry:
    """Mark an action done (who, when) or open again. Audit "action.done" / "action.reopened"."""
    entry = _locked_entry(entry)
    action = Action.objects.get(entry=entry)
    if bool(action.done_at) == done:
        return entry
    action.done_at = timezone.now() if done else None
    action.done_by = actor if done else None
    action.save(update_fields=["done_at", "done_by"])
    entry.status = ACTION_DONE if done else ACTION_OPEN
    entry.save(update_fields=["status", "updated_at"])
    record_event(
        project=entry.project,
        actor=actor,
        action="action.done" if done else "action.reopened",
        obj=entry,
    )
    return entry


# --- Meetings -----------------------------------------------------------------------------

MEETING_AUDIT = [
    "title",
    "held_on",
    "kind",
    "place",
    "attendee_members",
    "attendee_parties",
    "other_attendees",
    "step_keys",
    "agenda",
    "minutes",
]


def _meeting_values(entry: Entry, meeting: Meeting) -> dict:
    members = meeting.attendee_members.select_related("user").order_by("user__name")
    return {
        "title": entry.title,
        "held_on": entry.occurred_on,
        "kind": meeting.kind,
        "place": meeting.place,
        "attendee_members": [member.user.display_name for member in members],
        "attendee_parties": _names(meeting.attendee_parties.order_by("name")),
        "other_attendees": meeting.other_attendees,
        "step_keys": sorted(entry.steps.values_list("step_key", flat=True)),
        "agenda": meeting.agenda,
        "minutes": meeting.minutes,
    }


def _check_meeting(project, data: MeetingData):
    data.title = _clean_title(data.title)
    if data.kind not in MeetingKind.values:
        raise InvalidMeetingKind
    members = _check_members(project, data.attendee_members, AttendeeNotOfProject)
    parties = _check_parties(
        project, data.attendee_parties, AttendeeNotOfProject(field="attendee_parties")
    )
    data.step_keys = _check_steps(data.step_keys)
    data.other_attendees = max(int(data.other_attendees or 0), 0)
    return members, parties


def _save_meeting(meeting: Meeting, data: MeetingData, members, parties) -> None:
    meeting.kind = data.kind
    meeting.place = data.place.strip()
    meeting.other_attendees = data.other_attendees
    meeting.agenda = data.agenda
    meeting.agenda_html = render_text(data.agenda)
    meeting.minutes = data.minutes
    meeting.minutes_html = render_text(data.minutes)
    meeting.save()
    meeting.attendee_members.set(members)
    meeting.attendee_parties.set(parties)
    meeting.entry.parties.set(parties)
    _set_steps(meeting.entry, data.step_keys)


@transaction.atomic
def create_meeting(actor, project, data: MeetingData) -> Entry:
    """Record a meeting: date, kind, place, who was there, agenda and minutes.

    Attendees are members and parties of this project. Audit "meeting.created".
    """
    lock_open_project(project)
    members, parties = _check_meeting(project, data)
    entry = _new_entry(actor, project, EntryKind.MEETING, data.title, data.held_on)
    meeting = Meeting(entry=entry)
    _save_meeting(meeting, data, members, parties)
    record_event(
        project=project,
        actor=actor,
        action="meeting.created",
        obj=entry,
        new=_meeting_values(entry, meeting),
    )
    return entry


@transaction.atomic
def update_meeting(actor, entry: Entry, data: MeetingData) -> Entry:
    """Change a meeting in place (the minutes come later); "meeting.updated" keeps the old."""
    entry = _locked_entry(entry)
    meeting = Meeting.objects.get(entry=entry)
    meeting.entry = entry
    members, parties = _check_meeting(entry.project, data)
    old = _meeting_values(entry, meeting)
    entry.title, entry.occurred_on = data.title, data.held_on
    entry.save(update_fields=["title", "occurred_on", "updated_at"])
    _save_meeting(meeting, data, members, parties)
    new = _meeting_values(entry, meeting)
    changed = [key for key in MEETING_AUDIT if old[key] != new[key]]
    if changed:
        record_event(
            project=entry.project,
            actor=actor,
            action="meeting.updated",
            obj=entry,
            old={key: old[key] for key in changed},
            new={key: new[key] for key in changed},
        )
    return entry


@dataclass
class MeetingRecord:
    """What was recorded at a meeting in one go (the new entries)."""

    decisions: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    actions: list = field(default_factory=list)


@transaction.atomic
def record_at_meeting(
    actor, meeting_entry: Entry, *, decisions=(), agreements=(), actions=()
) -> MeetingRecord:
    """Record a meeting's decisions, agreements and actions in one go: all or nothing.

    Each item follows the rules of its own service; the first that is refused undoes the
    whole set (the error's `index` and `part` say which item). Each item is dated on the
    meeting's date when it has no date of its own and is linked to the meeting.
    """
    entry = _locked_entry(meeting_entry)
    if entry.kind != EntryKind.MEETING:
        raise EntryNotOfMeeting
    meeting = Meeting.objects.get(entry=entry)
    project = entry.project
    made = MeetingRecord()
    for part, items, write, target in [
        ("decisions", decisions, _record_decision, made.decisions),
        ("agreements", agreements, _record_agreement, made.agreements),
        ("actions", actions, _create_action, made.actions),
    ]:
        for index, data in enumerate(items):
            if part == "decisions" and data.decided_on is None:
                data.decided_on = entry.occurred_on
            if part == "agreements" and data.made_on is None:
                data.made_on = entry.occurred_on
            try:
                target.append(write(actor, project, data, meeting))
            except Exception as error:
                error.part, error.index = part, index
                raise
    return made
