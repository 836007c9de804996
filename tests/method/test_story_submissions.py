"""Sharing a practice story: the rules (service), the form page, and the editor's decision."""

import pytest
from django.core import mail

from tests.factories import UserFactory
from wijkkoers.method import errors
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.models import PracticeStory, StepPage, StorySubmission
from wijkkoers.method.submissions import (
    STORIES_PER_DAY,
    publish_story_submission,
    reject_story_submission,
    submit_story,
)

STEP = "doel-en-verhaal"  # a step without a practice story
STEP_URL = f"/kompas/samen-starten/{STEP}/"
FORM_URL = f"/kompas/verhaal-delen/{STEP}/"
SITE = "https://wijkkoers.example.net"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def story(**overrides):
    return {
        "title": "Koffie in de portiek",
        "place": "Utrecht Overvecht",
        "what_happened": "We belden aan bij elke portiek en schonken **koffie**.",
        "what_was_learned": "Bewoners kwamen pas toen de buren er ook waren.",
        "source_url": "https://www.example.nl/verhaal",
        "involved_permission": False,
    } | overrides


# --- The rules --------------------------------------------------------------------------


def test_submit_story_stores_the_text_as_given_as_a_submitted_draft(method):
    user = UserFactory()

    submission = submit_story(user, STEP, **story(title="<b>Koffie</b>"))

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.SUBMITTED
    assert submission.title == "<b>Koffie</b>"
    assert submission.submitter == user
    assert not PracticeStory.objects.filter(title="<b>Koffie</b>").exists()


def test_submit_story_is_refused_after_the_daily_limit(method):
    user = UserFactory()
    for _ in range(STORIES_PER_DAY):
        submit_story(user, STEP, **story())

    with pytest.raises(errors.TooManyStories) as raised:
        submit_story(user, STEP, **story())

    assert "5" in str(raised.value)
    assert StorySubmission.objects.filter(submitter=user).count() == STORIES_PER_DAY


def test_submit_story_limit_is_per_user(method):
    busy = UserFactory()
    for _ in range(STORIES_PER_DAY):
        submit_story(busy, STEP, **story())

    submit_story(UserFactory(), STEP, **story())

    assert StorySubmission.objects.count() == STORIES_PER_DAY + 1


@pytest.mark.parametrize("field", ["title", "place", "what_happened", "what_was_learned"])
def test_submit_story_requires_every_text(method, field):
    with pytest.raises(errors.StoryFieldRequired) as raised:
        submit_story(UserFactory(), STEP, **story(**{field: "   "}))

    assert raised.value.field == field
    assert not StorySubmission.objects.exists()


def test_submit_story_refuses_a_text_that_is_too_long(method):
    with pytest.raises(errors.StoryFieldTooLong) as raised:
        submit_story(UserFactory(), STEP, **story(what_happened="x" * 4001))

    assert raised.value.field == "what_happened"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "geen link", "ftp://example.nl/x"])
def test_submit_story_refuses_a_bad_url(method, url):
    with pytest.raises(errors.StorySourceInvalid):
        submit_story(UserFactory(), STEP, **story(source_url=url))


def test_submit_story_needs_a_source_or_permission(method):
    with pytest.raises(errors.StorySourceMissing):
        submit_story(UserFactory(), STEP, **story(source_url=""))

    submission = submit_story(UserFactory(), STEP, **story(source_url="", involved_permission=True))
    assert submission.involved_permission


def test_submit_story_refuses_an_unknown_step(method):
    with pytest.raises(errors.UnknownStoryStep):
        submit_story(UserFactory(), "bestaat-niet", **story())


# --- The editor's decision --------------------------------------------------------------


def test_publish_story_submission_shows_it_on_the_step_and_mails_the_submitter(
    client, method, staff_user, django_capture_on_commit_callbacks
):
    submission = submit_story(UserFactory(), STEP, **story())

    with django_capture_on_commit_callbacks(execute=True):
        practice_story = publish_story_submission(staff_user, submission)

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.PUBLISHED
    assert submission.story == practice_story
    assert practice_story.source == "www.example.nl"
    assert [s.title for s in get_catalogue().steps[STEP].stories] == ["Koffie in de portiek"]
    html = client.get(STEP_URL).content.decode()
    assert "Koffie in de portiek" in html
    assert "<strong>koffie</strong>" in html
    message = mail.outbox[-1]
    assert message.to == [submission.submitter.email]
    assert "gepubliceerd" in message.body
    assert f"{SITE}{STEP_URL}#praktijk" in message.body
    assert "Wijkkoers\n" + SITE in message.body


def test_publish_story_without_a_link_names_the_submitter_as_source(method, staff_user):
    submission = submit_story(UserFactory(), STEP, **story(source_url="", involved_permission=True))

    practice_story = publish_story_submission(staff_user, submission)

    assert practice_story.source == "Ingezonden door een betrokkene"
    assert practice_story.source_url == ""


