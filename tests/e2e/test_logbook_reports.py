"""A late joiner is pointed to the briefing, reads the timeline, and downloads the report."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.logbook.report_rows import agreement, decision, meeting, progress
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import add_member, create_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEP = "helderheid-over-ambities"


def test_timeline_briefing_and_report_pdf(page, login, method, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.utils import timezone

    today = timezone.localdate()
    leader = UserFactory(name="Lotte Leider")
    joiner = UserFactory(name="Nina Nieuw")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    add_member(leader, project, joiner, role=Role.MEELEZER)
    meeting(project, "Startbijeenkomst", today, user=leader)
    decision(project, "Warmtenet als voorkeur", today, user=leader, steps=[STEP])
    agreement(project, "Enquête uitzetten", today)
    progress(leader, project, STEP, "gestart", today)

    login(joiner)
    page.goto(f"/projecten/{project.public_id}/")
    page.get_by_role("link", name="Lees het inwerkdossier").click()
    expect(page.get_by_role("heading", name="Geldende besluiten")).to_be_visible()
    expect(page.get_by_text("Warmtenet als voorkeur")).to_be_visible()
    expect(page.get_by_text("Enquête uitzetten")).to_be_visible()

    page.get_by_role("link", name="Tijdlijn").click()
    timeline = page.locator("ol.timeline")
    expect(timeline.get_by_text("Startbijeenkomst")).to_be_visible()
    expect(timeline.get_by_text(re.compile("naar ‘gestart’"))).to_be_visible()
    page.get_by_label("Soort").select_option("besluit")
    page.get_by_role("button", name="Filteren").click()
    expect(timeline.get_by_text("Warmtenet als voorkeur")).to_be_visible()
    expect(timeline.get_by_text("Startbijeenkomst")).to_have_count(0)

    page.get_by_role("link", name="Projectrapport").click()
    page.get_by_role("button", name="Maak rapport").click()
    expect(page.get_by_text("De PDF is klaar.")).to_be_visible(timeout=120_000)
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF downloaden").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.goto(f"/projecten/{project.public_id}/")
    expect(page.get_by_role("link", name="Lees het inwerkdossier")).to_have_count(0)
