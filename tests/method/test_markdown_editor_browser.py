"""Browser: an editor types Markdown in the CMS and the preview follows; the step picker
inserts a link to another step at the cursor."""

import re

import pytest

from tests.factories import UserFactory
from wijkkoers.method.models import StepPage
from wijkkoers.method.services import load_method

from .conftest import CONTENT_DIR, SEED_KEY

pytestmark = pytest.mark.browser


@pytest.fixture
def live_method(transactional_db):
    report = load_method(CONTENT_DIR)
    assert not report.errors


def test_editor_types_and_the_preview_follows(page, login, live_method):
    editor = UserFactory(name="Eva Redacteur", is_staff=True, is_superuser=True)
    step = StepPage.objects.get(key=SEED_KEY)
    target = StepPage.objects.get(key="gezamenlijke-ambitie")
    login(editor)
    page.goto(f"/cms/pages/{step.pk}/edit/")

    doel = page.locator("#id_doel")
    editor_box = page.locator("[data-wk-markdown]").filter(has=doel)
    preview = editor_box.locator("[data-wk-preview]")
    assert "Iedere partij aan tafel" in preview.inner_text()  # the first preview came along

    doel.fill("")
    doel.press_sequentially("Een **vette** zin over <b>de wijk</b>. Zie ")
    expect_text = re.compile(r"Een vette zin over de wijk\. Zie")
    preview.locator("strong", has_text="vette").wait_for()
    assert expect_text.search(preview.inner_text())
    assert preview.locator("b").count() == 0  # HTML a user types is never rendered

    editor_box.get_by_label("Link naar een stap").select_option("gezamenlijke-ambitie")
    editor_box.get_by_role("button", name="Link invoegen").click()

    assert doel.input_value().endswith(
        "Zie [Gezamenlijke ambitie voor de wijk opstellen](knooppunt:gezamenlijke-ambitie)"
    )
    link = preview.get_by_role("link", name="Gezamenlijke ambitie voor de wijk opstellen")
    link.wait_for()
    assert link.get_attribute("href") == target.url

    doel.press_sequentially(" en [weg](knooppunt:bestaat-niet)")
    warning = editor_box.locator("[data-wk-unknown]")
    warning.wait_for()
    assert "bestaat-niet" in warning.inner_text()
