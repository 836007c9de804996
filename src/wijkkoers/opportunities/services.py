"""Writes of linking opportunities: one transaction and one audit entry each.

Every function first locks the project row and refuses a closed project
(`lock_open_project`), checks its rules (each an OpportunityRuleError) and then writes.
A change based on an older version than the stored one is refused with a conflict.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wijkkoers.audit.services import record_event
from wijkkoers.opportunities.errors import (
    InvalidKind,
    InvalidStatus,
    OpportunityConflict,
    OwnerNotOfProject,
    StepNotInMethod,
    TitleRequired,
    WindowEndBeforeStart,
)
from wijkkoers.opportunities.models import Kind, Opportunity, Precision, Status
from wijkkoers.opportunities.windows import period_end, period_start, show_moment
from wijkkoers.projects.queries import step_exists
from wijkkoers.projects.services import lock_current, lock_open_project

FIELDS = [
    "title",
    "kind",
    "description",
    "owner_member",
    "owner_party",
    "window_start",
    "window_start_precision",
    "window_end",
    "window_end_precision",
    "status",
    "step_keys",
]


@dataclass
class OpportunityData:
    title: str
    kind: str
    description: str = ""
    owner_member: object = None  # a Membership
    owner_party: object = None  # a Party
    window_start: date | None = None
    window_start_precision: str = Precision.DAY
    window_end: date | None = None
    window_end_precision: str = Precision.DAY
    status: str = Status.IDEA
    step_keys: list = field(default_factory=list)


def _clean(project, data: OpportunityData) -> dict:
    title = (data.title or "").strip()
    if not title:
        raise TitleRequired
    if data.kind not in Kind.values:
        raise InvalidKind
    if data.status not in Status.values:
        raise InvalidStatus
    owners = [owner for owner in (data.owner_member, data.owner_party) if owner is not None]
    if len(owners) > 1 or any(owner.project_id != project.pk for owner in owners):
        raise OwnerNotOfProject
    start, start_precision = _end_of_window(data.window_start, data.window_start_precision)
    end, end_precision = _end_of_window(data.window_end, data.window_end_precision)
    if start and end and end < start:
        raise WindowEndBeforeStart
    keys = list(dict.fromkeys(data.step_keys or []))
    if any(not step_exists(key) for key in keys):
        raise StepNotInMethod
    return {
        "title": title,
        "kind": data.kind,
        "description": (data.description or "").strip(),
        "owner_member": data.owner_member,
        "owner_party": data.owner_party,
        "window_start": period_start(start, start_precision) if start else None,
        "window_start_precision": start_precision,
        "window_end": period_end(end, end_precision) if end else None,
        "window_end_precision": end_precision,
        "status": data.status,
        "step_keys": keys,
    }


def _end_of_window(day, precision) -> tuple:
    if day is None:
        return None, ""
    return day, precision if precision in Precision.values else Precision.DAY


def _values(opportunity: Opportunity) -> dict:
    return {name: getattr(opportunity, name) for name in FIELDS}


def _audited(values: dict) -> dict:
    """The values as the trail keeps them: each end of the window as written ("2027")."""
    kept = {name: value for name, value in values.items() if "window" not in name}
    for end in ("window_start", "window_end"):
        if end in values or f"{end}_precision" in values:
            kept[end] = show_moment(values.get(end), values.get(f"{end}_precision", ""))
    return kept


@transaction.atomic
def add_opportunity(actor, project, data: OpportunityData) -> Opportunity:
    """Record a linking opportunity. Writes it and an `opportunity.added` audit entry."""
    lock_open_project(project)
    values = _clean(project, data)
    opportunity = Opportunity.objects.create(
        project=project, created_by=actor, updated_by=actor, **values
    )
    record_event(
        project=project,
        actor=actor,
        action="opportunity.added",
        obj=opportunity,
        new=_audited(values),
    )
    return opportunity


@transaction.atomic
def update_opportunity(
    actor, opportunity: Opportunity, data: OpportunityData, *, expected_version: int
) -> Opportunity:
    """Change an opportunity (its status too).

    Refused with OpportunityConflict when someone changed it after `expected_version`.
    Writes an `opportunity.changed` audit entry with old and new values, if anything changed.
    """
    project, opportunity = lock_current(
        opportunity, expected_version=expected_version, conflict=OpportunityConflict
    )
    new = _clean(project, data)
    old = _values(opportunity)
    changed = [name for name in FIELDS if old[name] != new[name]]
    if not changed:
        return opportunity
    Opportunity.objects.filter(pk=opportunity.pk).update(
        **new, version=F("version") + 1, updated_by=actor, updated_at=timezone.now()
    )
    opportunity.refresh_from_db()
    record_event(
        project=project,
        actor=actor,
        action="opportunity.changed",
        obj=opportunity,
        old=_audited({name: old[name] for name in _with_window(changed)}),
        new=_audited({name: new[name] for name in _with_window(changed)}),
    )
    return opportunity


@transaction.atomic
def remove_opportunity(actor, opportunity: Opportunity) -> None:
    """Remove an opportunity; the `opportunity.removed` audit entry keeps its last values."""
    project, opportunity = lock_current(opportunity)
    record_event(
        project=project,
        actor=actor,
        action="opportunity.removed",
        obj=opportunity,
        old=_audited(_values(opportunity)),
    )
    opportunity.delete()


def _with_window(changed: list) -> list:
    """A changed end of the window takes its date and precision along (they read as one)."""
    names = set(changed)
    for end in ("window_start", "window_end"):
        if end in names or f"{end}_precision" in names:
            names |= {end, f"{end}_precision"}
    return [name for name in FIELDS if name in names]
