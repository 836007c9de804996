"""A team fills the ambitions matrix, records a tension and a mutual gain linked to a
decision, and ticks an item of the Mutual Gains Approach checklist."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.tools.ambitions_support import make_decision, make_stakeholder
from wijkkoers.projects.services import create_project
from wijkkoers.stakeholders.models import ChecklistMark, MutualGain, Tension

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_fills_matrix_records_tension_and_gain_and_ticks_mga(page, login, method, axe):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    make_stakeholder(leader, project, "Gemeente Zonnestad", party_type="gemeente")
    make_stakeholder(leader, project, "Woonstichting Zon", party_type="woningcorporatie")
    make_decision(leader, project, "Samen een warmtenet verkennen")

    login(leader)
    page.goto(f"/projecten/{project.public_id}/instrumenten/")
    page.get_by_role("link", name="Ambities en belangen").click()
    expect(page.get_by_text("(gemeente: als eigenaar)")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Wijzigen Gemeente Zonnestad").click()
    expect(page.get_by_text("Dit is de gemeente")).to_be_visible()
    page.get_by_label("Belangen", exact=True).fill("Betaalbaar voor iedereen")
    page.get_by_label(
        "Ambitie voor de hele wijk (als regisseur van de wijkaanpak)", exact=True
    ).fill("Wijk aardgasvrij in 2035")
    page.get_by_label("Ambitie voor het eigen bezit (als eigenaar)", exact=True).fill(
        "Sporthal eerst"
    )
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("link", name="Wijzigen Woonstichting Zon").click()
    page.get_by_label("Ambitie voor het eigen bezit", exact=True).fill(
        "Alle flats op het warmtenet"
    )
    page.get_by_role("button", name="Opslaan").click()
    matrix = page.locator("table.ambitions-matrix")
    expect(matrix.get_by_text("Sporthal eerst")).to_be_visible()
    expect(matrix.get_by_text("Alle flats op het warmtenet")).to_be_visible()

    page.get_by_role("link", name="Spanningen").click()
    page.get_by_role("link", name="Spanning vastleggen").click()
    page.get_by_label("Titel", exact=True).fill("Tempo tegenover huurverhoging")
    page.get_by_label("Gemeente Zonnestad", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Kies minstens twee belanghebbenden")).to_be_visible()
    page.get_by_label("Woonstichting Zon", exact=True).check()
    page.get_by_label("Hoe ernstig", exact=True).select_option("hoog")
    page.get_by_label("Samen een warmtenet verkennen").check()
    page.get_by_role("button", name="Opslaan").click()
    card = page.locator(".ambitions-card", has_text="Tempo tegenover huurverhoging")
    expect(card.get_by_role("link", name="Samen een warmtenet verkennen")).to_be_visible()
    axe(page)

    page.get_by_role("link", name="Wederzijdse voordelen").first.click()
    page.get_by_role("link", name="Wederzijds voordeel vastleggen").click()
    page.get_by_label("Titel", exact=True).fill("Straat één keer openbreken")
    page.get_by_label("Gemeente Zonnestad", exact=True).check()
    page.get_by_label("Woonstichting Zon", exact=True).check()
    page.get_by_label("Samen een warmtenet verkennen").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het wederzijdse voordeel is opgeslagen.")).to_be_visible()

    page.get_by_role("link", name="MGA-checklist").click()
    item = page.locator("#objectieve-criteria")
    item.get_by_label("Notitie").fill("Besproken in het kernteam")
    item.get_by_role("button", name="Afvinken").click()
    expect(page.get_by_text("1 van 10 punten gedaan.")).to_be_visible()
    expect(
        page.locator("#objectieve-criteria").get_by_text("Afgevinkt door Lotte Leider")
    ).to_be_visible()
    axe(page)

    assert Tension.objects.get().decisions.count() == 1
    assert MutualGain.objects.get().stakeholders.count() == 2
    assert ChecklistMark.objects.get().note == "Besproken in het kernteam"
