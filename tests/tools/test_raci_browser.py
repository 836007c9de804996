"""Browser: fill a RACI row, be refused with two A's, fix it; add a linking opportunity."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.opportunities.models import Opportunity
from wijkkoers.projects.services import create_project
from wijkkoers.raci.models import RaciRow
from wijkkoers.raci.services import RoleData, add_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_fill_a_raci_row_refused_with_two_as_then_saved(page, login, axe, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    for name in ["Procesregisseur", "Projectleider corporatie", "Communicatie"]:
        add_role(leader, project, RoleData(name=name))
    login(leader)

    page.goto(f"/projecten/{project.public_id}/instrumenten/")
    page.get_by_role("link", name="Rollen (RACI)").click()
    page.get_by_role("link", name="Rij toevoegen").click()
    page.get_by_label("Activiteit", exact=True).fill("Bewonersavond voorbereiden")
    letters = page.get_by_role("group", name="Letter per rol")
    letters.get_by_label("Procesregisseur").select_option("A")
    letters.get_by_label("Projectleider corporatie").select_option("A")
    letters.get_by_label("Communicatie").select_option("R")
    page.get_by_role("button", name="Opslaan").click()

    expect(
        page.get_by_text("Twee rollen hebben A: Procesregisseur en Projectleider corporatie")
    ).to_be_visible()
    assert not RaciRow.objects.exists()
    axe(page)

    letters.get_by_label("Projectleider corporatie").select_option("C")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("De RACI-rij is opgeslagen.")).to_be_visible()
    table = page.get_by_role("table", name="RACI-matrix: activiteiten en stappen per rol")
    expect(table.get_by_role("rowheader", name="Bewonersavond voorbereiden")).to_be_visible()
    assert RaciRow.objects.get().cells.count() == 3
    axe(page)


def test_add_a_linking_opportunity(page, login, axe, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    login(leader)

    page.goto(f"/projecten/{project.public_id}/instrumenten/")
    page.get_by_role("link", name="Koppelkansen", exact=True).click()
    page.get_by_role("link", name="Koppelkans toevoegen").click()
    page.get_by_label("Titel").fill("Rioolvervanging Kerkstraat")
    page.get_by_role("radio", name="fysiek").check()
    page.get_by_label("Tijdvenster vanaf").fill("2028")
    page.get_by_label("Tijdvenster tot en met").fill("2027")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het tijdvenster eindigt voordat het begint")).to_be_visible()

    page.get_by_label("Tijdvenster vanaf").fill("2027")
    page.get_by_label("Tijdvenster tot en met").fill("2028")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("heading", name="Rioolvervanging Kerkstraat")).to_be_visible()
    expect(page.get_by_text("2027 – 2028")).to_be_visible()
    assert Opportunity.objects.get().kind == "fysiek"
    page.goto(f"/projecten/{project.public_id}/instrumenten/koppelkansen/")
    page.get_by_role("link", name="Tijdlijn van de tijdvensters").click()
    expect(page.get_by_role("img", name="Rioolvervanging Kerkstraat: 2027 – 2028")).to_be_visible()
    axe(page)
