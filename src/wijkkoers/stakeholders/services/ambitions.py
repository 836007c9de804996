"""Ambitions per stakeholder, tensions, mutual gains and the MGA checklist: the writes.

Every function takes the acting user first, locks the project (refusing a closed one),
checks the actor may edit content (teamlid or projectleider), applies its rules, writes,
and records the audit entry in the same transaction. Nothing is saved half-way.
"""

from dataclasses import dataclass, field

from django.db import transaction

from wijkkoers.audit.services import record_event
from wijkkoers.logbook.models import Entry, EntryKind
from wijkkoers.projects.models import Project
from wijkkoers.projects.rules import is_teamlid
from wijkkoers.projects.services import lock_open_project
from wijkkoers.stakeholders import mga
from wijkkoers.stakeholders.errors_ambitions import (
    DecisionNotOfProject,
    EditConflict,
    NotAllowedToEdit,
    StakeholderNotOfProject,
    TitleMissing,
    TooFewStakeholders,
    UnknownChecklistItem,
    UnknownChoice,
)
from wijkkoers.stakeholders.models import (
    ChecklistMark,
    MutualGain,
    Severity,
    Stakeholder,
    Tension,
    TensionStatus,
)

AMBITION_FIELDS = ("interests", "ambition_neighbourhood", "ambition_own_property")


def _guard(actor, project: Project) -> Project:
    """Lock the project (closed: refused), then the actor must be teamlid or leader."""
    locked = lock_open_project(project)
    if not is_teamlid(actor, locked):
        raise NotAllowedToEdit
    return locked


# --- Ambitions per stakeholder -------------------------------------------------------------


@dataclass
class Ambitions:
    interests: str = ""
    ambition_neighbourhood: str = ""
    ambition_own_property: str = ""


@transaction.atomic
def update_ambitions(actor, stakeholder: Stakeholder, data: Ambitions, *, expected_version: int):
    """Set a stakeholder's interests and its two ambitions (neighbourhood, own property).

    Refused when someone saved the stakeholder after `expected_version` (EditConflict with
    the current row). Side effects: the stakeholder's three texts, version + 1; audit
    "stakeholder.ambitions_changed" with old and new values of what changed.
    """
    _guard(actor, stakeholder.project)
    current = Stakeholder.objects.select_related("party").get(pk=stakeholder.pk)
    if current.version != expected_version:
        raise EditConflict(current)
    old = {name: getattr(current, name) for name in AMBITION_FIELDS}
    new = {name: (getattr(data, name) or "").strip() for name in AMBITION_FIELDS}
    changed = [name for name in AMBITION_FIELDS if old[name] != new[name]]
    if not changed:
        return current
    for name in AMBITION_FIELDS:
        setattr(current, name, new[name])
    current.version += 1
    current.save(update_fields=[*AMBITION_FIELDS, "version", "updated_at"])
    record_event(
        project=current.project,
        actor=actor,
        action="stakeholder.ambitions_changed",
        obj=current,
        old={name: old[name] for name in changed},
        new={name: new[name] for name in changed},
    )
    return current


# --- Tensions and mutual gains -------------------------------------------------------------


@dataclass
class TensionData:
    title: str
    description: str = ""
    stakeholders: list = field(default_factory=list)  # Stakeholder rows
    severity: str = Severity.MEDIUM
    status: str = TensionStatus.OPEN
    decisions: list = field(default_factory=list)  # logbook Entry rows of kind "besluit"


@dataclass
class GainData:
    title: str
    description: str = ""
    stakeholders: list = field(default_factory=list)
    decisions: list = field(default_factory=list)


def _checked_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise TitleMissing
    return title[:300]


def _checked_stakeholders(project, stakeholders) -> list:
    chosen = list({row.pk: row for row in stakeholders or ()}.values())
    if any(row.project_id != project.pk for row in chosen):
        raise StakeholderNotOfProject
    if len(chosen) < 2:
        raise TooFewStakeholders
    return sorted(chosen, key=lambda row: row.party.name.lower())


def _checked_decisions(project, decisions) -> list:
    chosen = list({row.pk: row for row in decisions or ()}.values())
    for entry in chosen:
        if not isinstance(entry, Entry):
            raise DecisionNotOfProject
        if entry.project_id != project.pk or entry.kind != EntryKind.DECISION:
            raise DecisionNotOfProject
    return sorted(chosen, key=lambda row: (row.occurred_on, row.pk))


def _checked_choice(value, choices, field_name):
    if value not in choices.values:
        raise UnknownChoice(field=field_name)
    return value


def _checked_tension(project, data: TensionData) -> dict:
    return {
        "title": _checked_title(data.title),
        "description": (data.description or "").strip(),
        "severity": _checked_choice(data.severity, Severity, "severity"),
        "status": _checked_choice(data.status, TensionStatus, "status"),
        "stakeholders": _checked_stakeholders(project, data.stakeholders),
        "decisions": _checked_decisions(project, data.decisions),
    }


def _checked_gain(project, data: GainData) -> dict:
    return {
        "title": _checked_title(data.title),
        "description": (data.description or "").strip(),
        "stakeholders": _checked_stakeholders(project, data.stakeholders),
        "decisions": _checked_decisions(project, data.decisions),
    }


