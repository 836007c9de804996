"""One journey across the working tools (issue 13): a projectleider opens each tool from the
seed step's page, records something in it, and finds the tools' events in the timeline and
their state in the briefing. One step (the tension's decision) is done by keyboard only."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.tools.ambitions_support import make_decision, make_stakeholder
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import add_member, create_project
from wijkkoers.raci.services import RoleData, add_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_STEP = "helderheid-over-ambities"


def _demo_like_project():
    """A project as the demo has it: a team, a party in the register, a decision, roles."""
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    add_member(leader, project, UserFactory(name="Tim Teamlid"), role=Role.TEAMLID)
    make_stakeholder(leader, project, "Gemeente Zonnestad", party_type="gemeente")
    make_decision(leader, project, "Samen een warmtenet verkennen")
    for name in ["Procesregisseur", "Communicatie"]:
        add_role(leader, project, RoleData(name=name))
    return leader, project


def _open_tool(page, project, name):
    page.goto(f"/projecten/{project.public_id}/stappen/{SEED_STEP}/")
    tools = page.get_by_role("region", name="Werkinstrumenten bij deze stap")
    tools.get_by_role("link", name=name, exact=True).click()


def _stakeholder_with_assessment(page):
    page.get_by_role("link", name="Belanghebbende toevoegen").click()
    page.get_by_label("Partij", exact=True).select_option("nieuw")
    page.get_by_label("Naam van de nieuwe organisatie").fill("Woonstichting Zon")
    page.get_by_label("Soort partij", exact=True).select_option("woningcorporatie")
    page.get_by_label("Belangen").fill("Woonlasten van huurders gelijk houden")
    page.get_by_role("button", name="In het register zetten").click()
    page.get_by_role("link", name="Macht en belang beoordelen").click()
    page.get_by_label("Macht (1-5)").fill("4")
    page.get_by_label("Belang (1-5)").fill("2")
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    expect(page.get_by_text("De beoordeling is vastgelegd.")).to_be_visible()


def _ambition_and_tension_by_keyboard(page):
    page.get_by_role("link", name="Wijzigen Woonstichting Zon").click()
    page.get_by_label("Ambitie voor het eigen bezit", exact=True).fill(
        "Alle flats op het warmtenet"
    )
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("table.ambitions-matrix").get_by_text("Alle flats op het warmtenet"))
    page.get_by_role("link", name="Spanningen").click()
    page.get_by_role("link", name="Spanning vastleggen").click()
    # Keyboard only: type, tick with the space bar, submit with Enter.
    page.get_by_label("Titel", exact=True).focus()
    page.keyboard.type("Tempo tegenover huurverhoging")
    for name in ["Gemeente Zonnestad", "Woonstichting Zon"]:
        page.get_by_label(name, exact=True).focus()
        page.keyboard.press("Space")
    page.get_by_label("Samen een warmtenet verkennen").focus()  # the label adds the date
    page.keyboard.press("Space")
    page.get_by_role("button", name="Opslaan").focus()
    page.keyboard.press("Enter")
    card = page.locator(".ambitions-card", has_text="Tempo tegenover huurverhoging")
    expect(card.get_by_role("link", name="Samen een warmtenet verkennen")).to_be_visible()


def _goal_indicator_measurement(page):
    year = timezone.localdate().year
    page.get_by_role("link", name="Doel vastleggen").click()
    page.get_by_label("aardgasvrij", exact=True).check()
    page.get_by_label("Wat het team eronder verstaat").fill("Alle woningen van het gas.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Indicatoren en metingen").click()
    page.get_by_role("link", name="Indicator toevoegen").click()
    page.get_by_label("Naam").fill("Woningen van het gas")
    page.get_by_label("Eenheid").fill("woningen")
    page.get_by_label("Nulmeting", exact=True).fill("0")
    page.get_by_label("Datum van de nulmeting").fill(f"{year - 1}-01-01")
    page.get_by_label("Streefwaarde").fill("400")
    page.get_by_label("Deadline").fill(f"{year + 3}-01-01")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_label("Gemeten waarde").fill("40")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De meting is vastgelegd.")).to_be_visible()


def _raci_row_refused_without_a_then_saved(page):
    page.get_by_role("link", name="Rij toevoegen").click()
    page.get_by_label("Activiteit", exact=True).fill("Bewonersavond voorbereiden")
    letters = page.get_by_role("group", name="Letter per rol")
    letters.get_by_label("Communicatie").select_option("R")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Geen enkele rol heeft A")).to_be_visible()
    letters.get_by_label("Procesregisseur").select_option("A")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De RACI-rij is opgeslagen.")).to_be_visible()


def _household(page):
    page.get_by_role("link", name="Voorbeeldhuishoudens").click()
    page.get_by_role("link", name="Huishouden toevoegen").click()
    page.get_by_label("Naam").fill("Huurflat Oost")
    page.get_by_label("Segment").select_option("corporatiehuurder")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het huishouden is bewaard.")).to_be_visible()


def _opportunity(page):
    page.get_by_role("link", name="Koppelkans toevoegen").click()
    page.get_by_label("Titel").fill("Rioolvervanging Kerkstraat")
    page.get_by_role("radio", name="fysiek").check()
    page.get_by_label("Tijdvenster vanaf").fill("2027")
    page.get_by_label("Tijdvenster tot en met").fill("2028")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Rioolvervanging Kerkstraat")).to_be_visible()


def test_a_projectleider_works_through_the_tools_from_the_seed_step(page, login, method):
    leader, project = _demo_like_project()
    login(leader)

    _open_tool(page, project, "Belanghebbendenregister")
    _stakeholder_with_assessment(page)
    page.goto(f"/projecten/{project.public_id}/instrumenten/belanghebbenden/")
    page.get_by_role("link", name="Bekijk ze op de macht-belangkaart").click()
    table = page.get_by_role("table", name="De kaart als tabel")
    expect(table.get_by_role("row", name="Woonstichting Zon")).to_contain_text("Tevreden houden")

    _open_tool(page, project, "Ambities en belangen")
    _ambition_and_tension_by_keyboard(page)
    _open_tool(page, project, "Doel en indicatoren")
    _goal_indicator_measurement(page)
    _open_tool(page, project, "Rollen (RACI)")
    _raci_row_refused_without_a_then_saved(page)
    _open_tool(page, project, "Woonlastenneutraliteit")
    _household(page)
    _open_tool(page, project, "Koppelkansen")
    _opportunity(page)

    page.goto(f"/projecten/{project.public_id}/logboek/tijdlijn/")
    for text in ["Tempo tegenover huurverhoging", "Bewonersavond voorbereiden"]:
        expect(page.get_by_text(text).first).to_be_visible()
    expect(page.get_by_text("Rioolvervanging Kerkstraat").first).to_be_visible()
    page.goto(f"/projecten/{project.public_id}/logboek/inwerkdossier/")
    tools = page.locator("#werkinstrumenten")
    for name in ["Belanghebbendenregister", "Doel en indicatoren", "Woonlastenneutraliteit"]:
        expect(tools.get_by_text(name, exact=True)).to_be_visible()
