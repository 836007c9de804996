"""Two members saving the same stakeholder at the same moment (PostgreSQL; SQLite serialises
writers): one save wins, the other request is shown the winner's version with its own input
still in the form, and nothing is lost or half-written."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Membership, Party, Project, Role
from wijkkoers.projects.services import add_party, create_project
from wijkkoers.stakeholders.models import Stakeholder
from wijkkoers.stakeholders.services.register import StakeholderData, record_stakeholder

ROUNDS = 4

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL.",
    ),
]


def setup_round(number):
    first = UserFactory(email=f"register-a-{number}@example.org")
    second = UserFactory(email=f"register-b-{number}@example.org")
    project = create_project(first, name=f"Registerrace {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    party = add_party(first, project, name="Buurthuis", party_type=Party.OTHER, other_type="x")
    made = record_stakeholder(first, project, party=party, data=StakeholderData(interests="Begin"))
    url = reverse("stakeholders:stakeholder_edit", args=[project.public_id, made.public_id])
    return project.pk, made.pk, url, first.pk, second.pk


def form(interests):
    return {
        "interests": interests,
        "position": "neutraal",
        "version": 0,
        "prioriteit-TOTAL_FORMS": 1,
        "prioriteit-INITIAL_FORMS": 0,
        "prioriteit-0-text": f"Prioriteit {interests}",
        "prioriteit-0-rank": 1,
    }


def race(url, posts):
    """Each (user pk, data) posted by its own client on its own connection, at once."""
    barrier = threading.Barrier(len(posts))
    responses = [None] * len(posts)

    def run(index, user_pk, data):
        try:
            client = Client()
            client.force_login(UserFactory._meta.model.objects.get(pk=user_pk))
            barrier.wait(timeout=10)
            response = client.post(url, data)
            responses[index] = (response.status_code, response.content.decode())
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=run, args=(i, user, data)) for i, (user, data) in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def outcome(stakeholder_pk, project_pk):
    made = Stakeholder.objects.get(pk=stakeholder_pk)
    events = AuditEvent.objects.filter(project_id=project_pk, action="stakeholder.updated")
    return (
        made.version,
        made.interests,
        list(made.priorities.values_list("text", flat=True)),
        events.count(),
    )


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Stakeholder.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def test_two_saves_of_one_version_at_once_one_wins_other_sees_conflict():
    for number in range(ROUNDS):
        project_pk, made_pk, url, first, second = in_thread(setup_round, number)
        try:
            responses = race(url, [(first, form("Van A")), (second, form("Van B"))])
            version, interests, priorities, updates = in_thread(outcome, made_pk, project_pk)
        finally:
            in_thread(clean_up, project_pk, [first, second])

        statuses = sorted(status for status, _body in responses)
        assert statuses == [200, 302], responses
        assert version == 1
        assert updates == 1
        winner = interests.removeprefix("Van ")
        assert priorities == [f"Prioriteit Van {winner}"]  # the winner's whole change, not a mix
        (refused,) = [body for status, body in responses if status == 200]
        loser = "B" if winner == "A" else "A"
        assert f"Van {loser}" in refused  # the refused input is still in the form
        assert f"Van {winner}" in refused  # beside the change that won
