"""Project pages run the same number of queries with 1 or 50 steps in progress, and no more
than a fixed ceiling: the method comes from the catalogue, without a query once it is warm.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkoers.method.models import StepPage
from wijkkoers.projects.models import Membership, Role
from wijkkoers.projects.services import (
    ProgressChange,
    add_neighbourhood,
    add_party,
    add_subproject,
    create_project,
    set_step_progress,
)
from wijkkoers.tools.registry import query_budget

pytestmark = pytest.mark.django_db


# Warm catalogue, logged in, session from the cache. Before (SQLite): compass 15, step page
# 17, portfolio 12, settings 9, members 8, audit trail 8.
CEILINGS = {
    # +1: the count of overdue agreements (logbook); +1 for the briefing notice, until the
    # member opened the briefing once (then the session remembers it).
    # The compass and the step page also show the working tools (signals, state): each adds
    # its fixed budget (tools.registry.query_budget), see _tool_budget.
    "projects:compass": 7,
    "projects:step": 8,  # +1: the step's logbook, one query (logbook.queries.step_logbook)
    "projects:portfolio": 3,
    "projects:settings": 7,
    "projects:members": 6,
    "projects:audit": 6,
}


def start_steps(user, project, count):
    keys = list(StepPage.objects.order_by("path").values_list("key", flat=True))[:count]
    for key in keys:
        set_step_progress(
            user, project, key, ProgressChange(status="gestart", owner=user), expected_version=0
        )


def count_queries(client, url):
    client.get(url)  # warm up: the first request of a session does extra session work
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_compass_queries_flat(client, alice, method):
    small = create_project(alice, name="Klein", municipality="A")
    large = create_project(alice, name="Groot", municipality="B")
    start_steps(alice, small, 1)
    start_steps(alice, large, 50)
    client.force_login(alice)

    assert count_queries(
        client, reverse("projects:compass", args=[small.public_id])
    ) == count_queries(client, reverse("projects:compass", args=[large.public_id]))


def test_portfolio_queries_flat(client, alice, bob, method):
    one = create_project(alice, name="Een", municipality="A")
    start_steps(alice, one, 1)
    client.force_login(alice)
    with_one = count_queries(client, reverse("projects:portfolio"))
    for number in range(3):
        project = create_project(bob, name=f"Project {number}", municipality="B")
        Membership.objects.create(project=project, user=alice, role=Role.TEAMLID)
        start_steps(bob, project, 50)

    assert count_queries(client, reverse("projects:portfolio")) == with_one


def test_members_and_audit_queries_flat(client, alice, project, method):
    client.force_login(alice)
    members = reverse("projects:members", args=[project.public_id])
    audit = reverse("projects:audit", args=[project.public_id])
    before = (count_queries(client, members), count_queries(client, audit))
    for number in range(5):
        project.invitations.create(email=f"p{number}@example.org", role="teamlid", invited_by=alice)
    start_steps(alice, project, 10)

    assert (count_queries(client, members), count_queries(client, audit)) == before


def test_project_step_page_queries_flat_as_history_grows(client, alice, project, method):
    client.force_login(alice)
    url = reverse("projects:step", args=[project.public_id, "helderheid-over-ambities"])
    set_step_progress(
        alice,
        project,
        "helderheid-over-ambities",
        ProgressChange(status="gestart"),
        expected_version=0,
    )
    with_one = count_queries(client, url)
    for version, status in enumerate(["gepauzeerd", "gestart", "afgerond", "herzien"] * 3, start=1):
        set_step_progress(
            alice,
            project,
            "helderheid-over-ambities",
            ProgressChange(status=status, owner=alice),
            expected_version=version,
        )

    assert count_queries(client, url) == with_one


def _url(name, project):
    if name == "projects:portfolio":
        return reverse(name)
    if name == "projects:step":
        return reverse(name, args=[project.public_id, "helderheid-over-ambities"])
    return reverse(name, args=[project.public_id])


@pytest.mark.parametrize(("name", "ceiling"), CEILINGS.items())
def test_project_page_queries_stay_under_a_fixed_ceiling(
    client, alice, project, method, name, ceiling
):
    start_steps(alice, project, 3)  # the step page then shows progress and its history
    project.subprojects.create(name="Hoogbouw")
    client.force_login(alice)

    assert count_queries(client, _url(name, project)) <= ceiling + _tool_budget(name)


def _tool_budget(name) -> int:
    if name == "projects:step":
        return query_budget(step_key="helderheid-over-ambities")
    if name == "projects:compass":
        return query_budget(flags=True)
    return 0


def test_settings_queries_flat_with_one_or_three_of_each(client, alice, project, method):
    def add_one_of_each(number):
        add_party(alice, project, name=f"Partij {number}", party_type="gemeente")
        add_neighbourhood(alice, project, name=f"Buurt {number}", cbs_code="BU03630000")
        add_subproject(alice, project, name=f"Deelproject {number}")

    client.force_login(alice)
    url = reverse("projects:settings", args=[project.public_id])
    add_one_of_each(1)
    with_one = count_queries(client, url)
    add_one_of_each(2)
    add_one_of_each(3)

    assert count_queries(client, url) == with_one <= CEILINGS["projects:settings"]
