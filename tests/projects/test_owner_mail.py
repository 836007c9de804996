"""A member who becomes a step's owner gets one mail, sent by a task after the commit."""

import pytest
from django.core import mail
from django.utils import translation

from wijkkoers.projects.services import ProgressChange, add_subproject, set_step_progress

pytestmark = pytest.mark.django_db
SEED = "helderheid-over-ambities"
SITE = "https://wijkkoers.example.net"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def set_owner(actor, project, owner, *, version, subproject=None, status="gestart"):
    change = ProgressChange(status=status, owner=owner)
    return set_step_progress(
        actor, project, SEED, change, expected_version=version, subproject=subproject
    )


def test_owner_mail_is_sent_after_the_commit(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    with django_capture_on_commit_callbacks() as callbacks:
        set_owner(alice, project, bob, version=0)
        assert mail.outbox == []

    for callback in callbacks:
        callback()

    assert [message.to for message in mail.outbox] == [[bob.email]]


def test_owner_mail_is_dutch_one_line_signed_and_links_to_the_step_on_site_url(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    with django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, bob, version=0)

    message = mail.outbox[0]
    assert message.subject == "Je bent eigenaar van stap 1.2 in Wijkaanpak Testwijk"
    assert "Alice Projectleider heeft je eigenaar gemaakt van stap" in message.body
    assert f"{SITE}/projecten/{project.public_id}/stappen/{SEED}/" in message.body
    assert "Groeten,\nWijkkoers\n" + SITE + "/" in message.body
    assert "127.0.0.1" not in message.body
    assert "example.com" not in message.body


def test_owner_mail_is_english_when_the_language_is_english(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, bob, version=0)

    message = mail.outbox[0]
    assert message.subject == "You are the owner of step 1.2 in Wijkaanpak Testwijk"
    assert "Alice Projectleider made you the owner of step" in message.body
    assert "Best wishes,\nWijkkoers" in message.body


def test_owner_mail_for_a_subproject_links_to_the_subproject_step(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    sub = add_subproject(alice, project, name="Blok Noord")

    with django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, bob, version=0, subproject=sub)

    assert f"stappen/{SEED}/?deelproject={sub.public_id}" in mail.outbox[0].body
    assert 'deelproject "Blok Noord"' in mail.outbox[0].body


def test_owner_mail_is_not_sent_again_when_the_owner_is_unchanged(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    with django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, bob, version=0)
        set_owner(alice, project, bob, version=1, status="gepauzeerd")

    assert len(mail.outbox) == 1


def test_owner_mail_is_not_sent_when_members_make_themselves_owner(
    django_capture_on_commit_callbacks, bob, project, method
):
    with django_capture_on_commit_callbacks(execute=True):
        set_owner(bob, project, bob, version=0)

    assert mail.outbox == []


def test_owner_mail_is_not_sent_when_the_owner_is_removed(
    django_capture_on_commit_callbacks, alice, bob, project, method
):
    set_owner(alice, project, bob, version=0)

    with django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, None, version=1)

    assert mail.outbox == []


def test_owner_mail_goes_to_the_new_owner_when_the_owner_changes(
    django_capture_on_commit_callbacks, alice, bob, mila, project, method
):
    set_owner(alice, project, bob, version=0)

    with django_capture_on_commit_callbacks(execute=True):
        set_owner(alice, project, mila, version=1)

    assert [message.to for message in mail.outbox] == [[mila.email]]


def test_owner_mail_is_skipped_when_the_owner_changed_again_before_sending(
    django_capture_on_commit_callbacks, alice, bob, mila, project, method
):
    with django_capture_on_commit_callbacks() as first:
        set_owner(alice, project, bob, version=0)
    set_owner(alice, project, mila, version=1)

    for callback in first:
        callback()

    assert mail.outbox == []
