"""A project leader downloads the full export, and imports it again from My projects."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from wijkkoers.projects.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_exports_and_imports_a_project(page, login, alice, full_project, axe):
    login(alice)

    page.goto(f"/projecten/{full_project.public_id}/export/")
    axe(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Volledige export downloaden").click()
    path = Path(download_info.value.path())
    assert json.loads(zipfile.ZipFile(io.BytesIO(path.read_bytes())).read("project.json"))

    page.goto("/projecten/")
    page.get_by_role("link", name="Project importeren").click()
    axe(page)
    page.get_by_label("Exportbestand").set_input_files(str(path))
    page.get_by_role("button", name="Importeren").click()

    expect(page.get_by_text("Het project is geïmporteerd.")).to_be_visible()
    imported = Project.objects.exclude(pk=full_project.pk).get()
    assert page.url.endswith(f"/projecten/{imported.public_id}/")


def test_a_reader_downloads_a_spreadsheet(page, login, mila, full_project):
    login(mila)

    page.goto(f"/projecten/{full_project.public_id}/export/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Besluiten als Excel (XLSX)").click()

    assert download_info.value.suggested_filename.endswith(".xlsx")
    expect(page.get_by_role("button", name="Volledige export downloaden")).to_have_count(0)
