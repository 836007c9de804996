"""The sub-projects' progress as it stood on a day, read from the audit trail."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.logbook.report_rows import moment, progress
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.report_queries import snapshot
from wijkkoers.projects.services import add_subproject, remove_subproject

pytestmark = pytest.mark.django_db

STEP, OTHER = "helderheid-over-ambities", "gezamenlijke-ambitie"
MARCH, APRIL, MAY = date(2025, 3, 10), date(2025, 4, 10), date(2025, 5, 10)


def _added_on(subproject, day):
    AuditEvent.objects.filter(action="subproject.added", object_id=subproject.public_id).update(
        at=moment(day)
    )


@pytest.fixture
def subs(project, alice, method):
    """North finished a step in April; South started in May; West was added in May."""
    project.start_date = date(2025, 1, 1)
    project.save()
    north = add_subproject(alice, project, name="Noord")
    south = add_subproject(alice, project, name="Zuid")
    _added_on(north, MARCH)
    _added_on(south, MARCH)
    progress(alice, project, STEP, "gestart", MARCH, subproject=north)
    progress(alice, project, STEP, "afgerond", APRIL, subproject=north)
    progress(alice, project, STEP, "gestart", MAY, subproject=south)
    west = add_subproject(alice, project, name="West")
    _added_on(west, MAY)
    return north, south, west


def _by_name(snap):
    return {s.label: s for s in snap.subprojects}


def test_subproject_progress_of_a_past_day(project, subs):
    then = _by_name(snapshot(project, APRIL))

    assert set(then) == {"Noord", "Zuid"}  # West was added later
    assert (then["Noord"].finished, then["Noord"].in_progress) == (1, 0)
    assert (then["Zuid"].finished, then["Zuid"].in_progress) == (0, 0)


def test_subproject_progress_before_the_step_was_finished(project, subs):
    march = _by_name(snapshot(project, MARCH))

    assert (march["Noord"].finished, march["Noord"].in_progress) == (0, 1)


def test_subproject_progress_today_reads_the_rows(project, subs):
    today = _by_name(snapshot(project, timezone.localdate()))

    assert set(today) == {"Noord", "Zuid", "West"}
    assert today["Noord"].finished == 1
    assert today["Zuid"].in_progress == 1
    assert today["West"].finished == today["West"].in_progress == 0


def test_a_subproject_removed_since_is_shown_for_before(project, alice, method):
    gone = add_subproject(alice, project, name="Oost")
    _added_on(gone, MARCH)
    remove_subproject(alice, gone)

    then = _by_name(snapshot(project, APRIL))
    today = _by_name(snapshot(project, timezone.localdate()))

    assert then["Oost"].removed_later
    assert "Oost" not in today


def test_the_whole_projects_not_applicable_of_then_is_inherited(project, alice, subs):
    north, *_ = subs
    progress(alice, project, OTHER, "nvt", MARCH, reason="Al gedaan")
    progress(alice, project, OTHER, "gestart", MAY)

    april = _by_name(snapshot(project, APRIL))
    may = _by_name(snapshot(project, MAY))

    assert april["Zuid"].not_applicable == 1
    assert may["Zuid"].not_applicable == 0


def test_report_and_briefing_show_the_subprojects_of_then(client, project, subs, bob):
    client.force_login(bob)
    for name in ("logbook:report_print", "logbook:briefing"):
        url = reverse(name, args=[project.public_id])
        html = client.get(url, {"datum": APRIL.isoformat()}).content.decode()

        assert "Noord" in html
        assert "Zuid" in html
        assert "West" not in html


def test_subprojects_as_of_costs_two_queries(project, subs, django_assert_num_queries):
    from wijkkoers.logbook.report_queries import progress_as_of
    from wijkkoers.logbook.report_subprojects import subprojects_as_of
    from wijkkoers.method.catalogue import get_catalogue

    catalogue = get_catalogue()
    whole = progress_as_of(project, APRIL)
    cutoff = moment(APRIL + timedelta(days=1), 0)
    with django_assert_num_queries(3):  # the sub-projects, their trail events, their progress
        subprojects_as_of(project, APRIL, cutoff=cutoff, catalogue=catalogue, whole=whole)
