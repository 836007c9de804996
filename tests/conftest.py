"""Shared fixtures: the kinds of users, and a browser for journey and accessibility tests."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, UserFactory
from wijkkoers.method import catalogue
from wijkkoers.method.models import StepPage
from wijkkoers.method.services import load_method

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"

# Playwright's sync API runs an event loop in the test thread; Django then refuses
# synchronous database access unless told this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


# --- The method -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _content_loaded_once(django_db_setup, django_db_blocker):
    # Loading every step publishes ~60 revisions; doing it once per session keeps the
    # suite fast. Each test still runs in its own transaction, rolled back afterwards.
    with django_db_blocker.unblock():
        report = load_method(CONTENT_DIR)
    assert not report.errors, report.errors


@pytest.fixture(autouse=True)
def _fresh_catalogue():
    """Each test starts a new catalogue version: a rolled-back test's method is not cached."""
    cache.delete(catalogue.VERSION_KEY)


@pytest.fixture
def method(db, _content_loaded_once):
    """The method from content/, loaded; reloaded if a browser test flushed the database."""
    if not StepPage.objects.exists():
        load_method(CONTENT_DIR)
    return CONTENT_DIR


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def outsider(db):
    """Charlie: logged in, but member of nothing."""
    return UserFactory(name="Charlie Buitenstaander")


@pytest.fixture
def staff_user(db):
    return UserFactory(name="Sanne Staf", is_staff=True, is_superuser=True)


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


# --- Browser ----------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or CHROMIUM_PATH); None means Playwright's own download."""
    for candidate in (os.environ.get("CHROMIUM_PATH"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; `page.base_url` is the live server's address."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def login(page):
    """Log a user in through the real login form."""

    def _login(user, password=PASSWORD):
        page.goto("/account/login/")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(lambda url: "/account/login/" not in url)
        return page

    return _login


@pytest.fixture
def axe():
    """Run axe-core on the current page; fail on serious or critical findings."""
    from axe_playwright_python.sync_playwright import Axe

    engine = Axe()

    def _check(page, context=None):
        results = engine.run(page, context=context)
        bad = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in ("serious", "critical")
        ]
        summary = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} -> "
            + ", ".join(str(node["target"]) for node in v["nodes"][:5])
            for v in bad
        )
        assert not bad, f"axe found serious problems on {page.url}:\n{summary}"
        return results

    return _check


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploaded files (logbook documents, reports) go to a fresh tmp dir, never data/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _project_parts_uncached(settings):
    """Project pages compute every part (projects/freshness.py keeps them in production):
    query counts are those of a cold cache, and data written outside the services shows.
    The cache's own tests turn it on with the `project_parts_cache` fixture."""
    settings.PROJECT_PARTS_CACHE = False


@pytest.fixture
def project_parts_cache(settings):
    settings.PROJECT_PARTS_CACHE = True


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
