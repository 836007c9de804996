"""allauth's mails in our own words: one-line subject, Dutch (or English), signed, on SITE_URL."""

import re

import pytest
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SITE = "https://wijkkoers.example.net"
SIGNUP = {
    "name": "Anna de Vries",
    "email": "anna@example.org",
    "password1": "zonnepaneel-op-het-dak-7",
    "password2": "zonnepaneel-op-het-dak-7",
}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def english(client):
    client.post("/taal/", {"language": "en", "next": "/"})
    return client


def assert_ours(message, *, signature="Groeten,\nWijkkoers\n"):
    assert "\n" not in message.subject
    assert message.subject.startswith("[Wijkkoers] ")
    assert signature + SITE + "/" in message.body
    for foreign in ("testserver", "127.0.0.1", "example.com", "Hello from", "Uw ", " u "):
        assert foreign not in message.body


def test_verification_mail_is_dutch_signed_and_links_to_site_url(client):
    client.post("/account/signup/", SIGNUP)

    message = mail.outbox[0]
    assert message.subject == "[Wijkkoers] Bevestig je e-mailadres"
    assert "Bevestig met deze link dat het adres van jou is:" in message.body
    assert re.search(re.escape(SITE) + r"/account/confirm-email/\S+/", message.body)
    assert_ours(message)


def test_verification_mail_is_english_when_the_language_is_english(client):
    english(client).post("/account/signup/", SIGNUP)

    message = mail.outbox[0]
    assert message.subject == "[Wijkkoers] Confirm your e-mail address"
    assert "Confirm that the address is yours with this link:" in message.body
    assert_ours(message, signature="Best wishes,\nWijkkoers\n")


def test_verification_link_from_the_mail_confirms_the_address(client):
    client.post("/account/signup/", SIGNUP)
    path = re.search(re.escape(SITE) + r"(/account/confirm-email/\S+/)", mail.outbox[0].body)

    response = client.post(path.group(1))

    assert response.status_code == 302


def test_password_reset_mail_is_dutch_signed_and_links_to_site_url(client):
    user = UserFactory()

    client.post("/account/password/reset/", {"email": user.email})

    message = mail.outbox[0]
    assert message.subject == "[Wijkkoers] Kies een nieuw wachtwoord"
    assert f"{SITE}/account/password/reset/key/" in message.body
    assert_ours(message)


def test_password_reset_mail_is_english_when_the_language_is_english(client):
    user = UserFactory()

    english(client).post("/account/password/reset/", {"email": user.email})

    assert mail.outbox[0].subject == "[Wijkkoers] Choose a new password"
    assert_ours(mail.outbox[0], signature="Best wishes,\nWijkkoers\n")


def test_password_reset_for_an_unknown_address_mails_a_signup_link_on_site_url(client):
    client.post("/account/password/reset/", {"email": "onbekend@example.org"})

    message = mail.outbox[0]
    assert message.subject == "[Wijkkoers] Geen account met dit e-mailadres"
    assert f"{SITE}/account/signup/" in message.body
    assert_ours(message)


def test_signup_with_a_known_address_mails_a_reset_link_on_site_url(client):
    UserFactory(email="anna@example.org")

    client.post("/account/signup/", SIGNUP)

    message = mail.outbox[0]
    assert message.subject == "[Wijkkoers] Je hebt al een account"
    assert f"{SITE}/account/password/reset/" in message.body
    assert_ours(message)
