"""In a real browser: make a token in the account area and use it; the API docs page runs
Swagger UI from our own files without a single Content-Security-Policy violation."""

import pytest
from playwright.sync_api import expect

from wijkkoers.projects.services import create_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def test_user_makes_a_token_and_calls_the_api(page, login, outsider):
    project = create_project(outsider, name="Wijkaanpak Browserwijk", municipality="Teststad")
    login(outsider)
    page.goto("/account/profiel/")
    page.get_by_role("link", name="API-tokens").click()
    page.get_by_role("link", name="Nieuw token").click()
    page.get_by_label("Naam").fill("Dashboard gemeente")
    page.get_by_role("button", name="Token maken").click()

    expect(page.get_by_text("Kopieer het nu")).to_be_visible()
    token = page.get_by_label("Token").input_value()
    response = page.request.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"})
    assert response.status == 200
    assert response.json()["items"][0]["id"] == project.public_id

    page.goto("/account/api-tokens/")
    page.get_by_role("link", name="Dashboard gemeente intrekken").click()
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("Het token is ingetrokken.")).to_be_visible()
    again = page.request.get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"})
    assert again.status == 401


def test_api_docs_load_without_csp_violations(page, method):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.add_init_script(CSP_WATCH)

    page.goto("/api/v1/docs")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Wijkkoers API")
    expect(page.locator(".opblock").first).to_be_visible()
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()
    violations = page.evaluate("window.__csp")
    refused = [text for text in messages if "Content Security Policy" in text]
    assert violations == []
    assert refused == []
