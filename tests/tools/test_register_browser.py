"""A team records four stakeholders with their interests, assesses them (a bad score is
refused at the field) and finds them on the power-interest map and in its table. And the
register's pages pass axe and do not scroll sideways at 320 px."""

import pytest

from tests.e2e.test_axe_every_page import scan
from tests.e2e.test_reflow import WIDTH, widths
from tests.pages import build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOUR = [
    ("Gemeente Lindendam", "De regie houden en de planning halen", "5", "5"),
    ("Woonstichting Lindendam", "Woonlasten van huurders gelijk houden", "4", "2"),
    ("Bewonersgroep De Linde", "Zeggenschap over de warmte", "2", "5"),
    ("Sportclub Lindendam", "Een warme kantine", "1", "1"),
]


def test_register_journey_four_stakeholders_on_the_map(page, login, alice, project):
    login(alice)
    register = f"/projecten/{project.public_id}/instrumenten/belanghebbenden/"

    for name, interests, power, interest in FOUR:
        page.goto(register)
        page.get_by_role("link", name="Belanghebbende toevoegen").click()
        page.get_by_label("Partij", exact=True).select_option("nieuw")
        page.get_by_label("Naam van de nieuwe organisatie").fill(name)
        page.get_by_label("Soort partij", exact=True).select_option("anders")
        page.get_by_label("Soort partij, in je eigen woorden").fill("organisatie")
        page.get_by_label("Belangen").fill(interests)
        page.get_by_role("button", name="In het register zetten").click()
        page.get_by_role("link", name="Macht en belang beoordelen").click()
        if name == FOUR[0][0]:  # a bad score first: refused at the field, nothing saved
            page.get_by_label("Macht (1-5)").fill("7")
            page.get_by_label("Belang (1-5)").fill(interest)
            page.get_by_role("button", name="Beoordeling vastleggen").click()
            assert page.get_by_text("Geef een score van 1 tot en met 5.").is_visible()
        page.get_by_label("Macht (1-5)").fill(power)
        page.get_by_label("Belang (1-5)").fill(interest)
        page.get_by_role("button", name="Beoordeling vastleggen").click()
        page.get_by_text("De beoordeling is vastgelegd.").wait_for()

    page.goto(register)
    page.get_by_role("link", name="Bekijk ze op de macht-belangkaart").click()

    assert page.locator(".power-map__point").count() == 4
    table = page.get_by_role("table", name="De kaart als tabel")
    for name, _interests, _power, _interest in FOUR:
        assert table.get_by_role("row", name=name).is_visible()
    assert (
        table.get_by_role("row", name="Gemeente Lindendam")
        .get_by_text("Nauw betrekken")
        .is_visible()
    )
    assert (
        table.get_by_role("row", name="Woonstichting Lindendam")
        .get_by_text("Tevreden houden")
        .is_visible()
    )
    assert (
        table.get_by_role("row", name="Bewonersgroep De Linde")
        .get_by_text("Informeren")
        .is_visible()
    )
    assert table.get_by_role("row", name="Sportclub Lindendam").get_by_text("Volgen").is_visible()


def register_pages(workspace: dict) -> dict:
    return {
        kind: path for kind, path in workspace.items() if "stakeholder" in kind or "power" in kind
    }


def test_register_pages_pass_axe_and_reflow(page, login, axe, method):
    site = build_site()
    login(site.leader)
    pages = register_pages(site.workspace)

    problems = scan(page, axe, pages)
    page.set_viewport_size({"width": WIDTH, "height": 640})
    too_wide = widths(page, pages)

    assert problems == {}, "\n".join(f"{kind}: {text}" for kind, text in problems.items())
    assert too_wide == {}, too_wide
