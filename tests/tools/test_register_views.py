"""The register's pages: who may read and write them, bad input at the field, conflicts."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.tools.register_support import party, stakeholder
from wijkkoers.projects.services import close_project
from wijkkoers.stakeholders.models import Assessment, Stakeholder
from wijkkoers.stakeholders.services.register import (
    StakeholderData,
    record_assessment,
    update_stakeholder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def linde(alice, project):
    return stakeholder(alice, project, interests="Betaalbaar wonen", priorities=["Woonlasten"])


def read_urls(project, linde):
    args = [project.public_id]
    return [
        reverse("stakeholders:register", args=args),
        reverse("stakeholders:power_map", args=args),
        reverse("stakeholders:stakeholder", args=[*args, linde.public_id]),
    ]


def write_urls(project, linde):
    args = [project.public_id]
    one = [*args, linde.public_id]
    return [
        reverse("stakeholders:register_add", args=args),
        reverse("stakeholders:stakeholder_edit", args=one),
        reverse("stakeholders:stakeholder_assess", args=one),
        reverse("stakeholders:stakeholder_remove", args=one),
    ]


def test_register_pages_anonymous_go_to_login(client, project, linde):
    for url in read_urls(project, linde) + write_urls(project, linde):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/account/login/" in response["Location"]


def test_register_pages_outsider_and_staff_get_404(outsider_client, project, linde):
    for url in read_urls(project, linde) + write_urls(project, linde):
        assert outsider_client.get(url).status_code == 404, url


def test_register_pages_staff_gets_nothing_extra(staff_client, project, linde):
    for url in read_urls(project, linde) + write_urls(project, linde):
        assert staff_client.get(url).status_code == 404, url


def test_register_lists_stakeholders_with_links_and_quadrant(client, alice, project, linde):
    record_assessment(alice, linde, power=2, interest=4)
    client.force_login(alice)

    response = client.get(reverse("stakeholders:register", args=[project.public_id]))

    body = response.content.decode()
    detail = reverse("stakeholders:stakeholder", args=[project.public_id, linde.public_id])
    assert f'<a href="{detail}">Buurtvereniging De Linde</a>' in body
    assert "Informeren" in body
    assert "neutraal" in body


def test_register_pages_reader_reads_but_cannot_write(client, mila, project, linde):
    client.force_login(mila)
    for url in read_urls(project, linde):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Belanghebbende toevoegen" not in response.content.decode()
    for url in write_urls(project, linde):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"power": 3, "interest": 3}).status_code == 404, url
    assert Stakeholder.objects.filter(pk=linde.pk).exists()
    assert not Assessment.objects.exists()


def test_register_pages_closed_project_reads_but_refuses_writes(client, alice, project, linde):
    close_project(alice, project)
    client.force_login(alice)
    for url in read_urls(project, linde):
        assert client.get(url).status_code == 200, url
    for url in write_urls(project, linde):
        assert client.post(url, {"power": 3, "interest": 3}).status_code == 404, url
    assert Stakeholder.objects.filter(pk=linde.pk).exists()


def test_register_unknown_stakeholder_is_404(client, alice, project, linde):
    client.force_login(alice)
    url = reverse("stakeholders:stakeholder", args=[project.public_id, "A" * 12])
    assert client.get(url).status_code == 404


def test_register_stakeholder_of_other_project_is_404(client, alice, project):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Elders", municipality="Teststad")
    foreign = stakeholder(alice, other, "Corporatie Elders")
    client.force_login(alice)
    url = reverse("stakeholders:stakeholder", args=[project.public_id, foreign.public_id])
    assert client.get(url).status_code == 404


def test_register_add_new_organisation(client, bob, project):
    client.force_login(bob)
    url = reverse("stakeholders:register_add", args=[project.public_id])

    response = client.post(
        url,
        {
            "party": "nieuw",
            "name": "Huurdersvereniging Oost",
            "party_type": "anders",
            "other_type": "huurdersvereniging",
            "interests": "Geen hogere huur",
            "position": "steunend",
        },
    )

    made = Stakeholder.objects.get()
    assert response.status_code == 302
    assert made.party.name == "Huurdersvereniging Oost"
    assert made.position == "steunend"


def test_register_add_existing_party(client, bob, alice, project):
    found = party(alice, project, "Buurthuis")
    client.force_login(bob)
    url = reverse("stakeholders:register_add", args=[project.public_id])

    response = client.post(url, {"party": found.public_id, "position": "neutraal"})

    assert response.status_code == 302
    assert Stakeholder.objects.get().party == found


def test_register_add_contact_without_purpose_shows_message(client, bob, project):
    client.force_login(bob)
    url = reverse("stakeholders:register_add", args=[project.public_id])

    response = client.post(
        url,
        {
            "party": "nieuw",
            "name": "Huurdersvereniging Oost",
            "party_type": "anders",
            "other_type": "huurdersvereniging",
            "position": "neutraal",
            "contact_name": "Karim Bakker",
        },
    )

    assert response.status_code == 200
    assert (
        "Schrijf op waarom je de naam van deze contactpersoon bewaart."
        in (response.context["form"].errors["contact_purpose"])
    )
    assert not Stakeholder.objects.exists()
    assert not project.parties.exists()


def test_register_assess_bad_score_shows_dutch_message_at_field(client, bob, project, linde):
    client.force_login(bob)
    url = reverse("stakeholders:stakeholder_assess", args=[project.public_id, linde.public_id])

    response = client.post(
        url, {"assessed_on": timezone.localdate().isoformat(), "power": 3, "interest": 9}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["interest"] == ["Geef een score van 1 tot en met 5."]
    assert not Assessment.objects.exists()


def test_register_assess_records(client, bob, project, linde):
    client.force_login(bob)
    url = reverse("stakeholders:stakeholder_assess", args=[project.public_id, linde.public_id])

    response = client.post(
        url, {"assessed_on": timezone.localdate().isoformat(), "power": 4, "interest": 2}
    )

    assert response.status_code == 302
    assert list(linde.assessments.values_list("power", "interest")) == [(4, 2)]


def test_register_edit_reorders_priorities(client, bob, project, linde):
    client.force_login(bob)
    url = reverse("stakeholders:stakeholder_edit", args=[project.public_id, linde.public_id])
    data = {
        "role_in_project": "Vereniging",
        "interests": "Betaalbaar wonen",
        "position": "steunend",
        "contact_name": "",
        "contact_purpose": "",
        "version": 0,
        "prioriteit-TOTAL_FORMS": 3,
        "prioriteit-INITIAL_FORMS": 1,
        "prioriteit-MIN_NUM_FORMS": 0,
        "prioriteit-MAX_NUM_FORMS": 30,
        "prioriteit-0-text": "Woonlasten",
        "prioriteit-0-rank": 2,
        "prioriteit-1-text": "Groen in de straat",
        "prioriteit-1-rank": 1,
        "prioriteit-2-text": "",
        "prioriteit-2-rank": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    texts = list(linde.priorities.values_list("text", flat=True))
    assert texts == ["Groen in de straat", "Woonlasten"]


def test_register_edit_stale_version_shows_other_change_and_keeps_input(
    client, alice, bob, project, linde
):
    update_stakeholder(alice, linde, StakeholderData(interests="Van Alice"), expected_version=0)
    client.force_login(bob)
    url = reverse("stakeholders:stakeholder_edit", args=[project.public_id, linde.public_id])

    response = client.post(
        url,
        {
            "interests": "Van Bob",
            "position": "neutraal",
            "version": 0,
            "prioriteit-TOTAL_FORMS": 0,
            "prioriteit-INITIAL_FORMS": 0,
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Van Alice" in body
    assert "Van Bob" in body
    assert response.context["form"].data["version"] == 1
    linde.refresh_from_db()
    assert linde.interests == "Van Alice"


def test_register_remove_stakeholder(client, bob, project, linde):
    client.force_login(bob)
    url = reverse("stakeholders:stakeholder_remove", args=[project.public_id, linde.public_id])

    assert client.post(url).status_code == 302
    assert not Stakeholder.objects.exists()


def test_power_map_shows_movement_since_a_date(client, alice, project, linde):
    today = timezone.localdate()
    record_assessment(alice, linde, power=2, interest=2, assessed_on=today - timedelta(days=60))
    record_assessment(alice, linde, power=4, interest=5, assessed_on=today)
    client.force_login(alice)
    url = reverse("stakeholders:power_map", args=[project.public_id])
    since = (today - timedelta(days=30)).isoformat()

    response = client.get(url, {"sinds": since})

    body = response.content.decode()
    assert "power-map__arrow" in body
    # SVG numbers with a decimal point, never the Dutch comma (which SVG cannot read).
    assert re.findall(r'(?:cx|cy|r|x1|y1|x2|y2)="[^"]*,[^"]*"', body) == []
    assert "van 2/2 naar 4/5" in body
    assert "Nauw betrekken" in body


def test_power_map_future_date_shows_message(client, alice, project, linde):
    client.force_login(alice)
    url = reverse("stakeholders:power_map", args=[project.public_id])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = client.get(url, {"sinds": tomorrow})

    assert response.context["form"].errors["sinds"] == ["Kies vandaag of een eerdere datum."]
    assert "power-map__arrow" not in response.content.decode()
