"""Logbook pages run the same number of queries with 10 or 500 entries, under a ceiling;
so does the project step page with its logbook."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wijkkoers.logbook.bulk import LogbookBuilder
from wijkkoers.logbook.models import Entry
from wijkkoers.logbook.services.entries import DecisionData, record_decision, revise_decision
from wijkkoers.projects.services import add_party
from wijkkoers.tools.registry import query_budget

pytestmark = pytest.mark.django_db
STEP = "helderheid-over-ambities"

# Warm catalogue, logged in, session from the cache (SQLite).
CEILINGS = {
    "index": 9,
    "decisions": 5,
    "agreements": 5,
    "actions": 5,
    "meetings": 5,
    "step": 8,
}


def fill(project, count, seed=1):
    builder = LogbookBuilder(rng=random.Random(seed), today=timezone.localdate())
    memberships = list(project.memberships.all())
    builder.add(
        project,
        count=count,
        memberships=memberships,
        parties=list(project.parties.all()),
        users=[m.user for m in memberships],
        step_keys=[STEP, "gezamenlijke-ambitie"],
        every=True,
    )
    builder.write(timezone.now())


def count_queries(client, url):
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def urls(project):
    base = lambda name: reverse(f"logbook:{name}", args=[project.public_id])  # noqa: E731
    return {
        "index": base("index"),
        "decisions": base("decisions"),
        "agreements": base("agreements") + "?toon=open",
        "actions": base("actions"),
        "meetings": base("meetings"),
        "step": reverse("projects:step", args=[project.public_id, STEP]),
    }


def test_logbook_pages_flat_with_10_and_500_entries(client, alice, project, method):
    add_party(alice, project, name="Gemeente", party_type="gemeente")
    client.force_login(alice)
    fill(project, 10)
    small = {name: count_queries(client, url) for name, url in urls(project).items()}
    fill(project, 490, seed=2)
    assert Entry.objects.filter(project=project).count() == 500

    large = {name: count_queries(client, url) for name, url in urls(project).items()}

    assert large == small
    for name, ceiling in CEILINGS.items():
        # The step page also shows the working tools serving the step (their fixed budget).
        budget = query_budget(step_key=STEP) if name == "step" else 0
        assert large[name] <= ceiling + budget, name


def test_decision_detail_flat_as_revisions_grow(client, alice, project, method):
    entry = record_decision(
        alice, project, DecisionData(title="Besluit", decided_on=timezone.localdate())
    )
    url = reverse("logbook:besluit", args=[project.public_id, entry.public_id])
    client.force_login(alice)
    with_one = count_queries(client, url)
    for number in range(1, 8):
        revise_decision(
            alice,
            entry,
            DecisionData(title=f"Besluit {number}", decided_on=timezone.localdate()),
            based_on=number,
            reason="nieuw",
        )
    assert count_queries(client, url) == with_one
