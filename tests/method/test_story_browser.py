"""Browser journey: a member shares a story, an editor publishes it, the step shows it."""

import pytest

from tests.factories import UserFactory
from wijkkoers.method.models import StorySubmission
from wijkkoers.method.services import load_method
from wijkkoers.method.submissions import publish_story_submission

from .conftest import CONTENT_DIR

pytestmark = pytest.mark.browser
STEP_URL = "/kompas/samen-starten/doel-en-verhaal/"


@pytest.fixture
def live_method(transactional_db):
    report = load_method(CONTENT_DIR)
    assert not report.errors


def test_story_shared_published_and_shown_on_the_step(page, login, axe, live_method):
    member = UserFactory(name="Mila Bewoner")
    editor = UserFactory(name="Eva Redacteur", is_staff=True, is_superuser=True)
    login(member)

    page.goto(STEP_URL)
    page.get_by_role("link", name="Deel het met ons").click()
    page.wait_for_url("**/verhaal-delen/doel-en-verhaal/")
    axe(page)
    page.get_by_label("Titel").fill("Koffie in de portiek")
    page.get_by_label("Plaats").fill("Utrecht Overvecht")
    page.get_by_label("Wat gebeurde er?").fill("We schonken koffie in elke portiek.")
    page.get_by_label("Wat heb je ervan geleerd?").fill("Buren trekken buren over de streep.")
    page.get_by_label("Ik was er zelf bij betrokken").check()
    page.get_by_role("button", name="Verhaal versturen").click()
    page.wait_for_url("**?verzonden=1")
    assert "Dank je" in page.locator("main").inner_text()
    axe(page)

    submission = StorySubmission.objects.get()
    assert submission.status == StorySubmission.Status.SUBMITTED
    publish_story_submission(editor, submission)

    page.goto(STEP_URL)
    stories = page.locator("#praktijk")
    assert "Koffie in de portiek" in stories.inner_text()
    assert "Ingezonden door een betrokkene" in stories.inner_text()


def test_share_form_errors_pass_axe(page, login, axe, live_method):
    login(UserFactory())
    page.goto("/kompas/verhaal-delen/doel-en-verhaal/")

    with page.expect_navigation():
        page.get_by_role("button", name="Verhaal versturen").click()

    assert "Dit is een verplicht veld" in page.locator("main").inner_text()
    axe(page)
