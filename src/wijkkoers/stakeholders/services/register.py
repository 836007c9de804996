"""Writes of the stakeholder register: stakeholders, their ranked priorities, assessments.

Every function runs in one transaction that first locks the project row (and refuses a
closed project), checks that the actor is a team member (teamlid or projectleider), checks
its rules (each a RegisterRuleError), writes and audits. A change to a stakeholder is based
on the `version` the user saw; if someone saved in between, StakeholderConflict carries
their version and nothing is written. Assessments are never changed: a new judgement is a
new dated row, so the map can show movement.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wijkkoers.audit.services import record_event
from wijkkoers.core.errors import NotFound
from wijkkoers.projects.models import Party, Project
from wijkkoers.projects.rules import ROLE_RANK, role_in
from wijkkoers.projects.services import add_party, lock_open_project
from wijkkoers.stakeholders.errors_register import (
    AlreadyStakeholder,
    AssessmentInFuture,
    ContactPurposeRequired,
    InvalidPosition,
    PartyNotOfProject,
    PriorityTextRequired,
    RegisterNotAllowed,
    ScoreOutOfRange,
    StakeholderConflict,
)
from wijkkoers.stakeholders.models import (
    SCORE_MAX,
    SCORE_MIN,
    Assessment,
    Position,
    Priority,
    Stakeholder,
)

# The register's own fields (the ambitions live with the ambitions part).
FIELDS = ["role_in_project", "contact_name", "contact_purpose", "interests", "position"]
ASSESSMENT_FIELDS = ["assessed_on", "power", "interest", "note"]


@dataclass
class StakeholderData:
    role_in_project: str = ""
    contact_name: str = ""
    contact_purpose: str = ""
    interests: str = ""
    position: str = Position.NEUTRAL
    priorities: list = field(default_factory=list)  # texts, most important first


@dataclass
class OrganisationData:
    """A party that is not at the table yet: made with projects' `add_party`."""

    name: str
    party_type: str
    other_type: str = ""
    description: str = ""


# --- Checks -------------------------------------------------------------------------------


def _lock_for_writing(actor, project: Project) -> Project:
    """Lock the open project, then check the actor may write (a meelezer may not)."""
    locked = lock_open_project(project)
    if ROLE_RANK.get(role_in(actor, locked) or "", 0) < ROLE_RANK["teamlid"]:
        raise RegisterNotAllowed
    return locked


def _cleaned(data: StakeholderData) -> dict:
    """The register's values, stripped and checked; the priorities as a list of texts."""
    values = {name: getattr(data, name).strip() for name in FIELDS}
    if values["position"] not in Position.values:
        raise InvalidPosition
    if values["contact_name"] and not values["contact_purpose"]:
        raise ContactPurposeRequired
    if not values["contact_name"]:
        values["contact_purpose"] = ""  # no name kept, so no reason to keep one
    priorities = [text.strip() for text in data.priorities]
    if any(not text for text in priorities):
        raise PriorityTextRequired
    values["priorities"] = priorities
    return values


def _values(stakeholder: Stakeholder) -> dict:
    values = {name: getattr(stakeholder, name) for name in FIELDS}
    values["priorities"] = list(stakeholder.priorities.values_list("text", flat=True))
    return values


def _current(stakeholder: Stakeholder) -> Stakeholder:
    """The stakeholder as it is now (call after locking): another request may have changed it."""
    current = Stakeholder.objects.select_related("party").filter(pk=stakeholder.pk).first()
    if current is None:
        raise NotFound
    return current


def _write_priorities(stakeholder: Stakeholder, texts: list) -> None:
    stakeholder.priorities.all().delete()
    Priority.objects.bulk_create(
        Priority(stakeholder=stakeholder, rank=rank, text=text)
        for rank, text in enumerate(texts, start=1)
    )


# --- Stakeholders -------------------------------------------------------------------------


@transaction.atomic
def record_stakeholder(actor, project: Project, *, party: Party, data: StakeholderData):
    """Record one of the project's parties as a stakeholder, with its register values.

    Rules: the party is this project's and not yet in the register; a contact name needs a
    purpose note; priorities are not empty. Side effects: the Stakeholder, its Priority rows
    (rank 1 first) and the audit entry "stakeholder.added".
    """
    _lock_for_writing(actor, project)
    if party.project_id != project.pk:
        raise PartyNotOfProject
    if Stakeholder.objects.filter(party=party).exists():
        raise AlreadyStakeholder
    values = _cleaned(data)
    priorities = values.pop("priorities")
    stakeholder = Stakeholder.objects.create(
        project=project, party=party, created_by=actor, **values
    )
    _write_priorities(stakeholder, priorities)
    record_event(
        project=project,
        actor=actor,
        action="stakeholder.added",
        obj=stakeholder,
        new={"party": party, **values, "priorities": priorities},
    )
    return stakeholder


