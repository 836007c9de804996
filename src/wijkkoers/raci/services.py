"""Writes of the team's roles and the RACI matrix: one transaction, one audit entry each.

Every function first locks the project row and refuses a closed project
(`lock_open_project`), then reads what it changes afresh, checks its rules (each a
RaciRuleError) and writes. Roles and rows carry a version: a change based on an older
version than the stored one is refused with a conflict carrying the other change.
"""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext

from wijkkoers.audit.services import record_event
from wijkkoers.projects.queries import step_exists
from wijkkoers.projects.services import lock_current, lock_open_project
from wijkkoers.raci.errors import (
    InvalidLetter,
    MemberNotOfProject,
    NoAccountable,
    NoResponsible,
    PartyNotOfProject,
    RoleConflict,
    RoleNameRequired,
    RoleNameTaken,
    RoleNotOfProject,
    RowConflict,
    RowSubjectRequired,
    SeveralAccountable,
    StepNotInMethod,
    TwoAccountable,
)
from wijkkoers.raci.models import Letter, RaciCell, RaciRow, TeamRole
from wijkkoers.raci.queries import rows_held_by

ROLE_FIELDS = ["name", "description", "member", "party"]


@dataclass
class RoleData:
    name: str
    description: str = ""
    member: object = None  # a Membership of the project
    party: object = None  # a Party of the project


@dataclass
class RowData:
    activity: str = ""
    step_key: str = ""
    letters: dict = field(default_factory=dict)  # TeamRole -> "R" / "A" / "C" / "I" / ""


# --- Roles ----------------------------------------------------------------------------------


def _role_values(role: TeamRole) -> dict:
    return {name: getattr(role, name) for name in ROLE_FIELDS}


def _clean_role(project, data: RoleData, *, without=None) -> dict:
    name = (data.name or "").strip()
    if not name:
        raise RoleNameRequired
    same = TeamRole.objects.filter(project=project, name__iexact=name)
    if without is not None:
        same = same.exclude(pk=without.pk)
    if same.exists():
        raise RoleNameTaken
    if data.member is not None and data.member.project_id != project.pk:
        raise MemberNotOfProject
    if data.party is not None and data.party.project_id != project.pk:
        raise PartyNotOfProject
    return {
        "name": name,
        "description": (data.description or "").strip(),
        "member": data.member,
        "party": data.party,
    }


def _save_role(role: TeamRole) -> None:
    # Two people naming a role alike at the same moment: the database constraint decides.
    try:
        with transaction.atomic():
            role.save()
    except IntegrityError:
        raise RoleNameTaken from None


@transaction.atomic
def add_role(actor, project, data: RoleData) -> TeamRole:
    """Name a role of the project team, optionally filled by a member and/or a party.

    Names are unique within the project (ignoring case). Writes the role and a
    `raci.role_added` audit entry.
    """
    lock_open_project(project)
    values = _clean_role(project, data)
    role = TeamRole(project=project, created_by=actor, **values)
    _save_role(role)
    record_event(project=project, actor=actor, action="raci.role_added", obj=role, new=values)
    return role


def _roles():
    return TeamRole.objects.select_related("member__user", "party")


@transaction.atomic
def update_role(actor, role: TeamRole, data: RoleData, *, expected_version: int) -> TeamRole:
    """Rename a role, change its description or who fills it.

    Refused with RoleConflict when someone changed the role after `expected_version`.
    Writes a `raci.role_changed` audit entry with the old and new values, if anything changed.
    """
    project, role = lock_current(
        role, queryset=_roles(), expected_version=expected_version, conflict=RoleConflict
    )
    new = _clean_role(project, data, without=role)
    old = _role_values(role)
    changed = [name for name in ROLE_FIELDS if old[name] != new[name]]
    if not changed:
        return role
    for name in changed:
        setattr(role, name, new[name])
    role.version = F("version") + 1
    _save_role(role)
    role.refresh_from_db()
    record_event(
        project=project,
        actor=actor,
        action="raci.role_changed",
        obj=role,
        old={name: old[name] for name in changed},
        new={name: new[name] for name in changed},
    )
    return role


@transaction.atomic
def remove_role(actor, role: TeamRole) -> list[RaciRow]:
    """Remove a role and its letters; returns the rows this leaves without a valid A and R.

    Allowed even when the role holds an A or R: a person leaving must not block the team.
    The rows it leaves incomplete are flagged on the matrix and the compass until someone
    fixes them; the `raci.role_removed` audit entry names them.
    """
    project, role = lock_current(role, queryset=_roles())
    broken = [
        row
        for row in rows_held_by(role)
        if not _is_complete(_letters_of(row.cells.exclude(role=role)))
    ]
    record_event(
        project=project,
        actor=actor,
        action="raci.role_removed",
        obj=role,
        old=_role_values(role),
        new={"rows_left_incomplete": [row.label for row in broken]},
    )
    role.delete()
    return broken


