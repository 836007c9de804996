"""The documents, links and search pages run as many queries with 10 entries as with 500,
under fixed ceilings (SQLite, warm catalogue, logged in, session from the cache)."""

from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkoers.logbook.models import Document, Entry, EntryKind, EntryStep, Link
from wijkkoers.projects.services import add_party

STEPS = ["helderheid-over-ambities", "doel-en-verhaal"]

# Measured as a teamlid: documents 9, links 9 (a page of entries, their steps and parties,
# the count for the pager, the project's parties for the form), document 6, link 6, search 4.
CEILINGS = {"documents": 9, "links": 9, "document": 6, "link": 6, "search": 4}


def fill(project, count, party):
    """`count` documents and `count` links, each with two steps and a party."""
    start = date(2026, 1, 1)
    entries = Entry.objects.bulk_create(
        [
            Entry(
                project=project,
                kind=EntryKind.DOCUMENT if number % 2 == 0 else EntryKind.LINK,
                title=f"Stuk {number} over het warmteplan",
                occurred_on=start + timedelta(days=number % 300),
            )
            for number in range(count * 2)
        ]
    )
    Document.objects.bulk_create(
        [
            Document(
                entry=entry,
                file=f"logbook/{project.public_id}/x{entry.pk}",
                original_name=f"{entry.title}.pdf",
                content_type="application/pdf",
                size=1000,
                sha256="0" * 64,
            )
            for entry in entries
            if entry.kind == EntryKind.DOCUMENT
        ]
    )
    Link.objects.bulk_create(
        [
            Link(entry=entry, url=f"https://example.org/{entry.pk}")
            for entry in entries
            if entry.kind == EntryKind.LINK
        ]
    )
    EntryStep.objects.bulk_create(
        [
            EntryStep(entry=entry, project=project, step_key=key)
            for entry in entries
            for key in STEPS
        ]
    )
    Entry.parties.through.objects.bulk_create(
        [Entry.parties.through(entry=entry, party=party) for entry in entries]
    )
    return entries


def count_queries(client, url):
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def urls(project):
    document = Document.objects.filter(entry__project=project).select_related("entry").first()
    link = Link.objects.filter(entry__project=project).select_related("entry").first()
    base = [project.public_id]
    return {
        "documents": reverse("logbook:documents", args=base),
        "links": reverse("logbook:links", args=base),
        "document": reverse("logbook:document", args=[*base, document.entry.public_id]),
        "link": reverse("logbook:link", args=[*base, link.entry.public_id]),
        "search": reverse("logbook:search", args=base) + "?q=warmteplan",
    }


def test_queries_flat_from_10_to_500_entries_and_under_the_ceiling(
    client, alice, bob, project, method
):
    party = add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    fill(project, 5, party)
    client.force_login(bob)
    small = {name: count_queries(client, url) for name, url in urls(project).items()}
    fill(project, 245, party)

    large = {name: count_queries(client, url) for name, url in urls(project).items()}

    assert large == small
    for name, count in large.items():
        assert count <= CEILINGS[name], (name, large)