@transaction.atomic
def record_new_organisation(
    actor, project: Project, *, organisation: OrganisationData, data: StakeholderData
):
    """Put a new organisation at the table (projects' `add_party`) and record it at once.

    One transaction: a refused stakeholder leaves no party behind. Side effects: those of
    `add_party` ("party.added") and of `record_stakeholder` ("stakeholder.added").
    """
    _lock_for_writing(actor, project)
    _cleaned(data)  # refuse bad register values before the party is made
    party = add_party(
        actor,
        project,
        name=organisation.name,
        party_type=organisation.party_type,
        other_type=organisation.other_type,
        description=organisation.description,
    )
    return record_stakeholder(actor, project, party=party, data=data)


@transaction.atomic
def update_stakeholder(
    actor, stakeholder: Stakeholder, data: StakeholderData, *, expected_version: int
):
    """Change a stakeholder's role, contact, interests, position and ranked priorities.

    `expected_version` is the version the user saw: if someone saved in between, nothing is
    written and StakeholderConflict carries their version. Side effects: the fields, the
    priorities (renumbered 1..n in the given order), `version` + 1, and one audit entry with
    the changed values: "stakeholder.position_changed" when the position changed (the
    timeline shows it), otherwise "stakeholder.updated". Nothing changed: nothing written.
    """
    project = _lock_for_writing(actor, stakeholder.project)
    values = _cleaned(data)
    current = _current(stakeholder)
    if current.version != expected_version:
        raise StakeholderConflict(current)
    old = _values(current)
    if old == values:
        return current
    priorities = values.pop("priorities")
    Stakeholder.objects.filter(pk=current.pk).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if priorities != old["priorities"]:
        _write_priorities(current, priorities)
    current.refresh_from_db()
    values["priorities"] = priorities
    changed = [name for name in values if old[name] != values[name]]
    position_moved = "position" in changed
    record_event(
        project=project,
        actor=actor,
        action="stakeholder.position_changed" if position_moved else "stakeholder.updated",
        obj=current,
        old={name: old[name] for name in changed},
        new={name: values[name] for name in changed},
    )
    return current


@transaction.atomic
def remove_stakeholder(actor, stakeholder: Stakeholder) -> None:
    """Take a stakeholder out of the register; its party stays at the project's table.

    Its priorities and assessments go with it. Side effect: the audit entry
    "stakeholder.removed" with its last values and its newest assessment, so the trail still
    says what was known.
    """
    project = _lock_for_writing(actor, stakeholder.project)
    current = _current(stakeholder)
    newest = current.assessments.order_by("-assessed_on", "-id").first()
    old = {"party": current.party, **_values(current)}
    if newest:
        old |= {name: getattr(newest, name) for name in ("assessed_on", "power", "interest")}
    record_event(project=project, actor=actor, action="stakeholder.removed", obj=current, old=old)
    current.delete()


# --- Assessments --------------------------------------------------------------------------


def _check_score(value, field_name: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not SCORE_MIN <= value <= SCORE_MAX:
        raise ScoreOutOfRange(field=field_name)


@transaction.atomic
def record_assessment(
    actor,
    stakeholder: Stakeholder,
    *,
    power: int,
    interest: int,
    assessed_on: date | None = None,
    note: str = "",
) -> Assessment:
    """Record a dated judgement of a stakeholder's power and interest (each 1-5).

    Never changed afterwards; a later judgement is a new row. Rules: scores 1-5 (the error
    names the field), the date not after today (default today). Side effects: the
    Assessment and the audit entry "stakeholder.assessed" on the stakeholder.
    """
    project = _lock_for_writing(actor, stakeholder.project)
    _check_score(power, "power")
    _check_score(interest, "interest")
    assessed_on = assessed_on or timezone.localdate()
    if assessed_on > timezone.localdate():
        raise AssessmentInFuture
    assessment = Assessment.objects.create(
        stakeholder=stakeholder,
        project=project,
        assessed_on=assessed_on,
        power=power,
        interest=interest,
        note=note.strip(),
        created_by=actor,
    )
    record_event(
        project=project,
        actor=actor,
        action="stakeholder.assessed",
        obj=stakeholder,
        new={name: getattr(assessment, name) for name in ASSESSMENT_FIELDS},
    )
    return assessment
