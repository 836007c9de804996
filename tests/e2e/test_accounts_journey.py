import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_verify_login_logout(page):
    page.goto("/")
    page.get_by_role("link", name="Registreren").first.click()
    page.get_by_label("Je naam").fill("Bram Bewoner")
    page.get_by_label("E-mail").fill("bram@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("warmtepomp-in-de-schuur-3")
    page.get_by_label("Wachtwoord (nog een keer)").fill("warmtepomp-in-de-schuur-3")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", name="Bevestig je e-mailadres")).to_be_visible()

    link = re.search(r"https?://[^/\s]+(/account/confirm-email/\S+/)", mail.outbox[-1].body)
    page.goto(link.group(1))
    page.get_by_role("button", name="Bevestig", exact=True).click()

    page.goto("/account/login/")
    page.get_by_label("E-mail").fill("bram@example.org")
    page.get_by_label("Wachtwoord").fill("warmtepomp-in-de-schuur-3")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("link", name="Bram Bewoner")).to_be_visible()

    page.get_by_role("button", name="Uitloggen").first.click()
    if page.get_by_role("heading", name="Uitloggen").is_visible():
        page.get_by_role("button", name="Uitloggen").last.click()
    expect(page.get_by_role("banner").get_by_role("link", name="Inloggen")).to_be_visible()


def test_signup_error_is_shown_beside_the_field_and_keeps_input(page):
    page.goto("/account/signup/")
    page.get_by_label("Je naam").fill("Bram Bewoner")
    page.get_by_label("E-mail").fill("bram@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("kort")
    page.get_by_label("Wachtwoord (nog een keer)").fill("kort")
    page.get_by_role("button", name="Registreren").click()

    expect(page.get_by_text("Dit wachtwoord is te kort")).to_be_visible()
    expect(page.get_by_label("E-mail")).to_have_value("bram@example.org")
    expect(page.get_by_label("Je naam")).to_have_value("Bram Bewoner")


def test_skip_link_is_first_on_tab(page):
    page.goto("/")
    page.keyboard.press("Tab")

    focused = page.evaluate("document.activeElement.textContent")
    assert "Naar de inhoud" in focused


def test_layout_fits_a_360px_screen(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/account/signup/")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_login_works_with_the_keyboard_alone(page, outsider, password):
    page.goto("/account/login/")
    page.get_by_label("E-mail").focus()
    page.keyboard.type(outsider.email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")

    expect(page.get_by_role("link", name=outsider.name)).to_be_visible()
