"""The briefing and the printable report run the same number of queries with 10 or 500
logbook entries, under a fixed ceiling (SQLite, warm catalogue, logged in)."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.logbook.report_rows import progress
from wijkkoers.logbook.models import (
    Agreement,
    AgreementRevision,
    Decision,
    DecisionRevision,
    Entry,
    EntryKind,
)
from wijkkoers.projects.services import create_project
from wijkkoers.tools.registry import query_budget

pytestmark = pytest.mark.django_db

CEILINGS = {"logbook:briefing": 18, "logbook:report_print": 16}
STEP = "helderheid-over-ambities"


def fill(project, count):
    kinds = [EntryKind.DECISION, EntryKind.AGREEMENT, EntryKind.MEETING, EntryKind.DOCUMENT]
    entries = Entry.objects.bulk_create(
        Entry(
            project=project,
            kind=kinds[i % 4],
            title=f"Item {i}",
            occurred_on=date(2025, 1, 1) + timedelta(days=i % 300),
        )
        for i in range(count)
    )
    decisions = Decision.objects.bulk_create(
        Decision(entry=e) for e in entries if e.kind == EntryKind.DECISION
    )
    DecisionRevision.objects.bulk_create(
        DecisionRevision(decision=d, number=n, title=d.entry.title)
        for d in decisions
        for n in (1, 2)
    )
    agreements = Agreement.objects.bulk_create(
        Agreement(entry=e) for e in entries if e.kind == EntryKind.AGREEMENT
    )
    AgreementRevision.objects.bulk_create(
        AgreementRevision(agreement=a, number=1, title=a.entry.title, made_on=a.entry.occurred_on)
        for a in agreements
    )


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "ceiling"), CEILINGS.items())
def test_queries_flat_as_the_logbook_grows(client, alice, method, name, ceiling):
    small = create_project(alice, name="Klein", municipality="A")
    large = create_project(alice, name="Groot", municipality="B")
    fill(small, 10)
    fill(large, 500)
    for project in (small, large):
        project.start_date = date(2025, 1, 1)  # so a day in 2025 is a day of the project
        project.save()
        progress(alice, project, STEP, "gestart", date(2025, 2, 1))
    client.force_login(alice)

    for as_of in ("", "?datum=2025-06-01"):
        few = count_queries(client, reverse(name, args=[small.public_id]) + as_of)
        many = count_queries(client, reverse(name, args=[large.public_id]) + as_of)
        assert few == many, as_of
        # The working tools' state in the document: their fixed budget (tools.registry).
        assert many <= ceiling + query_budget(summaries=True)
