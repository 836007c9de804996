"""Linking opportunities' pages: who may read and write, bad input, filters, flat queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkoers.opportunities.models import Opportunity, Precision
from wijkkoers.opportunities.services import OpportunityData, add_opportunity
from wijkkoers.projects.services import add_party, close_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(alice, project):
    return add_opportunity(
        alice,
        project,
        OpportunityData(
            title="Rioolvervanging Kerkstraat",
            kind="fysiek",
            window_start=date(2027, 1, 1),
            window_start_precision=Precision.YEAR,
            window_end=date(2028, 12, 31),
            window_end_precision=Precision.YEAR,
        ),
    )


def _url(name, project, *args):
    return reverse(f"opportunities:{name}", args=[project.public_id, *args])


def read_urls(project, opportunity):
    return [
        _url("index", project),
        _url("index", project) + "?soort=fysiek&status=idee",
        _url("timeline", project),
        _url("detail", project, opportunity.public_id),
    ]


def write_urls(project, opportunity):
    return [
        _url("create", project),
        _url("edit", project, opportunity.public_id),
        _url("remove", project, opportunity.public_id),
    ]


def test_opportunity_pages_send_anonymous_to_login(client, project, opportunity):
    for url in read_urls(project, opportunity) + write_urls(project, opportunity):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/account/login/" in response["Location"]


def test_opportunity_pages_are_404_for_outsiders_and_staff(
    outsider_client, staff_client, project, opportunity
):
    for visitor in (outsider_client, staff_client):
        for url in read_urls(project, opportunity) + write_urls(project, opportunity):
            assert visitor.get(url).status_code == 404, url


def test_opportunity_reader_reads_but_cannot_write(client, mila, project, opportunity, method):
    client.force_login(mila)
    for url in read_urls(project, opportunity):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Koppelkans toevoegen" not in response.content.decode()
    for url in write_urls(project, opportunity):
        assert client.get(url).status_code == 404, url
    assert client.post(_url("remove", project, opportunity.public_id)).status_code == 404
    assert Opportunity.objects.filter(pk=opportunity.pk).exists()


def test_opportunity_closed_project_refuses_writes(client, alice, project, opportunity, method):
    close_project(alice, project, reason="Klaar")
    client.force_login(alice)
    assert client.get(_url("index", project)).status_code == 200
    for url in write_urls(project, opportunity):
        assert client.get(url).status_code == 404, url
    response = client.post(_url("create", project), {"title": "Nieuw", "kind": "fysiek"})
    assert response.status_code == 404
    assert Opportunity.objects.count() == 1


def _form(**changes) -> dict:
    return {
        "title": "Groen schoolplein",
        "kind": "sociaal",
        "status": "idee",
        "window_start": "maart 2027",
        "window_end": "2028",
        "version": 0,
    } | changes


def test_opportunity_form_end_before_start_shows_at_the_field(client, bob, project, method):
    client.force_login(bob)
    response = client.post(_url("create", project), _form(window_start="2029", window_end="2028"))
    assert response.status_code == 200
    assert "Het tijdvenster eindigt voordat het begint" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_opportunity_form_unreadable_moment_shows_at_the_field(client, bob, project, method):
    client.force_login(bob)
    response = client.post(_url("create", project), _form(window_start="volgend voorjaar"))
    assert "Schrijf een jaar, een maand of een datum" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_opportunity_form_saves_with_party_owner_and_step(client, alice, bob, project, method):
    party = add_party(alice, project, name="Waterschap", party_type="waterschap")
    client.force_login(bob)
    data = _form(owner=f"partij:{party.public_id}", steps=["sociale-koppelkansen"])
    response = client.post(_url("create", project), data)
    assert response.status_code == 302
    saved = Opportunity.objects.get()
    assert (saved.owner_party, saved.step_keys) == (party, ["sociale-koppelkansen"])
    assert (saved.window_start, saved.window_end) == (date(2027, 3, 1), date(2028, 12, 31))
    page = client.get(response["Location"]).content.decode()
    assert "maart 2027 – 2028" in page


def test_opportunity_edit_with_old_version_shows_the_conflict(
    client, bob, project, opportunity, method
):
    client.force_login(bob)
    url = _url("edit", project, opportunity.public_id)
    data = _form(title="Riool", kind="fysiek", window_start="2027", window_end="2028")
    assert client.post(url, data).status_code == 302
    response = client.post(url, data | {"status": "verkend"})
    assert "Iemand anders wijzigde deze koppelkans" in response.content.decode()
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.version) == ("idee", 1)


def test_opportunity_list_filters_by_kind_and_status(client, alice, project, opportunity):
    add_opportunity(alice, project, OpportunityData(title="Buurtfeest", kind="sociaal"))
    client.force_login(alice)
    html = client.get(_url("index", project) + "?soort=sociaal").content.decode()
    assert "Buurtfeest" in html
    assert html.count('class="opp-row"') == 1
    html = client.get(_url("index", project) + "?status=benut").content.decode()
    assert "Geen koppelkansen bij dit filter." in html
    html = client.get(_url("index", project) + "?soort=onzin").content.decode()
    assert "Buurtfeest" in html


def test_opportunity_timeline_has_svg_and_table(client, alice, project, opportunity):
    client.force_login(alice)
    html = client.get(_url("timeline", project)).content.decode()
    assert "<svg" in html
    assert "<title id=" in html
    assert "Dezelfde tijdvensters als tabel" in html
    assert "2027 – 2028" in html


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _fill(alice, project, count, start):
    party = project.parties.first()
    for number in range(start, start + count):
        add_opportunity(
            alice,
            project,
            OpportunityData(
                title=f"Kans {number}",
                kind="fysiek" if number % 2 else "sociaal",
                owner_party=party,
                window_start=date(2027 + number % 5, 1 + number % 12, 1),
                window_start_precision=Precision.MONTH,
            ),
        )


def test_opportunity_pages_queries_flat_with_5_and_200(client, alice, project, method):
    add_party(alice, project, name="Gemeente", party_type="gemeente")
    client.force_login(alice)
    urls = [_url("index", project), _url("timeline", project)]
    _fill(alice, project, 5, 0)
    small = [_count(client, url) for url in urls]
    _fill(alice, project, 195, 5)
    large = [_count(client, url) for url in urls]
    assert large == small
    assert max(large) <= 8
