"""Browser: record a kick-off meeting with two decisions and an agreement, revise one decision."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.logbook.models import DecisionRevision, Entry
from wijkkoers.projects.services import add_party, create_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_record_a_kick_off_and_revise_a_decision(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    add_party(leader, project, name="Woonstichting Zon", party_type="woningcorporatie")
    login(leader)

    page.goto(f"/projecten/{project.public_id}/")
    page.get_by_role("link", name="Logboek", exact=True).click()
    page.get_by_role("link", name="Bijeenkomst toevoegen").click()
    page.get_by_label("Titel").fill("Startbijeenkomst")
    page.get_by_label("Datum", exact=True).fill("2026-03-01")
    page.get_by_label("Soort bijeenkomst").select_option("startbijeenkomst")
    page.get_by_role("group", name="Aanwezige partijen").get_by_label("Woonstichting Zon").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", name="Startbijeenkomst")).to_be_visible()

    page.get_by_role("link", name="Besluiten, afspraken en acties vastleggen").click()
    first = page.get_by_role("group", name="Besluit 1")
    first.get_by_label("Besluit", exact=True).fill("We werken met een kernteam")
    second = page.get_by_role("group", name="Besluit 2")
    second.get_by_label("Besluit", exact=True).fill("Eerst de ambities ophalen")
    agreement = page.get_by_role("group", name="Afspraak 1")
    agreement.get_by_label("Afspraak", exact=True).fill("Ambities aanleveren")
    agreement.get_by_label("Eigenaar").select_option(label="Woonstichting Zon")
    agreement.get_by_label("Streefdatum").fill("2026-04-15")
    page.get_by_role("button", name="Alles opslaan").click()

    recorded = page.locator(
        "section", has=page.get_by_role("heading", name="Vastgelegd bij deze bijeenkomst")
    )
    expect(recorded.get_by_role("link", name="We werken met een kernteam")).to_be_visible()
    expect(recorded.get_by_role("link", name="Eerst de ambities ophalen")).to_be_visible()
    expect(recorded.get_by_role("link", name="Ambities aanleveren")).to_be_visible()

    recorded.get_by_role("link", name="We werken met een kernteam").click()
    page.get_by_role("link", name="Dit besluit wijzigen").click()
    page.get_by_label("Titel").fill("We werken met een kernteam van drie partners")
    page.get_by_label("Waarom deze wijziging?").fill("Na overleg aangescherpt")
    page.get_by_role("button", name="Opslaan").click()

    expect(
        page.get_by_role("heading", name="We werken met een kernteam van drie partners")
    ).to_be_visible()
    expect(page.get_by_text(re.compile("Versie 2"))).to_be_visible()
    expect(page.get_by_text("Na overleg aangescherpt").first).to_be_visible()
    entry = Entry.objects.get(title="We werken met een kernteam van drie partners")
    assert DecisionRevision.objects.filter(decision__entry=entry).count() == 2
    assert Entry.objects.filter(project=project, meeting__isnull=False).count() == 3
