"""What is cached of a project (the tools' summaries, the compass flags) is never shown after
a write: every write gives the project a new stamp (projects/freshness.py)."""

import re

import pytest
from django.core.signals import request_started
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.pages import build_site
from tests.tools.register_support import stakeholder
from wijkkoers.accounts.services import update_profile
from wijkkoers.core.errors import DomainError
from wijkkoers.projects import freshness
from wijkkoers.projects.models import Project
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    close_project,
    create_project,
    lock_open_project,
    reopen_project,
    set_step_progress,
)
from wijkkoers.tools.queries import step_tools

STEP = "de-juiste-partijen-aan-tafel"


@pytest.fixture(autouse=True)
def _cache_on(project_parts_cache):
    """The rest of the suite computes every part; here they are kept, as in production."""


def stamp(project) -> int:
    return Project.objects.values_list("data_stamp", flat=True).get(pk=project.pk)


def summary_lines(project) -> dict:
    project = Project.objects.get(pk=project.pk)  # as a new request loads it
    (state,) = [s for s in step_tools(project, STEP) if s.tool.key == "stakeholders"]
    return dict(state.summary.lines)


def test_a_write_through_a_service_gives_the_project_a_new_stamp(project, alice):
    before = stamp(project)
    stakeholder(alice, project, "Buurtvereniging De Linde")
    assert stamp(project) != before


def test_the_step_page_shows_a_stakeholder_added_after_it_was_cached(
    client, method, project, alice
):
    stakeholder(alice, project, "Buurtvereniging De Linde")
    client.force_login(alice)
    url = f"/projecten/{project.public_id}/stappen/{STEP}/"
    assert "<dt>Belanghebbenden</dt><dd>1</dd>" in client.get(url).content.decode()
    assert summary_lines(project)["Belanghebbenden"] == "1"  # cached now
    stakeholder(alice, project, "Energiecoöperatie Zon")
    assert summary_lines(project)["Belanghebbenden"] == "2"
    assert "<dt>Belanghebbenden</dt><dd>2</dd>" in client.get(url).content.decode()


@transaction.atomic
def refused_write(project):
    lock_open_project(project)
    raise DomainError("proef")  # a rule refuses after the lock: everything rolls back


def test_the_step_page_shows_a_new_status_and_sub_project_after_it_was_cached(
    client, method, project, alice
):
    # The step's own progress and the list of sub-projects are kept per stamp too.
    client.force_login(alice)
    url = f"/projecten/{project.public_id}/stappen/{STEP}/"
    first = client.get(url).content.decode()
    assert "Wijk Noord" not in first
    assert 'name="version" value="0"' in first

    set_step_progress(alice, project, STEP, ProgressChange(status="gestart"), expected_version=0)
    add_subproject(alice, project, name="Wijk Noord")

    page = client.get(url).content.decode()
    assert "Wijk Noord" in page
    assert "<strong>gestart</strong>" in page
    assert 'name="version" value="1"' in page


def test_the_kept_progress_of_a_step_holds_no_password_hash(project, alice):
    from wijkkoers.projects.queries import step_standing

    change = ProgressChange(status="gestart", owner=alice)
    set_step_progress(alice, project, STEP, change, expected_version=0)

    progress, _inherited = step_standing(project, None, STEP)

    assert progress.owner == alice
    assert "password" not in progress.owner.__dict__
    assert "password" not in progress.updated_by.__dict__


def test_a_refused_write_leaves_the_stamp_as_it_was(project, alice):
    before = stamp(project)
    with pytest.raises(DomainError):
        refused_write(project)
    assert stamp(project) == before


def test_a_request_sees_its_own_write_on_the_project_it_loaded_before(project, alice):
    loaded = Project.objects.get(pk=project.pk)
    stakeholder(alice, project, "Buurtvereniging De Linde")
    assert loaded.data_stamp != stamp(project)
    assert freshness.stamp_of(loaded) == stamp(project)
    request_started.send(sender=None)  # the next request loads the project afresh
    assert freshness.stamp_of(loaded) == loaded.data_stamp


