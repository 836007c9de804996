"""The ambitions pages: who may read and write, bad input, conflicts and query counts."""

import pytest

from tests.tools.ambitions_support import make_decision, make_stakeholder, make_stakeholders
from wijkkoers.projects.models import Project
from wijkkoers.projects.services import create_project
from wijkkoers.stakeholders.models import ChecklistMark, MutualGain, Stakeholder, Tension
from wijkkoers.stakeholders.services.ambitions import (
    GainData,
    TensionData,
    record_mutual_gain,
    record_tension,
)

pytestmark = pytest.mark.usefixtures("method")

ITEM = "objectieve-criteria"


def _base(project):
    return f"/projecten/{project.public_id}/instrumenten/belanghebbenden"


@pytest.fixture
def world(alice, project):
    """Two stakeholders, a decision, a tension and a mutual gain; name -> path."""
    first, second = make_stakeholders(alice, project, 2)
    decision = make_decision(alice, project)
    tension = record_tension(
        alice, project, TensionData(title="Tempo", stakeholders=[first, second])
    )
    gain = record_mutual_gain(
        alice, project, GainData(title="Samen inkopen", stakeholders=[first, second])
    )
    base = _base(project)
    return {
        "first": first,
        "second": second,
        "decision": decision,
        "tension": tension,
        "gain": gain,
        "reads": {
            "matrix": f"{base}/ambities/",
            "tensions": f"{base}/spanningen/",
            "tensions filtered": f"{base}/spanningen/?status=open&ernst=hoog",
            "gains": f"{base}/kansen/",
            "mga": f"{base}/mga/",
        },
        "writes": {
            "ambitions edit": f"{base}/ambities/{first.public_id}/",
            "tension new": f"{base}/spanningen/nieuw/",
            "tension edit": f"{base}/spanningen/{tension.public_id}/",
            "gain new": f"{base}/kansen/nieuw/",
            "gain edit": f"{base}/kansen/{gain.public_id}/",
        },
    }


def _all_paths(world):
    return [*world["reads"].values(), *world["writes"].values()]


def test_ambitions_pages_anonymous_go_to_login(client, world):
    for path in _all_paths(world):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/account/login/" in response["Location"]


def test_ambitions_pages_outsider_and_staff_get_404(outsider_client, world, staff_user):
    for path in _all_paths(world):
        assert outsider_client.get(path).status_code == 404, path
    outsider_client.force_login(staff_user)
    for path in _all_paths(world):
        assert outsider_client.get(path).status_code == 404, path


def test_ambitions_pages_meelezer_reads(client, mila, world):
    client.force_login(mila)
    for path in world["reads"].values():
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Wijzigen" not in response.content.decode()


def test_ambitions_pages_meelezer_cannot_write(client, mila, project, world):
    client.force_login(mila)
    for path in world["writes"].values():
        assert client.get(path).status_code == 404, path
    response = client.post(
        world["writes"]["ambitions edit"], {"interests": "Meelezer schrijft", "version": 0}
    )
    assert response.status_code == 404
    response = client.post(
        world["writes"]["tension new"],
        {"title": "X", "stakeholders": [world["first"].public_id, world["second"].public_id]},
    )
    assert response.status_code == 404
    assert client.post(f"{_base(project)}/mga/{ITEM}/", {"note": "x"}).status_code == 404
    assert Stakeholder.objects.get(pk=world["first"].pk).interests == ""
    assert Tension.objects.count() == 1
    assert not ChecklistMark.objects.exists()


def test_ambitions_closed_project_refuses_writes(client, bob, project, world):
    Project.objects.filter(pk=project.pk).update(status=Project.Status.CLOSED)
    client.force_login(bob)
    assert client.get(world["reads"]["matrix"]).status_code == 200
    response = client.post(
        world["writes"]["ambitions edit"], {"interests": "Te laat", "version": 0}
    )
    assert response.status_code == 404
    assert client.post(f"{_base(project)}/mga/{ITEM}/", {"note": "x"}).status_code == 404
    assert Stakeholder.objects.get(pk=world["first"].pk).interests == ""
    assert not ChecklistMark.objects.exists()


def test_matrix_shows_municipality_roles_apart(client, alice, project):
    make_stakeholder(
        alice,
        project,
        "Gemeente Teststad",
        party_type="gemeente",
        ambition_neighbourhood="Hele wijk aardgasvrij",
        ambition_own_property="Sporthal isoleren",
    )
    client.force_login(alice)
    html = client.get(f"{_base(project)}/ambities/").content.decode()
    assert "(gemeente: als regisseur van de wijkaanpak)" in html
    assert "(gemeente: als eigenaar)" in html
    assert "Sporthal isoleren" in html


def test_ambitions_edit_saves(client, bob, world):
    client.force_login(bob)
    response = client.post(
        world["writes"]["ambitions edit"],
        {
            "interests": "Betaalbare huur",
            "ambition_neighbourhood": "Warmtenet",
            "ambition_own_property": "Alle flats aardgasvrij",
            "version": 0,
        },
    )
    assert response.status_code == 302
    row = Stakeholder.objects.get(pk=world["first"].pk)
    assert (row.interests, row.version) == ("Betaalbare huur", 1)


