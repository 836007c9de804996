"""Two members saving the definition at the same moment from the same version: one new
version, one conflict (PostgreSQL; SQLite serialises writers). The service locks the
project row first, then compares the version the user saw with the newest."""

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.projects.test_concurrency import clean_up, in_thread, race
from tests.tools.housingcost_rows import define
from wijkkoers.housingcost.errors import DefinitionConflict
from wijkkoers.housingcost.models import DefinitionVersion
from wijkkoers.projects.models import Membership, Project, Role
from wijkkoers.projects.services import create_project

ROUNDS = 5

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL.",
    ),
]


def setup_round(number):
    first = UserFactory(email=f"woonlasten-a-{number}@example.org")
    second = UserFactory(email=f"woonlasten-b-{number}@example.org")
    project = create_project(first, name=f"Woonlastenrace {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    return project.pk, first.pk, second.pk


def define_as(user_pk, project_pk, conflicts):
    """Save a first definition; a conflict is kept in `conflicts` (the race is the test)."""
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    try:
        define(user, Project.objects.get(pk=project_pk))
    except DefinitionConflict as conflict:
        conflicts.append(conflict)


def numbers(project_pk):
    return sorted(
        DefinitionVersion.objects.filter(project_id=project_pk).values_list("number", flat=True)
    )


def test_two_first_definitions_at_once_make_one_version():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, first, second = in_thread(setup_round, number)
        try:
            conflicts = []
            race(
                lambda a=first, p=project_pk, c=conflicts: define_as(a, p, c),
                lambda b=second, p=project_pk, c=conflicts: define_as(b, p, c),
            )
            outcomes.append((in_thread(numbers, project_pk), len(conflicts)))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(found == [1] and refused == 1 for found, refused in outcomes), outcomes
