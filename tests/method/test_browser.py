"""Browser journeys and accessibility scans of every method page kind."""

import re

import pytest

from wijkkoers.method.services import load_method

from .conftest import CONTENT_DIR, SEED_TITLE

pytestmark = pytest.mark.browser


@pytest.fixture
def live_method(transactional_db):
    """The method loaded for a live-server test (its database is emptied afterwards)."""
    report = load_method(CONTENT_DIR)
    assert not report.errors


def test_method_pages_pass_axe(page, axe, live_method):
    for url in (
        "/kompas/",
        "/kompas/?spoor=B&partij=gemeente&gevoelig=1",
        "/kompas/samen-starten/",
        "/kompas/samen-starten/helderheid-over-ambities/",
        "/kompas/spoor/g/",
        "/kompas/zoeken/?q=warmtenet",
        "/kompas/zoeken/?q=woonlastn",
        "/kompas/zoeken/",
    ):
        page.goto(url)
        axe(page)


def test_journey_filter_on_track_open_seed_step_follow_related_step(page, live_method):
    page.goto("/kompas/")

    page.locator("#id_spoor").select_option("B")
    page.get_by_role("button", name=re.compile("Filter")).click()
    page.wait_for_url(re.compile(r"spoor=B"))
    results = page.locator("#kompas-stappen")
    results.get_by_role("link", name=re.compile(re.escape(SEED_TITLE))).click()

    page.wait_for_url("**/helderheid-over-ambities/")
    assert SEED_TITLE in page.locator("h1").inner_text()
    page.locator("#verwant").get_by_role(
        "link", name=re.compile("Gezamenlijke ambitie")
    ).first.click()
    page.wait_for_url("**/gezamenlijke-ambitie/")
    assert "Gezamenlijke ambitie voor de wijk opstellen" in page.locator("h1").inner_text()


def test_kompas_filter_works_without_javascript(browser, live_server, live_method):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/kompas/")
        page.locator("#id_spoor").select_option("F")
        page.locator("#id_gevoelig").check()
        page.get_by_role("button", name=re.compile("Filter")).click()

        page.wait_for_url(re.compile(r"spoor=F.*gevoelig=1"))
        assert page.locator("#kompas-stappen .step-item").count() > 0
        assert SEED_TITLE in page.locator("#kompas-stappen").inner_text()
    finally:
        context.close()


PAGE_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("width", [390, 320])
def test_kompas_map_fits_a_phone_without_sideways_scrolling(page, live_method, width):
    page.set_viewport_size({"width": width, "height": 800})

    for url in ("/kompas/", "/kompas/?spoor=C&gevoelig=1"):
        page.goto(url)

        scroll_width, viewport = page.evaluate(PAGE_WIDTH)
        assert scroll_width <= viewport, f"{url} is {scroll_width}px wide at {viewport}px"
        region = page.get_by_role("region", name=re.compile("Welke stappen"))
        assert region.get_attribute("tabindex") == "0"
        # The map is on top: it starts above the list of steps.
        map_top = page.locator(".track-map__table").bounding_box()["y"]
        list_top = page.locator("#kompas-stappen").bounding_box()["y"]
        assert map_top < list_top


def test_kompas_map_follows_the_filters_with_htmx(page, live_method):
    page.goto("/kompas/")
    assert page.locator(".map-step--dim").count() == 0

    page.locator("#id_spoor").select_option("G")
    page.wait_for_url(re.compile(r"spoor=G"))

    page.locator(".map-step--dim").first.wait_for()
    lit = page.locator(".map-step--lit a")
    assert lit.count() > 0
    assert page.locator("#kompas-stappen .step-item").count() > 0
    page.get_by_role("link", name="Wis filters").click()
    page.wait_for_url(re.compile(r"/kompas/$"))
    assert page.locator(".map-step--dim").count() == 0