def test_closing_and_reopening_change_the_stamp(project, alice):
    first = stamp(project)
    close_project(alice, project, reason="Klaar")
    second = stamp(project)
    reopen_project(alice, project, reason="Toch niet klaar")
    assert len({first, second, stamp(project)}) == 3


def test_a_new_name_shows_in_the_projects_of_that_person_only(project, alice):
    elsewhere = create_project(UserFactory(), name="Andere wijk", municipality="Elders")
    mine, theirs = stamp(project), stamp(elsewhere)
    update_profile(alice, name="Alice de Vries")
    assert stamp(project) != mine
    assert stamp(elsewhere) == theirs


def test_a_login_does_not_touch_the_projects(client, project, alice):
    before = stamp(project)
    client.force_login(alice)
    alice.save(update_fields=["last_login"])
    assert stamp(project) == before


def test_the_compass_counts_an_overdue_agreement_added_after_it_was_cached(
    client, method, project, alice
):
    from datetime import timedelta

    from django.utils import timezone

    from wijkkoers.logbook.services.entries import AgreementData, record_agreement

    today = timezone.localdate()
    owner = project.memberships.get(user=alice)

    def overdue(title):
        made, due = today - timedelta(days=9), today - timedelta(days=2)
        data = AgreementData(title=title, made_on=made, owner_member=owner, due_on=due)
        record_agreement(alice, project, data)

    client.force_login(alice)
    url = f"/projecten/{project.public_id}/"
    overdue("Conceptplan delen")
    assert "1 afspraak over tijd" in client.get(url).content.decode()
    overdue("Verslag rondsturen")
    assert "2 afspraken over tijd" in client.get(url).content.decode()


def test_the_timeline_and_the_step_logbook_show_an_entry_added_after_they_were_cached(
    client, method, project, alice
):
    from django.utils import timezone

    from wijkkoers.logbook.services.entries import DecisionData, record_decision

    client.force_login(alice)
    timeline = f"/projecten/{project.public_id}/logboek/tijdlijn/"
    step_page = f"/projecten/{project.public_id}/stappen/{STEP}/"
    decisions = reverse("logbook:decisions", args=[project.public_id])
    for url in (timeline, step_page, decisions):
        assert "Warmtenet verkennen" not in client.get(url).content.decode()
    data = DecisionData(
        title="Warmtenet verkennen", decided_on=timezone.localdate(), step_keys=[STEP]
    )
    record_decision(alice, project, data)
    for url in (timeline, step_page, decisions):
        assert "Warmtenet verkennen" in client.get(url).content.decode()


def test_the_portfolio_shows_progress_made_after_it_was_cached(client, method, project, alice):
    other = create_project(alice, name="Tweede wijk", municipality="Utrecht")
    client.force_login(alice)
    url = reverse("projects:portfolio")
    assert client.get(url).content.decode().count("0 van ") == 2

    set_step_progress(alice, project, STEP, ProgressChange(status="afgerond"), expected_version=0)

    page = client.get(url).content.decode()
    assert page.count("0 van ") == 1  # the other project, kept as it was
    assert "1 van " in page
    assert other.name in page


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|csrf[-_]token[^>]*?"[A-Za-z0-9]{32,}"')


def test_every_project_page_reads_the_same_from_the_cache_as_computed_afresh(client, method):
    site = build_site()
    client.force_login(site.leader)
    asked = {"cold": 0, "warm": 0}
    for name, path in site.workspace.items():
        with CaptureQueriesContext(connection) as queries:
            cold = client.get(path)
        asked["cold"] += len(queries)
        with CaptureQueriesContext(connection) as queries:
            warm = client.get(path)
        asked["warm"] += len(queries)
        assert warm.status_code == cold.status_code, name
        if cold.get("Content-Type", "").startswith("text/html"):
            assert CSRF.sub("", warm.content.decode()) == CSRF.sub("", cold.content.decode()), name
        elif cold.status_code == 200 and not cold.streaming:
            assert warm.content == cold.content, name
    assert asked["warm"] < asked["cold"], asked  # the kept parts were used
