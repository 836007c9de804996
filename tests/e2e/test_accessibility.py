"""axe-core on every page kind; serious or critical findings fail the test."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/",
    "/account/login/",
    "/account/signup/",
    "/account/password/reset/",
    "/bestaat-niet/",
    "/over/",
    "/privacy/",
    "/contact/",
    "/licentie/",
    "/toegankelijkheid/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_serious_axe_findings(page, axe, path):
    page.goto(path)

    axe(page)


@pytest.mark.parametrize(
    "path", ["/account/profiel/", "/account/password/change/", "/account/2fa/", "/account/email/"]
)
def test_account_page_has_no_serious_axe_findings(page, axe, login, outsider, path):
    login(outsider)
    page.goto(path)

    axe(page)


def test_signup_with_errors_has_no_serious_axe_findings(page, axe):
    page.goto("/account/signup/")
    page.get_by_role("button", name="Registreren").click()

    axe(page)