def test_publish_story_keeps_an_editors_pending_draft(method, staff_user):
    page = StepPage.objects.get(key=STEP)
    draft = page.get_latest_revision_as_object()
    draft.subtitle = "Een nieuwe ondertitel in een concept"
    draft.save_revision(user=staff_user)
    submission = submit_story(UserFactory(), STEP, **story())

    publish_story_submission(staff_user, submission)

    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert page.subtitle != "Een nieuwe ondertitel in een concept"
    assert latest.subtitle == "Een nieuwe ondertitel in een concept"
    assert [ss.story.title for ss in latest.step_stories.all()] == ["Koffie in de portiek"]


def test_reject_story_submission_mails_and_publishes_nothing(
    method, staff_user, django_capture_on_commit_callbacks
):
    submission = submit_story(UserFactory(), STEP, **story())

    with django_capture_on_commit_callbacks(execute=True):
        reject_story_submission(staff_user, submission)

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.REJECTED
    assert get_catalogue().steps[STEP].stories == ()
    assert "niet te publiceren" in mail.outbox[-1].body


def test_a_decided_submission_cannot_be_decided_again(method, staff_user):
    submission = submit_story(UserFactory(), STEP, **story())
    reject_story_submission(staff_user, submission)

    with pytest.raises(errors.StoryAlreadyDecided):
        publish_story_submission(staff_user, submission)

    assert not PracticeStory.objects.filter(title="Koffie in de portiek").exists()


# --- The pages --------------------------------------------------------------------------


def test_step_without_story_links_to_the_form(client, method):
    html = client.get(STEP_URL).content.decode()

    assert f'href="{FORM_URL}">Deel het met ons</a>' in html


def test_form_page_gives_a_visitor_a_login_link(client, method):
    response = client.get(FORM_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "/account/login/?next=/kompas/verhaal-delen/doel-en-verhaal/" in html
    assert '<form method="post"' not in html.split("<main", 1)[1]


def test_form_page_shows_the_form_when_logged_in(client, method):
    client.force_login(UserFactory())

    html = client.get(FORM_URL).content.decode()

    assert 'name="what_was_learned"' in html
    assert "Deel een verhaal uit de praktijk" in html


def test_form_page_sends_a_story(client, method):
    user = UserFactory()
    client.force_login(user)

    response = client.post(FORM_URL, story())

    assert response.status_code == 302
    assert StorySubmission.objects.get().submitter == user
    assert "Dank je" in client.get(response.url).content.decode()


def test_form_page_keeps_input_with_dutch_messages(client, method):
    client.force_login(UserFactory())

    response = client.post(FORM_URL, story(source_url="", title="Mijn verhaal"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mijn verhaal"' in html
    assert "Geef een link naar de bron" in html
    assert not StorySubmission.objects.exists()


def test_form_page_is_404_for_an_unknown_step(client, method):
    client.force_login(UserFactory())

    assert client.get("/kompas/verhaal-delen/bestaat-niet/").status_code == 404


def test_form_page_shows_the_rate_limit_in_dutch(client, method):
    user = UserFactory()
    for _ in range(STORIES_PER_DAY):
        submit_story(user, STEP, **story())
    client.force_login(user)

    html = client.post(FORM_URL, story()).content.decode()

    assert "Je hebt vandaag al 5 verhalen gedeeld" in html


# --- The CMS: the editor's path ---------------------------------------------------------


def _admin_edit(client, submission, action, **changes):
    data = story() | {"step_key": submission.step_key} | changes
    data["involved_permission"] = "on" if data["involved_permission"] else ""
    return client.post(
        f"/cms/snippets/method/storysubmission/edit/{submission.pk}/", data | {action: "1"}
    )


def test_editor_publishes_a_corrected_story_from_the_cms(staff_client, method):
    submission = submit_story(UserFactory(), STEP, **story())

    response = _admin_edit(
        staff_client, submission, "action-publish-story", title="Koffie in elke portiek"
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.PUBLISHED
    assert submission.story.title == "Koffie in elke portiek"
    assert "Koffie in elke portiek" in staff_client.get(STEP_URL).content.decode()


def test_editor_rejects_a_story_from_the_cms(staff_client, method):
    submission = submit_story(UserFactory(), STEP, **story())

    _admin_edit(staff_client, submission, "action-reject-story")

    submission.refresh_from_db()
    assert submission.status == StorySubmission.Status.REJECTED
    assert submission.story is None


def test_cms_lists_submissions_with_their_status(staff_client, method):
    submit_story(UserFactory(), STEP, **story())

    html = staff_client.get("/cms/snippets/method/storysubmission/").content.decode()

    assert "Koffie in de portiek" in html
    assert "Ingediend" in html
