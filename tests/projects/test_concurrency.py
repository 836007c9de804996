"""Invariants hold when two people act at the same moment (PostgreSQL; SQLite serialises).

The services lock the project row before counting, so two projectleiders who demote or
remove each other at once cannot both pass. Each round's data is committed by a worker
thread on its own connection (the test's own transaction would hide it from the others)
and removed again at the end.
"""

import threading

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import LastProjectLeader
from wijkkoers.projects.models import Membership, Project, Role
from wijkkoers.projects.services import change_member_role, create_project, remove_member

ROUNDS = 10

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL "
        "(it runs in .ci/run's PostgreSQL pass).",
    ),
]


def in_thread(function, *args):
    """Run `function` on its own connection, committed; return its result or raise its error."""
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except Exception as error:  # noqa: BLE001 - handed back to the test thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def race(*calls, expected=LastProjectLeader):
    """Start every call at the same moment, each on its own connection; return their errors
    (the `expected` kind; any other error fails the call's thread)."""
    barrier = threading.Barrier(len(calls))
    errors = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
        except expected as error:
            errors[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def two_leaders(round_number):
    first = UserFactory(email=f"leider-a-{round_number}@example.org")
    second = UserFactory(email=f"leider-b-{round_number}@example.org")
    project = create_project(first, name=f"Race {round_number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.PROJECTLEIDER)
    return project.pk, first.pk, second.pk


def leaders_of(project_pk):
    return Membership.objects.filter(project_id=project_pk, role=Role.PROJECTLEIDER).count()


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def membership(project_pk, user_pk):
    return Membership.objects.select_related("project", "user").get(
        project_id=project_pk, user_id=user_pk
    )


def act_on(act, actor, target):
    if act == "demote":
        change_member_role(actor, target, Role.TEAMLID)
    else:
        remove_member(actor, target)


@pytest.mark.parametrize("act", ["demote", "remove"])
def test_two_leaders_acting_on_each_other_at_once_leave_a_leader(act):
    outcomes = []
    for round_number in range(ROUNDS):
        project_pk, first, second = in_thread(two_leaders, f"{act}-{round_number}")
        try:
            a, b = (in_thread(membership, project_pk, pk) for pk in (first, second))

            errors = race(
                lambda a=a, b=b: act_on(act, a.user, b), lambda a=a, b=b: act_on(act, b.user, a)
            )
            outcomes.append((in_thread(leaders_of, project_pk), sum(e is not None for e in errors)))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(leaders == 1 for leaders, _refused in outcomes), outcomes
    assert all(refused == 1 for _leaders, refused in outcomes), outcomes
