"""Two members saving the same RACI row at the same moment (PostgreSQL; SQLite serialises
writers): one change is saved, the other is refused as a conflict, and the row keeps
exactly one A. The service locks the project row, then compares versions."""

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread, race
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Membership, Project, Role
from wijkkoers.projects.services import create_project
from wijkkoers.raci.errors import RowConflict
from wijkkoers.raci.models import RaciRow, TeamRole
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row, update_row

ROUNDS = 5

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL.",
    ),
]


def setup_round(number):
    first = UserFactory(email=f"raci-a-{number}@example.org")
    second = UserFactory(email=f"raci-b-{number}@example.org")
    project = create_project(first, name=f"RACI-race {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    roles = [add_role(first, project, RoleData(name=f"Rol {n}")) for n in range(3)]
    row = add_row(first, project, RowData(activity="Plan", letters={roles[0]: "A", roles[1]: "R"}))
    return project.pk, row.pk, first.pk, second.pk


def give_a_to(user_pk, row_pk, role_index):
    """Move the A to another role, based on version 0 (what both users saw)."""
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    row = RaciRow.objects.select_related("project").get(pk=row_pk)
    roles = list(TeamRole.objects.filter(project=row.project).order_by("name"))
    letters = dict.fromkeys(roles, "R")
    letters[roles[role_index]] = "A"
    update_row(user, row, RowData(activity="Plan", letters=letters), expected_version=0)


def state(row_pk):
    row = RaciRow.objects.get(pk=row_pk)
    letters = list(row.cells.values_list("letter", flat=True))
    return row.version, letters.count("A")


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def test_two_saves_of_one_raci_row_at_once_save_one_and_keep_one_a():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, row_pk, first, second = in_thread(setup_round, number)
        try:
            errors = race(
                lambda a=first, r=row_pk: give_a_to(a, r, 1),
                lambda b=second, r=row_pk: give_a_to(b, r, 2),
                expected=RowConflict,
            )
            outcomes.append((in_thread(state, row_pk), sum(e is not None for e in errors)))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(found == (1, 1) for found, _refused in outcomes), outcomes
    assert all(refused == 1 for _found, refused in outcomes), outcomes
