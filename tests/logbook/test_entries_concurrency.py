"""Two members revising the same decision at the same moment: one new version, one conflict
(PostgreSQL; SQLite serialises writers). The service locks the project row first, then
compares the version the user saw with the current one."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.errors import RevisionConflict
from wijkkoers.logbook.models import Decision, DecisionRevision, Entry
from wijkkoers.logbook.services.entries import DecisionData, record_decision, revise_decision
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
    first = UserFactory(email=f"besluit-a-{number}@example.org")
    second = UserFactory(email=f"besluit-b-{number}@example.org")
    project = create_project(first, name=f"Besluitrace {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    entry = record_decision(
        first, project, DecisionData(title="Besluit", decided_on=timezone.localdate())
    )
    return project.pk, entry.pk, first.pk, second.pk


def revise_as(user_pk, entry_pk, title):
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    entry = Entry.objects.select_related("project").get(pk=entry_pk)
    revise_decision(
        user,
        entry,
        DecisionData(title=title, decided_on=timezone.localdate()),
        based_on=1,
        reason=title,
    )


def race(*calls):
    barrier = threading.Barrier(len(calls))
    errors = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
        except RevisionConflict as error:
            errors[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def versions(entry_pk):
    return list(
        DecisionRevision.objects.filter(decision_id=entry_pk).values_list("number", flat=True)
    )


def clean_up(project_pk, user_pks):
    Decision.objects.filter(entry__project_id=project_pk).update(current=None)
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def test_two_revisions_of_one_version_at_once_make_one_new_version():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, entry_pk, first, second = in_thread(setup_round, number)
        try:
            errors = race(
                lambda a=first, e=entry_pk: revise_as(a, e, "Van A"),
                lambda b=second, e=entry_pk: revise_as(b, e, "Van B"),
            )
            outcomes.append(
                (sorted(in_thread(versions, entry_pk)), sum(e is not None for e in errors))
            )
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(found == [1, 2] for found, _refused in outcomes), outcomes
    assert all(refused == 1 for _found, refused in outcomes), outcomes