def test_ambitions_edit_conflict_shows_other_change_and_keeps_input(client, alice, bob, world):
    client.force_login(alice)
    client.post(world["writes"]["ambitions edit"], {"interests": "Eerst", "version": 0})
    client.force_login(bob)
    response = client.post(
        world["writes"]["ambitions edit"], {"interests": "Tegelijk", "version": 0}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Iemand anders heeft dit gewijzigd" in html
    assert "Eerst" in html
    assert "Tegelijk" in html
    assert Stakeholder.objects.get(pk=world["first"].pk).interests == "Eerst"
    # Saving again (now on the newest version) wins.
    client.post(world["writes"]["ambitions edit"], {"interests": "Tegelijk", "version": 1})
    assert Stakeholder.objects.get(pk=world["first"].pk).interests == "Tegelijk"


def test_tension_new_with_one_stakeholder_shows_dutch_error(client, bob, world):
    client.force_login(bob)
    response = client.post(
        world["writes"]["tension new"],
        {
            "title": "Parkeren",
            "description": "Bouwplaats tegen parkeerdruk",
            "stakeholders": [world["first"].public_id],
            "severity": "hoog",
            "status": "open",
            "version": 0,
        },
    )
    assert response.status_code == 400
    assert "Kies minstens twee belanghebbenden" in response.content.decode()
    assert response.context["form"].errors["stakeholders"]
    assert Tension.objects.count() == 1


def test_tension_new_with_decision_of_other_project_refused(client, alice, bob, world):
    other = create_project(alice, name="Ander project", municipality="Elders")
    foreign = make_decision(alice, other)
    client.force_login(bob)
    response = client.post(
        world["writes"]["tension new"],
        {
            "title": "Parkeren",
            "stakeholders": [world["first"].public_id, world["second"].public_id],
            "severity": "hoog",
            "status": "open",
            "decisions": [foreign.public_id],
            "version": 0,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["decisions"]
    assert Tension.objects.count() == 1


def test_tension_new_saves_with_decision(client, bob, world):
    client.force_login(bob)
    response = client.post(
        world["writes"]["tension new"],
        {
            "title": "Parkeren",
            "stakeholders": [world["first"].public_id, world["second"].public_id],
            "severity": "hoog",
            "status": "open",
            "decisions": [world["decision"].public_id],
            "version": 0,
        },
    )
    assert response.status_code == 302
    tension = Tension.objects.get(title="Parkeren")
    assert list(tension.decisions.all()) == [world["decision"]]


def test_tension_edit_conflict(client, alice, bob, world):
    form = {
        "title": "Tempo",
        "stakeholders": [world["first"].public_id, world["second"].public_id],
        "severity": "laag",
        "status": "besproken",
        "version": 0,
    }
    client.force_login(alice)
    assert client.post(world["writes"]["tension edit"], form).status_code == 302
    client.force_login(bob)
    response = client.post(world["writes"]["tension edit"], {**form, "severity": "hoog"})
    assert response.status_code == 400
    assert Tension.objects.get(pk=world["tension"].pk).severity == "laag"


def test_tensions_filter_by_status_and_severity(client, alice, project, world):
    record_tension(
        alice,
        project,
        TensionData(
            title="Geluid warmtepompen",
            stakeholders=[world["first"], world["second"]],
            severity="hoog",
        ),
    )
    client.force_login(alice)
    html = client.get(f"{_base(project)}/spanningen/?ernst=hoog").content.decode()
    assert "Geluid warmtepompen" in html
    assert "Tempo" not in html
    html = client.get(f"{_base(project)}/spanningen/?status=opgelost").content.decode()
    assert "Geen spanningen bij dit filter" in html


def test_gain_new_needs_two_stakeholders(client, bob, world):
    client.force_login(bob)
    response = client.post(
        world["writes"]["gain new"],
        {"title": "Samen", "stakeholders": [world["second"].public_id], "version": 0},
    )
    assert response.status_code == 400
    assert MutualGain.objects.count() == 1


def test_mga_tick_and_untick(client, bob, project):
    client.force_login(bob)
    url = f"{_base(project)}/mga/{ITEM}/"
    assert client.post(url, {"note": "In de kernteamvergadering"}).status_code == 302
    mark = ChecklistMark.objects.get()
    assert (mark.note, mark.checked_by) == ("In de kernteamvergadering", bob)
    html = client.get(f"{_base(project)}/mga/").content.decode()
    assert "1 van 10 punten gedaan" in html
    assert "Bob Teamlid" in html
    assert "en.wikipedia.org/wiki/Mutual_Gains_Approach" in html
    client.post(url, {"actie": "uit"})
    assert not ChecklistMark.objects.exists()


def test_mga_unknown_item_is_404(client, bob, project):
    client.force_login(bob)
    assert client.post(f"{_base(project)}/mga/bestaat-niet/").status_code == 404


def test_mga_get_on_mark_url_not_allowed(client, bob, project):
    client.force_login(bob)
    assert client.get(f"{_base(project)}/mga/{ITEM}/").status_code == 405


@pytest.mark.parametrize("page", ["ambities", "spanningen", "kansen"])
def test_ambitions_lists_queries_stay_flat(
    client, alice, project, page, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    stakeholders = make_stakeholders(alice, project, 5)
    decision = make_decision(alice, project)

    def add_rows(count, offset=0):
        for number in range(count):
            data = {
                "title": f"Rij {offset + number}",
                "stakeholders": stakeholders[:2],
                "decisions": [decision],
            }
            record_tension(alice, project, TensionData(**data))
            record_mutual_gain(alice, project, GainData(**data))

    client.force_login(alice)
    url = f"{_base(project)}/{page}/"
    add_rows(5)
    client.get(url)  # warm the session and catalogue
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_stakeholders(alice, project, 195, prefix="Extra")
    add_rows(195, offset=5)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert response.status_code == 200
    assert len(few) <= 10
