import pytest
from django.test import override_settings

from tests.html import inline_code

pytestmark = pytest.mark.django_db


def test_home_is_dutch_by_default(client):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_home_switches_to_english(client):
    response = client.post("/taal/", {"language": "en", "next": "/"}, follow=True)

    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_home_has_skip_link_and_landmarks(client):
    html = client.get("/").content.decode()

    assert 'href="#inhoud"' in html
    assert '<main id="inhoud"' in html
    for landmark in ("<header", "<nav", "<footer"):
        assert landmark in html


def test_security_headers_are_strict(client):
    response = client.get("/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/account/login/",
        "/account/signup/",
        "/account/password/reset/",
        "/bestaat-niet/",
    ],
)
def test_pages_have_no_inline_scripts_or_styles(client, url):
    html = client.get(url).content.decode()

    assert inline_code(html) == []


def test_error_pages_have_no_inline_scripts_or_styles(client):
    from wijkkoers.core.limits import body_too_large_response
    from wijkkoers.core.views import server_error

    for response in (server_error(None), body_too_large_response(5 * 1024 * 1024)):
        assert inline_code(response.content.decode()) == []


def test_unknown_url_gets_styled_404(client):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html
    assert "wijkkoers.css" in html


@override_settings(DEBUG=False)
def test_server_error_gets_styled_500_without_internals(rf):
    from wijkkoers.core.views import server_error

    response = server_error(rf.get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    assert "Traceback" not in html


def test_cms_requires_login(client):
    response = client.get("/cms/")

    assert response.status_code == 302
    assert "/cms/login/" in response["Location"] or "/account/login/" in response["Location"]


def test_cms_refuses_non_staff(outsider_client):
    response = outsider_client.get("/cms/")

    assert response.status_code in (302, 403)


def test_cms_opens_for_staff_in_dutch(staff_client):
    response = staff_client.get("/cms/")

    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()
