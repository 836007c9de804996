"""One login for the whole site (allauth's), and throttling a stranger cannot use against you."""

import pytest
from allauth.mfa.models import Authenticator

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def cms_login(client, user, password=PASSWORD):
    # The field names of Wagtail's own login form: the username is the e-mail address.
    return client.post("/cms/login/", {"username": user.email, "password": password})


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_cms_login_does_not_log_in_an_account_with_two_factor_login(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})

    response = cms_login(client, user)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert not logged_in(client)


def test_cms_login_does_not_log_in_an_unverified_account(client):
    user = UserFactory(is_staff=True, verified=False)

    cms_login(client, user)

    assert not logged_in(client)


def test_cms_login_with_30_wrong_passwords_then_the_right_one_logs_nobody_in(client):
    user = UserFactory(is_staff=True)
    for _ in range(30):
        cms_login(client, user, password="fout-wachtwoord")

    cms_login(client, user)

    assert not logged_in(client)


def test_cms_login_sends_to_the_site_login_keeping_next(client):
    response = client.get("/cms/login/?next=/cms/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=%2Fcms%2Fpages%2F"


def test_cms_password_reset_sends_to_the_site_password_reset(client):
    user = UserFactory(is_staff=True)

    response = client.post("/cms/password_reset/", {"email": user.email})

    assert response.status_code == 302
    assert response["Location"] == "/account/password/reset/"


def test_cms_sends_anonymous_visitors_to_the_site_login(client):
    response = client.get("/cms/")

    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/cms/"


def test_editor_reaches_the_cms_after_the_site_login(client):
    editor = UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        "/account/login/?next=/cms/", {"login": editor.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/cms/"
    assert response.status_code == 200
    assert logged_in(client)


# --- Throttling ---------------------------------------------------------------------------

PLACE_A = "203.0.113.7"
PLACE_B = "198.51.100.23"


def login_from(client, ip, user, password):
    return client.post(
        "/account/login/", {"login": user.email, "password": password}, REMOTE_ADDR=ip
    )


def test_wrong_passwords_from_one_place_do_not_lock_the_owner_out_elsewhere(client):
    user = UserFactory()
    for _ in range(5):
        login_from(client, PLACE_A, user, "fout-wachtwoord")

    response = login_from(client, PLACE_B, user, PASSWORD)

    assert response.status_code == 302
    assert logged_in(client)


def test_wrong_passwords_from_one_place_throttle_that_place(client):
    user = UserFactory()
    for _ in range(5):
        login_from(client, PLACE_A, user, "fout-wachtwoord")

    response = login_from(client, PLACE_A, user, PASSWORD)

    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not logged_in(client)


def test_one_place_guessing_many_accounts_is_throttled(client):
    users = UserFactory.create_batch(5)
    for user in users:
        for _ in range(4):
            login_from(client, PLACE_A, user, "fout-wachtwoord")

    response = login_from(client, PLACE_A, UserFactory(), PASSWORD)

    assert "Te veel inlogpogingen" in response.content.decode()
    assert not logged_in(client)


def test_account_mail_subjects_are_one_line():
    from allauth.account.adapter import get_adapter

    assert (
        get_adapter().format_email_subject("Bevestig\nje adres") == "[Wijkkoers] Bevestig je adres"
    )
