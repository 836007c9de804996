import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.accounts.models import User
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Invitation, Membership
from wijkkoers.projects.services import invitation_token, invite_member

pytestmark = pytest.mark.django_db


def invite(client, alice, project, email="nieuw@example.org", role="teamlid"):
    client.force_login(alice)
    return client.post(
        reverse("projects:members", args=[project.public_id]), {"email": email, "role": role}
    )


def link_from_mail() -> str:
    return re.search(r"http://[^/\s]+(/projecten/uitnodiging/\S+/)", mail.outbox[-1].body).group(1)


def test_invitation_happy_path(client, django_capture_on_commit_callbacks, alice, project):
    newcomer = UserFactory(email="nieuw@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, alice, project)
    link = link_from_mail()
    client.force_login(newcomer)

    response = client.post(link)

    assert response.status_code == 302
    membership = Membership.objects.get(project=project, user=newcomer)
    assert membership.role == "teamlid"
    assert AuditEvent.objects.filter(
        project=project, action="member.joined", actor=newcomer
    ).exists()


def test_invitation_page_offers_login_when_the_address_has_an_account(client, alice, project):
    UserFactory(email="nieuw@example.org")
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")

    response = client.get(reverse("projects:invitation", args=[invitation_token(invitation)]))

    assert response.status_code == 200
    assert "/account/login/?next=" in response.content.decode()


def test_invitation_expired_after_7_days(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(days=8))
    invitation.refresh_from_db()
    client.force_login(UserFactory(email="nieuw@example.org"))

    response = client.post(reverse("projects:invitation", args=[invitation_token(invitation)]))

    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    assert project.memberships.count() == 3


def test_invitation_cannot_be_used_twice(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    url = reverse("projects:invitation", args=[invitation_token(invitation)])
    client.force_login(UserFactory(email="nieuw@example.org"))
    client.post(url)

    response = client.post(url)

    assert response.status_code == 410
    assert "al geaccepteerd" in response.content.decode()


def test_invitation_refuses_another_logged_in_user(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    intruder = UserFactory(email="iemand-anders@example.org")
    client.force_login(intruder)
    url = reverse("projects:invitation", args=[invitation_token(invitation)])

    page = client.get(url)
    response = client.post(url)

    assert "iemand-anders@example.org" in page.content.decode()
    assert response.status_code == 403
    assert not Membership.objects.filter(user=intruder).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_revoked_invitation_cannot_be_used(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    client.force_login(alice)
    client.post(
        reverse(
            "projects:invitation_action",
            args=[project.public_id, invitation.public_id, "intrekken"],
        )
    )
    client.force_login(UserFactory(email="nieuw@example.org"))

    response = client.post(reverse("projects:invitation", args=[invitation_token(invitation)]))

    assert response.status_code == 410
    assert "ingetrokken" in response.content.decode()


def test_resend_invalidates_the_old_link(
    client, django_capture_on_commit_callbacks, alice, project
):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    old_token = invitation_token(invitation)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "projects:invitation_action",
                args=[project.public_id, invitation.public_id, "opnieuw"],
            )
        )
    new_link = link_from_mail()
    client.force_login(UserFactory(email="nieuw@example.org"))

    old = client.post(reverse("projects:invitation", args=[old_token]))
    new = client.post(new_link)

    assert old.status_code == 410
    assert new.status_code == 302


def test_tampered_link_is_not_found(client):
    response = client.get(reverse("projects:invitation", args=["geknoeid:met:de-link"]))

    assert response.status_code == 404
    assert "niet geldig" in response.content.decode()


def test_inviting_bad_email_gets_message_and_keeps_role(client, alice, project):
    response = invite(client, alice, project, email="geen-adres", role="meelezer")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in" in html
    assert 'value="meelezer" selected' in html


def test_inviting_an_existing_member_is_refused(client, alice, bob, project):
    response = invite(client, alice, project, email=bob.email)

    assert "al lid" in response.content.decode()
    assert not Invitation.objects.filter(email=bob.email).exists()


def test_newcomer_joins_with_a_new_account_from_the_link(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="meelezer")
    url = reverse("projects:invitation", args=[invitation_token(invitation)])

    response = client.post(
        url,
        {
            "name": "Nina Nieuw",
            "password1": "buurtwarmte-voor-iedereen",
            "password2": "buurtwarmte-voor-iedereen",
        },
    )

    user = User.objects.get(email="nieuw@example.org")
    assert response.status_code == 302
    assert user.name == "Nina Nieuw"
    assert EmailAddress.objects.get(user=user).verified
    assert Membership.objects.get(project=project, user=user).role == "meelezer"
    assert client.get(response["Location"]).status_code == 200  # logged in, inside the project


def test_newcomer_signup_bad_input_keeps_name_and_creates_nothing(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    url = reverse("projects:invitation", args=[invitation_token(invitation)])

    response = client.post(
        url, {"name": "Nina Nieuw", "password1": "buurtwarmte-voor-iedereen", "password2": "anders"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "niet hetzelfde" in html
    assert 'value="Nina Nieuw"' in html
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_newcomer_signup_refuses_weak_password(client, alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    url = reverse("projects:invitation", args=[invitation_token(invitation)])

    response = client.post(url, {"name": "Nina", "password1": "kort", "password2": "kort"})

    assert "te kort" in response.content.decode()
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_signup_through_invitation_is_refused_when_address_has_an_account(client, alice, project):
    UserFactory(email="nieuw@example.org")
    invitation = invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    url = reverse("projects:invitation", args=[invitation_token(invitation)])

    response = client.post(
        url,
        {
            "name": "Indringer",
            "password1": "buurtwarmte-voor-iedereen",
            "password2": "buurtwarmte-voor-iedereen",
        },
    )

    assert response.status_code == 200
    assert User.objects.filter(email="nieuw@example.org").count() == 1
    assert not Membership.objects.filter(project=project, user__email="nieuw@example.org").exists()
