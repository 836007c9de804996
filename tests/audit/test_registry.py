"""Actions are registered once, stored as JSON, and read as words, never as codes."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from tests.factories import UserFactory
from wijkkoers.audit import display
from wijkkoers.audit.entries import entry_for
from wijkkoers.audit.models import AuditEvent
from wijkkoers.audit.registry import Field, UnknownAction
from wijkkoers.audit.services import record_event
from wijkkoers.projects.models import StepStatus

pytestmark = pytest.mark.django_db


def test_record_event_refuses_an_unregistered_action(alice, project):
    with pytest.raises(UnknownAction):
        record_event(project=project, actor=alice, action="thing.unheard_of", obj=project)

    assert not AuditEvent.objects.filter(action="thing.unheard_of").exists()


def test_registering_an_action_twice_is_refused(scratch_registry):
    scratch_registry.register_group("tests", "Tests")
    scratch_registry.register_action("tests.done", group="tests", summary="%(actor)s did it")

    with pytest.raises(ImproperlyConfigured):
        scratch_registry.register_action("tests.done", group="tests", summary="again")


def test_an_action_needs_a_registered_group(scratch_registry):
    with pytest.raises(ImproperlyConfigured):
        scratch_registry.register_action("tests.done", group="nowhere", summary="x")


def test_values_round_trip_as_json(alice, bob, project, scratch_registry):
    scratch_registry.register_group("tests", "Tests")
    scratch_registry.register_action("tests.values", group="tests", summary="%(actor)s")
    when = datetime(2026, 12, 1, 9, 30, 15, 123456)

    event = record_event(
        project=project,
        actor=alice,
        action="tests.values",
        obj=project,
        old={"day": date(2026, 12, 1), "people": [alice, bob], "tags": ("a", "b")},
        new={"day": None, "at": when, "done": True, "count": 3},
    )
    event.refresh_from_db()

    assert event.old == {
        "day": "2026-12-01",
        "people": [
            {"id": str(alice.pk), "name": "Alice Projectleider"},
            {"id": str(bob.pk), "name": "Bob Teamlid"},
        ],
        "tags": ["a", "b"],
    }
    assert event.new == {"day": None, "at": "2026-12-01T09:30:15.123", "done": True, "count": 3}


def test_a_snapshot_field_stores_the_name_as_it_was(alice, project, scratch_registry):
    scratch_registry.register_group("tests", "Tests")
    scratch_registry.register_action(
        "tests.snapshot",
        group="tests",
        summary="%(actor)s",
        fields={"kind": Field("kind", snapshot=lambda key: {"id": key, "name": key.upper()})},
    )

    event = record_event(
        project=project, actor=alice, action="tests.snapshot", obj=project, new={"kind": "abc"}
    )

    assert event.new == {"kind": {"id": "abc", "name": "ABC"}}


def test_a_deleted_actor_still_reads_by_name(project):
    gone = UserFactory(name="Gijs Vertrokken")
    record_event(
        project=project, actor=gone, action="member.joined", obj=gone, new={"role": "teamlid"}
    )

    gone.delete()
    event = AuditEvent.objects.get(action="member.joined", actor_name="Gijs Vertrokken")

    assert event.actor is None
    with translation.override("nl"):
        assert "Gijs Vertrokken</strong> werd lid van het team" in entry_for(event).summary


def test_an_unknown_action_or_field_still_reads(project):
    event = AuditEvent.objects.create(
        project=project,
        actor_name="Alice",
        action="gone.away",
        object_repr="Iets <b>ouds</b>",
        old={"mystery_field": "x"},
        new={"mystery_field": ["y", "z"]},
    )

    with translation.override("nl"):
        entry = entry_for(event)

    assert entry.summary == "<strong>Alice</strong> wijzigde iets aan Iets &lt;b&gt;ouds&lt;/b&gt;"
    assert entry.changes == ["mystery field: van ‘x’ naar ‘y, z’"]


@pytest.mark.parametrize(
    ("show", "stored", "shown"),
    [
        (display.date, "2026-03-05", "5 maart 2026"),
        (display.date, "not a date", "not a date"),
        (display.yes_no, True, "ja"),
        (display.yes_no, False, "nee"),
        (display.text, {"id": "7", "name": "Bob Teamlid"}, "Bob Teamlid"),
        (display.text, ["a", "b"], "a, b"),
        (display.text, None, "—"),
        (display.text, "", "—"),
        (display.text, [], "—"),
        (display.choice(StepStatus.choices), "niet_gestart", "niet gestart"),
        (display.choice([("x", "old label")]), "unknown", "unknown"),
    ],
)
def test_values_show_in_dutch(show, stored, shown):
    with translation.override("nl"):
        assert display.value(show, stored) == shown