# --- Rows -----------------------------------------------------------------------------------


def _letters_of(cells) -> list[str]:
    return list(cells.values_list("letter", flat=True))


def _is_complete(letters: list[str]) -> bool:
    return letters.count(Letter.ACCOUNTABLE) == 1 and Letter.RESPONSIBLE in letters


def check_letters(project, letters: dict) -> dict:
    """The row's letters as {role: letter} without empty cells, or the rule it breaks.

    Exactly one role has A and at least one has R; only the project's roles get letters.
    """
    kept = {}
    for role, letter in letters.items():
        if role.project_id != project.pk:
            raise RoleNotOfProject
        if letter in (None, ""):
            continue
        if letter not in Letter.values:
            raise InvalidLetter
        kept[role] = letter
    accountable = sorted(role.name for role, letter in kept.items() if letter == "A")
    if not accountable:
        raise NoAccountable
    if len(accountable) > 1:
        error = TwoAccountable if len(accountable) == 2 else SeveralAccountable
        raise error(count=len(accountable), roles=_join(accountable))
    if Letter.RESPONSIBLE not in kept.values():
        raise NoResponsible
    return kept


def _join(names: list[str]) -> str:
    return get_text_list(names, gettext("and"))


def _clean_row(project, data: RowData) -> tuple[str, str, dict]:
    activity = (data.activity or "").strip()
    step_key = (data.step_key or "").strip()
    if not activity and not step_key:
        raise RowSubjectRequired
    if step_key and not step_exists(step_key):
        raise StepNotInMethod
    return activity, step_key, check_letters(project, data.letters)


def _row_values(activity: str, step_key: str, letters: dict) -> dict:
    """What the audit keeps: the letters by role name, so the entry reads the same later."""
    by_name = {role.name: letter for role, letter in sorted(letters.items(), key=_by_name)}
    return {"activity": activity, "step_key": step_key, "letters": by_name}


def _by_name(item) -> str:
    return item[0].name.lower()


@transaction.atomic
def add_row(actor, project, data: RowData) -> RaciRow:
    """Add a row (an activity, a step, or both) with its letters; see `check_letters`.

    Nothing is written when a rule says no. Writes the row, its cells and a
    `raci.row_added` audit entry.
    """
    lock_open_project(project)
    activity, step_key, letters = _clean_row(project, data)
    row = RaciRow.objects.create(
        project=project, activity=activity, step_key=step_key, created_by=actor, updated_by=actor
    )
    RaciCell.objects.bulk_create(
        [RaciCell(row=row, role=role, letter=letter) for role, letter in letters.items()]
    )
    record_event(
        project=project,
        actor=actor,
        action="raci.row_added",
        obj=row,
        new=_row_values(activity, step_key, letters),
    )
    return row


@transaction.atomic
def update_row(actor, row: RaciRow, data: RowData, *, expected_version: int) -> RaciRow:
    """Change a row's activity, step or letters.

    Refused with RowConflict when someone changed the row after `expected_version` (the
    project lock makes the check and the write one step). Writes a `raci.row_changed`
    audit entry with the old and new values, if anything changed.
    """
    project, row = lock_current(row, expected_version=expected_version, conflict=RowConflict)
    activity, step_key, letters = _clean_row(project, data)
    old_letters = {cell.role: cell.letter for cell in row.cells.select_related("role")}
    old = _row_values(row.activity, row.step_key, old_letters)
    new = _row_values(activity, step_key, letters)
    if old == new:
        return row
    row.cells.all().delete()
    RaciCell.objects.bulk_create(
        [RaciCell(row=row, role=role, letter=letter) for role, letter in letters.items()]
    )
    RaciRow.objects.filter(pk=row.pk).update(
        activity=activity,
        step_key=step_key,
        version=F("version") + 1,
        updated_by=actor,
        updated_at=timezone.now(),
    )
    row.refresh_from_db()
    changed = [key for key in new if old[key] != new[key]]
    record_event(
        project=project,
        actor=actor,
        action="raci.row_changed",
        obj=row,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return row


@transaction.atomic
def remove_row(actor, row: RaciRow) -> None:
    """Remove a row and its letters. Writes a `raci.row_removed` entry with its last values."""
    project, row = lock_current(row)
    letters = {cell.role: cell.letter for cell in row.cells.select_related("role")}
    record_event(
        project=project,
        actor=actor,
        action="raci.row_removed",
        obj=row,
        old=_row_values(row.activity, row.step_key, letters),
    )
    row.delete()
