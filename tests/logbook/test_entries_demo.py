"""The demo project's logbook: made through the services, a kick-off with what was decided."""

import pytest

from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.models import DecisionRevision, Entry
from wijkkoers.projects.demo import create_demo_project

pytestmark = pytest.mark.django_db


def test_demo_project_has_a_logbook(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    entries = Entry.objects.filter(project=project)
    kick_off = entries.get(kind="bijeenkomst")
    assert kick_off.meeting_detail.kind == "startbijeenkomst"
    recorded = entries.filter(meeting=kick_off.meeting_detail)
    assert sorted(recorded.values_list("kind", flat=True)) == [
        "actie",
        "afspraak",
        "besluit",
        "besluit",
    ]
    assert DecisionRevision.objects.filter(decision__entry__project=project, number=2).count() == 1
    assert AuditEvent.objects.filter(project=project, action="decision.revised").count() == 1
    assert create_demo_project(alice, bob, mila) == project
    assert Entry.objects.filter(project=project).count() == entries.count()
