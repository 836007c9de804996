"""Reading the trail: filters, keyset paging through all of it, one thing's history."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wijkkoers.audit.models import AuditEvent
from wijkkoers.audit.queries import Cursor, TrailFilter, _before, history_of, trail
from wijkkoers.projects.services import ProgressChange, change_member_role, set_step_progress

pytestmark = pytest.mark.django_db


def add_events(project, actor, count, *, same_time_every=3):
    """`count` progress events a minute apart; every few share a time, to test the id tiebreak."""
    start = timezone.now() - timedelta(days=1)
    AuditEvent.objects.bulk_create(
        AuditEvent(
            project=project,
            actor=actor,
            actor_name=actor.display_name,
            action="progress.changed",
            at=start + timedelta(minutes=number // same_time_every),
            object_type="step_progress",
            object_id=f"stap-{number}",
            object_repr=f"Stap {number}",
            old={"status": "niet_gestart"},
            new={"status": "gestart"},
        )
        for number in range(count)
    )


def newest_first(project):
    return list(AuditEvent.objects.filter(project=project).values_list("pk", flat=True))


def test_paging_walks_the_whole_trail_both_ways(alice, project):
    add_events(project, alice, 250 - AuditEvent.objects.filter(project=project).count())
    pages, page = [], trail(project)

    while True:
        pages.append(page)
        if not page.older:
            break
        page = trail(project, older_than=page.older)
    back = [pages[-1]]
    while back[-1].newer:
        back.append(trail(project, newer_than=back[-1].newer))

    seen = [entry.event.pk for p in pages for entry in p.entries]
    assert [len(p.entries) for p in pages] == [50, 50, 50, 50, 50]
    assert seen == newest_first(project)
    assert (pages[0].newer, pages[-1].older) == (None, None)
    assert [[e.event.pk for e in p.entries] for p in reversed(back)] == [
        [e.event.pk for e in p.entries] for p in pages
    ]


def test_paging_costs_the_same_on_the_first_middle_and_last_page(alice, project):
    add_events(project, alice, 249)
    cursors, page = [None], trail(project)
    while page.older:
        cursors.append(page.older)
        page = trail(project, older_than=page.older)
    counts = []

    for cursor in (cursors[0], cursors[2], cursors[-1]):
        with CaptureQueriesContext(connection) as queries:
            trail(project, older_than=cursor)
        counts.append(len(queries))

    # The page itself; after a cursor also "is there anything newer?".
    assert counts == [1, 2, 2]


def test_filters_by_actor_group_and_object(alice, bob, mila, project, method):
    set_step_progress(bob, project, "rol-vve", ProgressChange(status="gestart"), expected_version=0)
    change_member_role(alice, project.memberships.get(user=mila), "teamlid")

    by_bob = trail(project, TrailFilter(actor_id=bob.pk))
    members = trail(project, TrailFilter(group="membership"))
    step = trail(project, TrailFilter(object_type="step_progress", object_id="rol-vve"))

    assert [e.event.action for e in by_bob.entries] == ["progress.changed"]
    assert [e.event.action for e in members.entries][0] == "member.role_changed"
    assert {e.event.action for e in members.entries} == {"member.role_changed", "member.added"}
    assert [e.actor_name for e in step.entries] == ["Bob Teamlid"]


def test_history_of_one_thing_is_newest_first(alice, project, method):
    for version, status in enumerate(["gestart", "gepauzeerd", "afgerond"]):
        set_step_progress(
            alice, project, "rol-vve", ProgressChange(status=status), expected_version=version
        )

    history = history_of(project, "step_progress", "rol-vve")

    assert [e.event.new["status"] for e in history] == ["afgerond", "gepauzeerd", "gestart"]


@pytest.mark.parametrize(
    "text", [None, "", "abc", "1-", "-1-5", "1-2-3", "1\x00-2", "9" * 19 + "-1", "１-２", "1-2\n"]
)
def test_a_malformed_cursor_is_no_cursor(text):
    assert Cursor.parse(text) is None


def test_a_cursor_reads_back_exactly(alice, project):
    event = AuditEvent.objects.filter(project=project).first()

    cursor = Cursor.parse(str(Cursor.of(event)))

    assert cursor == Cursor(event.at, event.pk)


def test_a_project_with_a_trail_cannot_be_deleted(alice, project):
    count = AuditEvent.objects.filter(project=project).count()

    with pytest.raises(ProtectedError):
        project.delete()

    assert AuditEvent.objects.filter(project=project).count() == count >= 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan is SQLite's")
def test_the_trail_query_uses_its_index(alice, project):
    add_events(project, alice, 20)
    cursor = trail(project, size=5).older

    plan = (
        AuditEvent.objects.filter(project=project)
        .filter(_before(cursor))
        .order_by("-at", "-id")[:51]
        .explain()
    )

    assert "audit_project_at_id" in plan
    assert "TEMP B-TREE" not in plan  # no sorting: the index is already in page order
