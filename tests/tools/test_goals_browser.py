"""Browser: define the goal with two indicators, record a measurement, see status and chart."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.goals.models import Indicator, Measurement
from wijkkoers.projects.services import create_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_indicator(page, name, unit, baseline, baseline_on, target, deadline):
    page.get_by_role("link", name="Indicator toevoegen").click()
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Eenheid").fill(unit)
    page.get_by_label("Nulmeting", exact=True).fill(baseline)
    page.get_by_label("Datum van de nulmeting").fill(baseline_on)
    page.get_by_label("Streefwaarde").fill(target)
    page.get_by_label("Deadline").fill(deadline)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def test_define_goal_with_two_indicators_and_record_a_measurement(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    login(leader)
    year = timezone.localdate().year

    page.goto(f"/projecten/{project.public_id}/instrumenten/")
    page.get_by_role("link", name="Doel en indicatoren").click()
    page.get_by_role("link", name="Doel vastleggen").click()
    page.get_by_label("CO2-neutraal").check()
    page.get_by_label("Wat het team eronder verstaat").fill("Netto **geen CO2** voor warmte.")
    page.get_by_label("Welk energiegebruik telt mee?").select_option("warmte")
    page.get_by_label("Referentiejaar").fill("2019")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".prose strong", has_text="geen CO2").first).to_be_visible()

    page.get_by_role("link", name="Indicatoren en metingen").click()
    # Without a unit: refused at the field, nothing saved.
    page.get_by_role("link", name="Indicator toevoegen").click()
    page.get_by_label("Naam").fill("Zonder eenheid")
    page.get_by_label("Streefwaarde").fill("10")
    page.get_by_label("Deadline").fill(f"{year + 3}-01-01")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Geef de eenheid")).to_be_visible()
    page.get_by_role("link", name="Annuleren").click()

    add_indicator(
        page,
        "Woningen van het gas",
        "woningen",
        "0",
        f"{year - 1}-01-01",
        "400",
        f"{year + 3}-01-01",
    )
    page.get_by_role("link", name="Indicatoren", exact=True).click()
    add_indicator(
        page, "Uitstoot warmte", "ton CO2", "5000", f"{year - 1}-01-01", "1000", f"{year + 3}-01-01"
    )

    page.get_by_label("Gemeten waarde").fill("4800,5")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("De meting is vastgelegd.")).to_be_visible()
    expect(page.locator(".indicator-standing .standing")).to_be_visible()
    expect(page.locator("svg.goal-chart__svg circle")).to_have_count(1)
    expect(page.get_by_role("cell", name="4.800,5 ton CO2")).to_be_visible()

    page.get_by_role("link", name="Indicatoren", exact=True).click()
    rows = page.locator(".indicator-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Woningen van het gas")).to_contain_text("nog geen meting")
    assert Indicator.objects.count() == 2
    assert str(Measurement.objects.get().value.normalize()) == "4800.5"
