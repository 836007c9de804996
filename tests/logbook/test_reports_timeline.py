"""The timeline: entries and step status changes in one story, filtered and paged."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.logbook.report_rows import agreement, decision, document, meeting, progress
from wijkkoers.logbook.models import Entry, EntryKind
from wijkkoers.logbook.report_queries import Cursor, TimelineFilter, timeline
from wijkkoers.projects.services import add_party, create_project

pytestmark = pytest.mark.django_db

STEP = "helderheid-over-ambities"
OTHER_STEP = "doel-en-verhaal"
DAY = date(2025, 3, 1)
CEILING = 10  # SQLite, warm catalogue, logged in, session from the cache


def bulk_entries(project, count, start=DAY):
    Entry.objects.bulk_create(
        Entry(
            project=project,
            kind=[EntryKind.DECISION, EntryKind.AGREEMENT, EntryKind.MEETING][i % 3],
            title=f"Item {i}",
            occurred_on=start + timedelta(days=i % 400),
        )
        for i in range(count)
    )


@pytest.fixture
def story(project, alice, method):
    party = add_party(alice, project, name="Woonstede", party_type="woningcorporatie")
    decision(project, "Besluit A", DAY, user=alice, steps=[STEP], parties=[party])
    agreement(project, "Afspraak B", DAY + timedelta(days=1), user=alice)
    meeting(project, "Startbijeenkomst", DAY - timedelta(days=1), parties=[party])
    document(project, "Plan", DAY + timedelta(days=2))
    progress(alice, project, STEP, "gestart", DAY + timedelta(days=3))
    progress(alice, project, STEP, "gestart", DAY + timedelta(days=4), note="alleen een notitie")
    progress(alice, project, OTHER_STEP, "afgerond", DAY + timedelta(days=5))
    return party


def test_one_story_newest_first(project, story):
    items = timeline(project).items

    assert [item.title for item in items][:1] == [items[0].title]
    assert [item.kind for item in items] == [
        "status",
        "status",
        "document",
        "afspraak",
        "besluit",
        "bijeenkomst",
    ]
    # The note-only change is not a status change.
    assert items[1].status == "gestart"
    assert items[1].old_status_label


def test_filters(project, story):
    def kinds(**filters):
        return [item.kind for item in timeline(project, TimelineFilter(**filters)).items]

    assert kinds(kind="besluit") == ["besluit"]
    assert kinds(kind="status") == ["status", "status"]
    assert kinds(step_key=STEP) == ["status", "besluit"]
    assert kinds(party=story) == ["besluit", "bijeenkomst"]
    assert kinds(start=DAY, end=DAY + timedelta(days=2)) == ["document", "afspraak", "besluit"]
    assert kinds(start=DAY + timedelta(days=5)) == ["status"]


def test_pages_cover_everything_once(project, alice, story):
    bulk_entries(project, 25)
    seen, cursor = [], None
    while True:
        page = timeline(project, older_than=cursor, size=4)
        seen += [item.cursor for item in page.items]
        if page.older is None:
            break
        cursor = Cursor.parse(str(page.older))
        assert cursor == page.older

    assert len(seen) == 31
    assert len(set(seen)) == 31
    assert seen == sorted(seen, reverse=True)


@pytest.mark.parametrize("cursor", ["", "x", "1-2-3-4", "99999999-1-1-1", "1-1-0-\x00"])
def test_malformed_cursor_is_page_one(client, project, bob, story, cursor):
    client.force_login(bob)
    url = reverse("logbook:timeline", args=[project.public_id])

    response = client.get(url, {"ouder": cursor})

    assert response.status_code == 200
    assert response.context["page"].is_first or cursor == "1-2-3-4"


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "besluit"},
        {"soort": "onzin"},
        {"stap": STEP},
        {"stap": "bestaat-niet"},
        {"partij": "x" * 12},
        {"van": "2025-03-01", "tot": "gisteren"},
        {"van": "\x00"},
    ],
)
def test_any_filter_gives_a_page(client, project, bob, story, params):
    client.force_login(bob)

    response = client.get(reverse("logbook:timeline", args=[project.public_id]), params)

    assert response.status_code == 200


def test_page_shows_the_story(client, project, bob, story):
    client.force_login(bob)

    html = client.get(reverse("logbook:timeline", args=[project.public_id])).content.decode()

    assert "Besluit A" in html
    assert "Startbijeenkomst" in html
    assert reverse("projects:step", args=[project.public_id, STEP]) in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_timeline_queries_flat(client, alice, method):
    small = create_project(alice, name="Klein", municipality="A")
    large = create_project(alice, name="Groot", municipality="B")
    bulk_entries(small, 10)
    bulk_entries(large, 500)
    for project in (small, large):
        decision(project, "Met stap", DAY, steps=[STEP])
        progress(alice, project, STEP, "gestart", DAY)
    client.force_login(alice)

    def url(project, **params):
        base = reverse("logbook:timeline", args=[project.public_id])
        return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")

    few, many = count_queries(client, url(small)), count_queries(client, url(large))
    page = timeline(large)
    deep = count_queries(client, url(large, ouder=page.older))

    assert few == many == deep
    assert many <= CEILING
