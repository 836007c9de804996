import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_user_changes_name_on_profile(page, login, outsider):
    login(outsider)
    page.goto("/account/profiel/")
    page.get_by_label("Je naam").fill("Charlie Nieuw")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("Je profiel is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("link", name="Charlie Nieuw")).to_be_visible()


def test_user_changes_password(page, login, outsider, password):
    login(outsider)
    page.goto("/account/password/change/")
    page.get_by_label("Huidig wachtwoord").fill(password)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("een-ander-lang-wachtwoord-7")
    page.get_by_label("Nieuw wachtwoord (nog een keer)").fill("een-ander-lang-wachtwoord-7")
    page.get_by_role("button", name="Wachtwoord wijzigen").click()

    expect(page.get_by_text("Je wachtwoord is gewijzigd.")).to_be_visible()
