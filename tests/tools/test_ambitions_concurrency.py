"""Two members saving the same stakeholder's ambitions, or the same tension, at once from
the same version: one save, one conflict (PostgreSQL; SQLite serialises writers)."""

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread, race
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


def attempt(conflicts, call):
    """Run a save; a conflict is collected (the shared `race` counts only its own error)."""
    try:
        call()
    except EditConflict as error:
        conflicts.append(error)


def race_saves(save, pk, first, second) -> int:
    """Two members save the same thing from version 0 at once; how many got a conflict."""
    conflicts = []
    race(
        lambda: attempt(conflicts, lambda: save(first, pk, "Van A")),
        lambda: attempt(conflicts, lambda: save(second, pk, "Van B")),
    )
    return len(conflicts)


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


def test_two_saves_of_one_version_at_once_make_one_change():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, row_pk, tension_pk, first, second = in_thread(setup_round, number)
        try:
            ambitions = race_saves(save_ambitions, row_pk, first, second)
            tensions = race_saves(save_tension, tension_pk, first, second)
            outcomes.append((in_thread(state, row_pk, tension_pk), ambitions, tensions))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(outcome == ((1, 1), 1, 1) for outcome in outcomes), outcomes
