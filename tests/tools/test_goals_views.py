"""The goals tool's pages: who reads, who writes, what a refused or bad write leaves behind.

Anonymous users are sent to log in; strangers (a superuser too) get a 404; a meelezer reads
every page but each write page is a 404 and changes nothing; a teamlid writes; in a closed
project everyone reads and nobody writes.
"""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.tools.goals_support import a_goal, a_measurement, an_indicator
from wijkkoers.audit.models import AuditEvent
from wijkkoers.goals.models import GoalVersion, Indicator, Measurement
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def goals(alice, project, method):
    a_goal(alice, project)
    indicator = an_indicator(alice, project)
    measurement = a_measurement(alice, indicator, value="80", on=date(2026, 1, 1))
    return indicator, measurement


def u(project, name, *args):
    return reverse(f"goals:{name}", args=[project.public_id, *args])


def read_urls(project, indicator):
    return [
        u(project, "index"),
        u(project, "indicators"),
        u(project, "indicator", indicator.public_id),
    ]


def form_urls(project, indicator, measurement):
    i = indicator.public_id
    return [
        u(project, "goal_edit"),
        u(project, "indicator_create"),
        u(project, "indicator_edit", i),
        u(project, "indicator_retire", i),
        u(project, "measurement_correct", i, measurement.public_id),
    ]


def writes(project, indicator, measurement):
    """(url, data) of every write, each valid for a teamlid."""
    i = indicator.public_id
    return [
        (
            u(project, "goal_edit"),
            {
                "goal_type": "co2-neutraal",
                "definition": "Netto nul",
                "based_on": 1,
                "change_reason": "Ander besluit",
            },
        ),
        (
            u(project, "indicator_create"),
            {
                "name": "Geïsoleerd",
                "unit": "woningen",
                "target_value": "50",
                "deadline": "2030-01-01",
            },
        ),
        (
            u(project, "indicator_edit", i),
            {
                "name": "Van het gas",
                "unit": "woningen",
                "baseline_value": "0",
                "baseline_on": "2025-01-01",
                "target_value": "300",
                "deadline": "2030-01-01",
                "version": 1,
            },
        ),
        (u(project, "measurement_add", i), {"value": "90,5", "measured_on": "2026-02-01"}),
        (
            u(project, "measurement_correct", i, measurement.public_id),
            {"value": "85", "measured_on": "2026-01-01", "note": "Telfout"},
        ),
        (u(project, "indicator_retire", i), {"reason": "Vervangen", "version": 2}),
    ]


def state():
    return (
        GoalVersion.objects.count(),
        list(Indicator.objects.values_list("name", "version", "retired_at")),
        Measurement.objects.count(),
        AuditEvent.objects.count(),
    )


def test_goals_pages_anonymous_goes_to_login(client, project, goals):
    for url in read_urls(project, goals[0]) + form_urls(project, *goals):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/account/login/" in response["Location"]


def test_goals_pages_outsider_and_staff_get_404(client, outsider, staff_user, project, goals):
    for user in (outsider, staff_user):
        client.force_login(user)
        for url in read_urls(project, goals[0]) + form_urls(project, *goals):
            assert client.get(url).status_code == 404, url


def test_goals_pages_reader_reads_but_cannot_write(client, mila, project, goals):
    client.force_login(mila)
    for url in read_urls(project, goals[0]):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Indicator toevoegen" not in response.content.decode()
    for url in form_urls(project, *goals):
        assert client.get(url).status_code == 404, url
    before = state()
    for url, data in writes(project, *goals):
        assert client.post(url, data).status_code == 404, url
    assert state() == before


def test_goals_writes_by_a_teamlid_are_saved_and_audited(client, bob, project, goals):
    client.force_login(bob)
    events = AuditEvent.objects.count()
    for url, data in writes(project, *goals):
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[-3000:])
    assert GoalVersion.objects.count() == 2
    assert Indicator.objects.count() == 2
    assert Measurement.objects.count() == 3
    assert Indicator.objects.get(pk=goals[0].pk).retired_at is not None
    assert AuditEvent.objects.count() == events + 6


def test_goals_closed_project_reads_but_refuses_writes(client, alice, project, goals):
    close_project(alice, project, reason="Klaar")
    client.force_login(alice)
    for url in read_urls(project, goals[0]):
        assert client.get(url).status_code == 200, url
    before = state()
    for url, data in writes(project, *goals):
        assert client.post(url, data).status_code == 404, url
    assert state() == before


def test_indicator_without_unit_or_deadline_is_refused_at_the_field(client, bob, project, method):
    client.force_login(bob)
    response = client.post(
        u(project, "indicator_create"), {"name": "Zonder eenheid", "target_value": "10"}
    )
    assert response.status_code == 200
    assert "Geef de eenheid" in response.context["form"].errors["unit"][0]
    response = client.post(
        u(project, "indicator_create"),
        {"name": "Zonder deadline", "unit": "woningen", "target_value": "10"},
    )
    assert "Geef de datum" in response.context["form"].errors["deadline"][0]
    assert 'value="Zonder deadline"' in response.content.decode()
    assert not Indicator.objects.exists()


def test_indicator_deadline_before_baseline_is_refused_at_the_field(client, bob, project, method):
    client.force_login(bob)
    response = client.post(
        u(project, "indicator_create"),
        {
            "name": "Omgekeerd",
            "unit": "woningen",
            "baseline_value": "0",
            "baseline_on": "2030-01-01",
            "target_value": "10",
            "deadline": "2029-01-01",
        },
    )
    assert "na de datum van de nulmeting" in response.context["form"].errors["deadline"][0]
    assert not Indicator.objects.exists()


def test_measurement_bad_input_shows_on_the_indicator_page(client, bob, project, goals):
    client.force_login(bob)
    url = u(project, "measurement_add", goals[0].public_id)
    response = client.post(url, {"value": "", "measured_on": "2026-02-01"})
    assert response.status_code == 400
    assert "Geef de gemeten waarde" in response.context["form"].errors["value"][0]
    assert Measurement.objects.count() == 1


def test_indicator_edit_on_an_old_version_shows_the_current_values(
    client, bob, alice, project, goals
):
    client.force_login(bob)
    data = dict(writes(project, *goals)[2][1])
    assert client.post(u(project, "indicator_edit", goals[0].public_id), data).status_code == 302
    client.force_login(alice)
    data["name"] = "Mijn naam"
    response = client.post(u(project, "indicator_edit", goals[0].public_id), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De huidige waarden" in html
    assert 'value="Mijn naam"' in html
    assert Indicator.objects.get().name == "Van het gas"


def test_indicator_page_shows_status_chart_and_table(client, mila, project, goals):
    client.force_login(mila)
    html = client.get(u(project, "indicator", goals[0].public_id)).content.decode()
    assert "op koers" in html
    for part in ("<svg", "<title", "<desc", "<table", "80 woningen"):
        assert part in html
    # Coordinates are never written the Dutch way (a decimal comma breaks the drawing).
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r' cy="[0-9.]+"', svg)
    assert not re.search(r'="[0-9]+,[0-9]', svg)


def test_goal_page_shows_versions_and_definition(client, mila, project, goals):
    client.force_login(mila)
    html = client.get(u(project, "index")).content.decode()
    assert "<strong>van het gas</strong>" in html
    assert "Versie 1" in html


def test_goals_unknown_or_malformed_ids_are_not_found(client, alice, project, goals):
    client.force_login(alice)
    for bad in ("bestaatniet12", "x" * 12, "a\x00b"):
        assert client.get(u(project, "indicator", bad)).status_code == 404