def _values_of(obj, names) -> dict:
    """The audit values of a tension or gain as stored now (relations as lists of rows)."""
    values = {}
    for name in names:
        if name == "stakeholders":
            values[name] = sorted(
                obj.stakeholders.select_related("party"), key=lambda s: s.party.name.lower()
            )
        elif name == "decisions":
            values[name] = list(obj.decisions.order_by("occurred_on", "pk"))
        else:
            values[name] = getattr(obj, name)
    return values


def _write(obj, values: dict) -> None:
    for name, value in values.items():
        if name not in ("stakeholders", "decisions"):
            setattr(obj, name, value)
    obj.save()
    obj.stakeholders.set(values["stakeholders"])
    obj.decisions.set(values["decisions"])


def _changes(old: dict, new: dict) -> tuple[dict, dict]:
    def same(a, b):
        if isinstance(a, list):
            return [row.pk for row in a] == [row.pk for row in b]
        return a == b

    changed = [name for name in new if not same(old[name], new[name])]
    return {name: old[name] for name in changed}, {name: new[name] for name in changed}


def _record(actor, project, model, values: dict, action: str):
    """Write a new tension or gain with its links and audit it; the caller checked it."""
    obj = model(project=project, created_by=actor)
    _write(obj, values)
    record_event(project=project, actor=actor, action=action, obj=obj, new=values)
    return obj


def _update(actor, obj, check, data, expected_version: int, action_for):
    """Lock, compare versions, check, write what changed, audit (`action_for(new)`)."""
    project = _guard(actor, obj.project)
    current = type(obj).objects.select_for_update().get(pk=obj.pk)
    if current.version != expected_version:
        raise EditConflict(current)
    values = check(project, data)
    old, new = _changes(_values_of(current, values), values)
    if not new:
        return current
    current.version += 1
    _write(current, values)
    record_event(
        project=project, actor=actor, action=action_for(new), obj=current, old=old, new=new
    )
    return current


@transaction.atomic
def record_tension(actor, project: Project, data: TensionData) -> Tension:
    """Record interests that clash: title, description, >= 2 stakeholders of this project,
    severity, status, and decisions (this project's logbook decisions only).

    Side effects: the tension and its links; audit "tension.recorded".
    """
    _guard(actor, project)
    values = _checked_tension(project, data)
    return _record(actor, project, Tension, values, "tension.recorded")


def _tension_action(new: dict) -> str:
    resolved = new.get("status") == TensionStatus.RESOLVED
    return "tension.resolved" if resolved else "tension.changed"


@transaction.atomic
def update_tension(actor, tension: Tension, data: TensionData, *, expected_version: int):
    """Change a tension (the same rules as recording one).

    Refused with EditConflict when it was saved after `expected_version`. Side effects:
    the row and its links, version + 1; audit "tension.resolved" when the status becomes
    resolved, otherwise "tension.changed" (old and new values of what changed).
    """
    return _update(actor, tension, _checked_tension, data, expected_version, _tension_action)


@transaction.atomic
def record_mutual_gain(actor, project: Project, data: GainData) -> MutualGain:
    """Record where parties reinforce each other: title, description, >= 2 stakeholders of
    this project and decisions of this project. Audit "mutual_gain.recorded"."""
    _guard(actor, project)
    values = _checked_gain(project, data)
    return _record(actor, project, MutualGain, values, "mutual_gain.recorded")


@transaction.atomic
def update_mutual_gain(actor, gain: MutualGain, data: GainData, *, expected_version: int):
    """Change a mutual gain; EditConflict when saved after `expected_version`. Audit
    "mutual_gain.changed" with old and new values of what changed."""
    return _update(
        actor, gain, _checked_gain, data, expected_version, lambda new: "mutual_gain.changed"
    )


# --- The Mutual Gains Approach checklist ---------------------------------------------------


@transaction.atomic
def check_mga_item(actor, project: Project, item_key: str, *, note: str = "") -> ChecklistMark:
    """Tick a checklist item with an optional note (ticking again replaces the note).

    Side effects: the mark (who, when, note); audit "mga_item.checked".
    """
    _guard(actor, project)
    if item_key not in mga.ITEMS:
        raise UnknownChecklistItem
    note = (note or "").strip()[:1000]
    mark = ChecklistMark.objects.filter(project=project, item_key=item_key).first()
    if mark is not None and mark.note == note:
        return mark
    old = {"note": mark.note} if mark else {}
    if mark is None:
        mark = ChecklistMark.objects.create(
            project=project, item_key=item_key, note=note, checked_by=actor
        )
    else:
        mark.note = note
        mark.save(update_fields=["note"])
    record_event(
        project=project,
        actor=actor,
        action="mga_item.checked",
        obj=mark,
        old=old,
        new={"note": note},
    )
    return mark


@transaction.atomic
def uncheck_mga_item(actor, project: Project, item_key: str) -> None:
    """Untick a checklist item. Side effects: the mark is removed; audit
    "mga_item.unchecked" keeps who ticked it, when, and the note."""
    _guard(actor, project)
    if item_key not in mga.ITEMS:
        raise UnknownChecklistItem
    mark = (
        ChecklistMark.objects.select_related("checked_by")
        .filter(project=project, item_key=item_key)
        .first()
    )
    if mark is None:
        return
    record_event(
        project=project,
        actor=actor,
        action="mga_item.unchecked",
        obj=mark,
        old={"note": mark.note, "checked_by": mark.checked_by, "checked_at": mark.checked_at},
    )
    mark.delete()
