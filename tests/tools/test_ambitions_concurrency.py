"""Two members saving the same stakeholder's ambitions, or the same tension, at once from
the same version: one save, one conflict (PostgreSQL; SQLite serialises writers)."""

import threading

import pytest
from django.db import connection, connections

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Membership, Party, Project, Role
from wijkkoers.projects.services import add_party, create_project
from wijkkoers.stakeholders.errors_ambitions import EditConflict
from wijkkoers.stakeholders.models import Stakeholder, Tension
from wijkkoers.stakeholders.services.ambitions import (
    Ambitions,
    TensionData,
    record_tension,
    update_ambitions,
    update_tension,
)

ROUNDS = 3

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL.",
    ),
]


def race(*calls):
    """Run the calls at the same moment, each on its own connection; their conflicts."""
    barrier = threading.Barrier(len(calls))
    errors = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            call()
        except EditConflict as error:
            errors[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def setup_round(number):
    first = UserFactory(email=f"ambitie-a-{number}@example.org")
    second = UserFactory(email=f"ambitie-b-{number}@example.org")
    project = create_project(first, name=f"Ambitierace {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    rows = []
    for name in ("Corporatie", "Netbeheerder"):
        party = add_party(first, project, name=name, party_type=Party.OTHER, other_type=name)
        rows.append(Stakeholder.objects.create(project=project, party=party))
    tension = record_tension(first, project, TensionData(title="Tempo", stakeholders=rows))
    return project.pk, rows[0].pk, tension.pk, first.pk, second.pk


def save_ambitions(user_pk, stakeholder_pk, text):
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    row = Stakeholder.objects.select_related("project").get(pk=stakeholder_pk)
    update_ambitions(user, row, Ambitions(interests=text), expected_version=0)


def save_tension(user_pk, tension_pk, title):
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    tension = Tension.objects.select_related("project").get(pk=tension_pk)
    rows = list(tension.stakeholders.select_related("party"))
    update_tension(user, tension, TensionData(title=title, stakeholders=rows), expected_version=0)


def state(stakeholder_pk, tension_pk):
    return (
        Stakeholder.objects.get(pk=stakeholder_pk).version,
        Tension.objects.get(pk=tension_pk).version,
    )


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Tension.objects.filter(project_id=project_pk).delete()
    Stakeholder.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def _conflicts(errors):
    return sum(error is not None for error in errors)


def test_two_saves_of_one_version_at_once_make_one_change():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, row_pk, tension_pk, first, second = in_thread(setup_round, number)
        try:
            ambitions = race(
                lambda a=first, r=row_pk: save_ambitions(a, r, "Van A"),
                lambda b=second, r=row_pk: save_ambitions(b, r, "Van B"),
            )
            tensions = race(
                lambda a=first, t=tension_pk: save_tension(a, t, "Van A"),
                lambda b=second, t=tension_pk: save_tension(b, t, "Van B"),
            )
            outcomes.append(
                (in_thread(state, row_pk, tension_pk), _conflicts(ambitions), _conflicts(tensions))
            )
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(outcome == ((1, 1), 1, 1) for outcome in outcomes), outcomes
