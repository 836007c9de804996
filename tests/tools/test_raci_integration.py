"""The roles and opportunity tools where the site shows tools: the compass flags an
incomplete step row, the step page shows the state, the timeline shows saved rows."""

import pytest

from wijkkoers.opportunities.services import OpportunityData, add_opportunity
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row, remove_role

pytestmark = pytest.mark.django_db
STEP = "verwachtingen-en-rollen"


def test_compass_flags_a_step_whose_row_lost_its_a(client, method, project, alice, mila):
    director, doer = (add_role(alice, project, RoleData(name=n)) for n in ["Regie", "Uitvoering"])
    add_row(alice, project, RowData(step_key=STEP, letters={director: "A", doer: "R"}))
    client.force_login(mila)
    compass = f"/projecten/{project.public_id}/"
    assert "RACI: geen geldige A en R toegewezen" not in client.get(compass).content.decode()

    remove_role(alice, director)

    assert "RACI: geen geldige A en R toegewezen" in client.get(compass).content.decode()
    step_page = client.get(f"{compass}stappen/{STEP}/").content.decode()
    assert "Rollen (RACI)" in step_page
    assert "Rijen om te herstellen" in step_page


def test_timeline_shows_a_saved_raci_row_and_an_opportunity(client, method, project, alice):
    director, doer = (add_role(alice, project, RoleData(name=n)) for n in ["Regie", "Uitvoering"])
    add_row(alice, project, RowData(activity="Nieuwsbrief", letters={director: "A", doer: "R"}))
    add_opportunity(alice, project, OpportunityData(title="Rioolvervanging", kind="fysiek"))
    client.force_login(alice)
    page = client.get(f"/projecten/{project.public_id}/logboek/tijdlijn/").content.decode()
    assert "Nieuwsbrief" in page
    assert "Rioolvervanging" in page
    assert "Regie" in page


def test_seed_step_page_names_both_tools(client, method):
    page = client.get("/kompas/samen-starten/helderheid-over-ambities/").content.decode()
    assert "Rollen (RACI)" in page
    assert "Koppelkansen" in page
