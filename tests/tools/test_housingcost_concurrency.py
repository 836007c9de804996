"""Two members saving the definition at the same moment from the same version: one new
version, one conflict (PostgreSQL; SQLite serialises writers). The service locks the
project row first, then compares the version the user saw with the newest."""

import threading

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread
from tests.tools.housingcost_rows import define
from wijkkoers.audit.models import AuditEvent
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


def define_as(user_pk, project_pk):
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    define(user, Project.objects.get(pk=project_pk))


def race(*calls):
    barrier = threading.Barrier(len(calls))
    conflicts = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
        except DefinitionConflict as error:
            conflicts[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return conflicts


def numbers(project_pk):
    return sorted(
        DefinitionVersion.objects.filter(project_id=project_pk).values_list("number", flat=True)
    )


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def test_two_first_definitions_at_once_make_one_version():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, first, second = in_thread(setup_round, number)
        try:
            conflicts = race(
                lambda a=first, p=project_pk: define_as(a, p),
                lambda b=second, p=project_pk: define_as(b, p),
            )
            refused = sum(c is not None for c in conflicts)
            outcomes.append((in_thread(numbers, project_pk), refused))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(found == [1] and refused == 1 for found, refused in outcomes), outcomes
