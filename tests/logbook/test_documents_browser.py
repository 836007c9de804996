"""A teamlid uploads a document in the browser, finds it by search and downloads it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.logbook.documents_support import PDF
from wijkkoers.logbook.models import Document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teamlid_uploads_a_document_and_downloads_it(
    page, login, bob, project, method, tmp_path, axe
):
    path = tmp_path / "Verslag startbijeenkomst.pdf"
    path.write_bytes(PDF)
    login(bob)

    page.goto(f"/projecten/{project.public_id}/logboek/documenten/?stap=helderheid-over-ambities")
    axe(page)
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_label("Titel").fill("Verslag van de startbijeenkomst")
    page.get_by_role("button", name="Document toevoegen").click()

    expect(page.get_by_text("Het document is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("heading", name="Verslag van de startbijeenkomst")).to_be_visible()
    axe(page)
    document = Document.objects.get()
    assert document.entry.steps.get().step_key == "helderheid-over-ambities"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Downloaden").click()
    download = download_info.value
    assert download.suggested_filename == "Verslag startbijeenkomst.pdf"
    assert Path(download.path()).read_bytes() == PDF

    page.get_by_role("link", name="Zoeken in het logboek").click()
    page.get_by_label("Zoek in besluiten").fill("startbijeenkomsten")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Verslag van de startbijeenkomst")).to_be_visible()
    axe(page)


def test_a_refused_file_is_named_in_the_form(page, login, bob, project, method, tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"MZ\x90\x00 not a pdf")
    login(bob)

    page.goto(f"/projecten/{project.public_id}/logboek/documenten/toevoegen/")
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Document toevoegen").click()

    expect(page.get_by_text("komt niet overeen met de naam")).to_be_visible()
    assert not Document.objects.exists()
