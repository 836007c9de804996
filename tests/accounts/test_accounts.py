import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from tests.factories import PASSWORD, UserFactory
from wijkkoers.accounts.models import User
from wijkkoers.accounts.services import update_profile

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Anna de Vries",
    "email": "anna@example.org",
    "password1": "zonnepaneel-op-het-dak-7",
    "password2": "zonnepaneel-op-het-dak-7",
}


def signup(client, **changes):
    return client.post("/account/signup/", {**GOOD, **changes})


def test_signup_sends_verification_mail_and_verifying_activates(client, settings):
    response = signup(client)

    assert response.status_code == 302
    user = User.objects.get(email="anna@example.org")
    assert user.name == "Anna de Vries"
    assert len(mail.outbox) == 1
    # Links in mails are on SITE_URL, not on the host the request came to.
    link = re.search(
        re.escape(settings.SITE_URL) + r"(/account/confirm-email/\S+/)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body

    confirm = client.post(link.group(1))

    assert confirm.status_code == 302
    assert EmailAddress.objects.get(email="anna@example.org").verified


def test_login_refused_until_email_verified(client):
    signup(client)
    client.logout()

    response = client.post(
        "/account/login/", {"login": GOOD["email"], "password": GOOD["password1"]}
    )

    assert response.status_code == 302
    assert "confirm-email" in response["Location"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in"),
        ({"password1": "kort", "password2": "kort"}, "Dit wachtwoord is te kort"),
        ({"password1": "1234567890", "password2": "1234567890"}, "volledig uit cijfers"),
        ({"password2": "iets-anders-12345"}, "hetzelfde wachtwoord twee keer"),
        ({"name": ""}, "Dit is een verplicht veld"),
    ],
)
def test_signup_bad_input_gets_dutch_message_and_keeps_the_rest(client, changes, message):
    response = signup(client, **changes)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    kept = {**GOOD, **changes}
    assert f'value="{kept["email"]}"' in html
    if kept["name"]:
        assert f'value="{kept["name"]}"' in html
    assert not User.objects.filter(email=kept["email"]).exists()


def test_signup_with_existing_email_does_not_create_second_account(client):
    UserFactory(email="anna@example.org")

    response = signup(client)

    assert User.objects.filter(email="anna@example.org").count() == 1
    # Enumeration is prevented: the page looks like a normal sign-up, the owner gets a mail.
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_login_with_wrong_password_is_throttled(client):
    user = UserFactory()
    for _ in range(5):
        client.post("/account/login/", {"login": user.email, "password": "fout-wachtwoord"})

    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 200
    assert "Te veel inlogpogingen" in response.content.decode()


def test_wrong_password_gets_dutch_message(client):
    user = UserFactory()

    response = client.post("/account/login/", {"login": user.email, "password": "fout"})

    assert "niet correct" in response.content.decode()


def test_password_reset_sends_link(client):
    user = UserFactory()

    response = client.post("/account/password/reset/", {"email": user.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/account/password/reset/key/" in mail.outbox[0].body


def test_change_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/account/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "nieuw-lang-wachtwoord-9",
            "password2": "nieuw-lang-wachtwoord-9",
        },
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("nieuw-lang-wachtwoord-9")


def test_passwords_are_hashed_with_argon2(client):
    signup(client)

    assert User.objects.get(email="anna@example.org").password.startswith("argon2")


def test_two_factor_page_offers_totp(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/account/reauthenticate/", {"password": PASSWORD})

    response = client.get("/account/2fa/totp/activate/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Authenticator" in html
    assert 'name="code"' in html


def test_two_factor_activation_with_wrong_code_gets_message(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/account/reauthenticate/", {"password": PASSWORD})

    response = client.post("/account/2fa/totp/activate/", {"code": "000000"})

    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()


def test_profile_requires_login(client):
    response = client.get("/account/profiel/")

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_profile_updates_name(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/account/profiel/", {"name": "Nieuwe Naam"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.name == "Nieuwe Naam"


def test_profile_empty_name_gets_message(client):
    client.force_login(UserFactory())

    response = client.post("/account/profiel/", {"name": ""})

    assert response.status_code == 200
    assert "Dit is een verplicht veld" in response.content.decode()


def test_full_name_is_the_name_the_user_gave():
    user = UserFactory(name="Anna de Vries", first_name="", last_name="")

    assert user.get_full_name() == "Anna de Vries"
    assert user.display_name == "Anna de Vries"


def test_user_without_a_name_is_shown_by_e_mail_address():
    user = UserFactory(name="", email="zonder-naam@example.org")

    assert user.get_full_name() == ""
    assert user.display_name == "zonder-naam@example.org"


def test_first_name_follows_the_name_for_the_cms_menu():
    user = UserFactory(name="Anna de Vries")

    update_profile(user, name="Anna Jansen")

    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Anna Jansen", "")
