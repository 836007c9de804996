"""A teamlid defines housing-cost neutrality, adds a household and runs the calculator."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import add_member, create_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_define_add_a_household_and_calculate(page, login, axe):
    leader = UserFactory(name="Lotte Leider")
    member = UserFactory(name="Mo Medewerker")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    add_member(leader, project, member, role=Role.TEAMLID)

    login(member)
    page.goto(f"/projecten/{project.public_id}/instrumenten/")
    page.get_by_role("link", name="Woonlastenneutraliteit").click()
    page.get_by_role("link", name="Definitie vastleggen").click()
    page.get_by_label("energie (gas, elektriciteit, warmte)").check()
    page.get_by_label("financierings- of hypotheeklasten").check()
    page.get_by_label("Referentiesituatie").fill("De huidige situatie met een cv-ketel.")
    page.get_by_label("Gasprijs (euro per m³)").fill("1,45")
    page.get_by_label("Elektriciteitsprijs (euro per kWh)").fill("0,40")
    page.get_by_label("Warmte: vastrecht (euro per maand)").fill("35")
    page.get_by_label("Warmteprijs (euro per GJ)").fill("48")
    page.get_by_label("Prijzen gelden op").fill("2026-11-01")
    page.get_by_label("eigenaar-bewoner").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De definitie is als nieuwe versie bewaard.")).to_be_visible()
    expect(page.get_by_role("heading", name="Geldende definitie: versie 1")).to_be_visible()

    page.get_by_role("link", name="Voorbeeldhuishoudens").click()
    page.get_by_role("link", name="Huishouden toevoegen").click()
    page.get_by_label("Naam").fill("Koopwoning tussenwoning")
    page.get_by_label("Segment").select_option("eigenaar")
    values = {
        "gasverbruik": ("1.200", "0"),
        "elektriciteitsverbruik": ("2.500", "4.500"),
        "warmteverbruik": ("0", "0"),
        "financieringslasten": ("500", "600"),
    }
    for legend, (before, after) in values.items():
        group = page.get_by_role("group", name=legend)
        group.get_by_label("Vóór").fill(before)
        group.get_by_label("Na").fill(after)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het huishouden is bewaard.")).to_be_visible()

    page.get_by_role("link", name="Doorrekenen Koopwoning tussenwoning").click()
    result = page.locator("table.housing-lines")
    expect(result.get_by_text("1.200 m³ × € 1,45 / 12")).to_be_visible()
    expect(result.get_by_text("€ 728,33")).to_be_visible()
    expect(page.get_by_text("Niet neutraal: de maandlasten stijgen met € 21,67.")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Bewaar deze berekening").click()
    expect(page.get_by_text("De berekening is bewaard.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Berekening voor Koopwoning tussenwoning")
    ).to_be_visible()

    page.set_viewport_size({"width": 320, "height": 640})
    expect(page.get_by_text("€ 750,00").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_remove_a_household_keeps_its_saved_calculation(page, login, axe):
    from tests.tools.housingcost_rows import define, household
    from wijkkoers.housingcost.services import save_calculation

    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    define(leader, project)
    save_calculation(leader, household(leader, project, name="Huurflat Oost"))

    login(leader)
    page.goto(f"/projecten/{project.public_id}/instrumenten/woonlasten/huishoudens/")
    page.get_by_role("link", name="Huurflat Oost", exact=True).click()
    page.get_by_role("link", name="Dit huishouden verwijderen").click()
    expect(page.get_by_text("De bewaarde berekening blijft zoals ze is")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Verwijderen").focus()
    page.keyboard.press("Enter")  # by keyboard
    expect(page.get_by_text("Het huishouden is verwijderd.")).to_be_visible()
    expect(page.get_by_text("Nog geen voorbeeldhuishoudens.")).to_be_visible()
    page.get_by_role("navigation", name="Woonlastenneutraliteit").get_by_role(
        "link", name="Rekenhulp"
    ).click()
    expect(page.get_by_role("link", name="Huurflat Oost")).to_be_visible()
