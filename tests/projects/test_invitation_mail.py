"""Invitation mail is sent by a task after the commit; a failure is recorded and shown."""

import pytest
from django.core import mail
from django.urls import reverse

from wijkkoers.core.mail import mail_subject
from wijkkoers.projects.models import Invitation
from wijkkoers.projects.services import invite_member, resend_invitation, update_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_mail_server(settings):
    """A real SMTP backend pointed at a port where nothing listens: every sending fails."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 1
    settings.EMAIL_TIMEOUT = 2


def test_mail_subject_is_one_line():
    assert mail_subject(" Uitnodiging voor\r\nWijk\n\taanpak ") == "Uitnodiging voor Wijk aanpak"


def test_invitation_mail_is_sent_after_the_commit(
    django_capture_on_commit_callbacks, alice, project
):
    with django_capture_on_commit_callbacks() as callbacks:
        invite_member(alice, project, email="nieuw@example.org", role="teamlid")
        assert mail.outbox == []

    for callback in callbacks:
        callback()

    assert [message.to for message in mail.outbox] == [["nieuw@example.org"]]


def test_newline_in_project_name_gives_a_one_line_subject(
    django_capture_on_commit_callbacks, alice, project
):
    update_project(alice, project, name="Wijkaanpak\nTestwijk")

    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Uitnodiging voor Wijkaanpak Testwijk op Wijkkoers"
    invitation.refresh_from_db()
    assert invitation.mail_failed_at is None


def test_newline_in_project_name_does_not_break_a_resend(
    django_capture_on_commit_callbacks, alice, project
):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    update_project(alice, project, name="Wijkaanpak\r\nTestwijk")

    with django_capture_on_commit_callbacks(execute=True):
        resend_invitation(alice, invitation)

    assert "\n" not in mail.outbox[-1].subject


def test_failing_mail_marks_the_invitation_and_the_members_page_says_so(
    client, django_capture_on_commit_callbacks, broken_mail_server, alice, project
):
    client.force_login(alice)
    url = reverse("projects:members", args=[project.public_id])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "nieuw@example.org", "role": "teamlid"})

    assert response.status_code == 302
    invitation = Invitation.objects.get(project=project, email="nieuw@example.org")
    assert invitation.mail_failed_at is not None
    page = client.get(url).content.decode()
    assert "De uitnodigingsmail aan nieuw@example.org kon niet worden verstuurd" in page


def test_resend_that_succeeds_clears_the_failure(
    client, django_capture_on_commit_callbacks, settings, broken_mail_server, alice, project
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "projects:invitation_action",
                args=[project.public_id, invitation.public_id, "opnieuw"],
            )
        )

    invitation.refresh_from_db()
    assert invitation.mail_failed_at is None
    assert len(mail.outbox) == 1
    page = client.get(reverse("projects:members", args=[project.public_id])).content.decode()
    assert "kon niet worden verstuurd" not in page


def test_invitation_mail_is_signed_and_links_to_site_url(
    settings, django_capture_on_commit_callbacks, alice, project
):
    settings.SITE_URL = "https://wijkkoers.example.net"

    with django_capture_on_commit_callbacks(execute=True):
        invite_member(alice, project, email="nieuw@example.org", role="teamlid")

    body = mail.outbox[0].body
    assert "https://wijkkoers.example.net/projecten/uitnodiging/" in body
    assert body.rstrip().endswith("Groeten,\nWijkkoers\nhttps://wijkkoers.example.net/")
