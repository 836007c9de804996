"""One voice and clear titles: login lands on My projects, "je" on account pages, footer pages."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.html import inline_code

pytestmark = pytest.mark.django_db
FOOTER_PAGES = ["/over/", "/privacy/", "/contact/", "/licentie/", "/toegankelijkheid/"]
# Formal Dutch ("u", "uw") and the misspellings the issue names, as whole words in the text.
FORMAL = re.compile(r"\b(?:[Uu]w|U)\b|zijn of haar|Bevestigings e-mail|[Tt]wee-factor")


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S))


def title(html: str) -> str:
    # As a browser shows it: runs of whitespace (allauth's titles have newlines) are one space.
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def test_login_lands_on_my_projects(client):
    user = UserFactory()

    response = client.post("/account/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("projects:portfolio")


def test_login_with_next_still_goes_to_next(client):
    user = UserFactory()

    response = client.post(
        "/account/login/?next=/account/profiel/", {"login": user.email, "password": PASSWORD}
    )

    assert response["Location"] == "/account/profiel/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/", "Samen de wijk van het aardgas af — Wijkkoers"),
        ("/account/login/", "Inloggen — Wijkkoers"),
        ("/over/", "Over Wijkkoers — Wijkkoers"),
        ("/toegankelijkheid/", "Toegankelijkheidsverklaring — Wijkkoers"),
        ("/bestaat-niet/", "Pagina niet gevonden — Wijkkoers"),
    ],
)
def test_title_names_the_page_then_wijkkoers(client, url, expected):
    assert title(client.get(url).content.decode()) == expected


@pytest.mark.parametrize(
    "url",
    [
        "/",
        *FOOTER_PAGES,
        "/account/login/",
        "/account/signup/",
        "/account/password/reset/",
        "/bestaat-niet/",
    ],
)
def test_public_page_title_has_a_separator(client, url):
    assert re.fullmatch(r".+\S — Wijkkoers", title(client.get(url).content.decode()), re.S)


@pytest.mark.parametrize(
    "url",
    [
        "/account/profiel/",
        "/account/email/",
        "/account/password/change/",
        "/account/2fa/",
        "/projecten/",
        "/projecten/nieuw/",
    ],
)
def test_member_page_title_has_a_separator(client, url):
    client.force_login(UserFactory())

    assert re.fullmatch(r".+\S — Wijkkoers", title(client.get(url).content.decode()), re.S)


@pytest.mark.parametrize("url", FOOTER_PAGES)
def test_footer_page_is_there_without_inline_code(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert inline_code(response.content.decode()) == []


def test_every_page_links_to_the_footer_pages(client):
    html = client.get("/account/login/").content.decode()

    for url in FOOTER_PAGES:
        assert f'href="{url}"' in html


def test_contact_details_come_from_settings(client, settings):
    settings.CONTACT_NAME = "Gemeente Voorbeeld, team warmte"
    settings.CONTACT_EMAIL = "warmte@voorbeeld.example"

    html = client.get("/contact/").content.decode()

    assert "Gemeente Voorbeeld, team warmte" in html
    assert 'href="mailto:warmte@voorbeeld.example"' in html


def test_contact_page_says_so_when_no_contact_is_set(client, settings):
    settings.CONTACT_EMAIL = ""

    html = client.get("/contact/").content.decode()

    assert "Deze installatie heeft nog geen contactgegevens opgegeven." in html
    assert "mailto:" not in html


def test_accessibility_statement_names_the_standard_and_its_gaps(client):
    html = client.get("/toegankelijkheid/").content.decode()

    assert "WCAG 2.1" in html
    assert "EN 301 549" in html
    assert "axe-core" in html
    assert "Bekende tekortkomingen" in html


def test_home_says_how_to_reach_the_demo_outside_production(client):
    html = client.get("/").content.decode()

    assert "<code>make run</code>" in html
    assert 'href="/kompas/"' in html


def test_home_offers_login_and_signup_on_a_public_installation(client, settings):
    settings.PRODUCTION = True

    html = client.get("/").content.decode()

    assert "make run" not in html
    assert f'href="{reverse("account_signup")}"' in html
    assert f'href="{reverse("account_login")}"' in html


@pytest.mark.parametrize("url", ["/account/login/", "/account/signup/", "/account/password/reset/"])
def test_public_account_page_says_je_never_u(client, url):
    text = visible_text(client.get(url).content.decode())

    assert FORMAL.findall(text) == []


def test_account_forms_with_errors_say_je_never_u(client):
    signup = client.post("/account/signup/", {"email": "x", "password1": "1", "password2": "2"})
    login = client.post("/account/login/", {"login": "x@example.org", "password": "fout"})

    for response in (signup, login):
        assert FORMAL.findall(visible_text(response.content.decode())) == []


@pytest.mark.parametrize(
    "url",
    [
        "/account/email/",
        "/account/password/change/",
        "/account/2fa/",
        "/account/profiel/",
    ],
)
def test_member_account_page_says_je_never_u(client, url):
    client.force_login(UserFactory())

    text = visible_text(client.get(url).content.decode())

    assert FORMAL.findall(text) == []


def test_adding_an_address_confirms_with_bevestigingsmail(client):
    client.force_login(UserFactory())

    response = client.post(
        "/account/email/", {"action_add": "", "email": "nieuw@example.org"}, follow=True
    )

    text = visible_text(response.content.decode())
    assert "Bevestigingsmail verstuurd naar nieuw@example.org." in text
    assert FORMAL.findall(text) == []


def test_two_factor_is_tweestapsverificatie(client):
    client.force_login(UserFactory())

    text = visible_text(client.get("/account/2fa/").content.decode())

    assert "Tweestapsverificatie" in text
