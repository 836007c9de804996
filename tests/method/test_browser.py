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


MAP_BEFORE_LIST = """() => {
    const map = document.querySelector(".track-map");
    const list = document.querySelector("#kompas-stappen");
    return Boolean(map.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""
# What may come before the map in the page's main content: the title, the one-line intro,
# the compact filter bar and, with filters, how many steps match.
BEFORE_MAP = """() => {
    const main = document.querySelector("main");
    const map = document.querySelector(".track-map");
    const seen = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node && node !== map; node = walker.nextNode()) {
        if (node.matches("h1, h2, section, table")) seen.push(node.tagName.toLowerCase());
    }
    return seen;
}"""


@pytest.mark.parametrize("width", [390, 320])
def test_kompas_map_fits_a_phone_without_sideways_scrolling(page, live_method, width):
    page.set_viewport_size({"width": width, "height": 800})

    for url in ("/kompas/", "/kompas/?spoor=C&gevoelig=1"):
        page.goto(url)

        scroll_width, viewport = page.evaluate(PAGE_WIDTH)
        assert scroll_width <= viewport, f"{url} is {scroll_width}px wide at {viewport}px"
        region = page.get_by_role("region", name=re.compile("Welke stappen"))
        assert region.get_attribute("tabindex") == "0"
        # The map is on top: the first thing after the title and the filters, starting in
        # the first screen, and the list of steps comes after it.
        assert page.evaluate(BEFORE_MAP) == ["h1"]
        assert page.evaluate(MAP_BEFORE_LIST)
        map_top = page.locator(".track-map").bounding_box()["y"]
        table_top = page.locator(".track-map__table").bounding_box()["y"]
        list_top = page.locator("#kompas-stappen").bounding_box()["y"]
        assert map_top < 800
        assert table_top < list_top
        if width == 390:
            # At 390 px the whole map fits: not even its own region scrolls.
            inner, shown = region.evaluate("e => [e.scrollWidth, e.clientWidth]")
            assert inner <= shown, f"{url}: the map is {inner}px in a {shown}px region"


def test_kompas_map_comes_first_on_a_wide_screen(page, live_method):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/kompas/?spoor=B")

    assert page.evaluate(BEFORE_MAP) == ["h1"]
    assert page.locator(".track-map__table").bounding_box()["y"] < 800
    # The track selector names each track whole, the chosen one shown in full.
    select = page.locator("#id_spoor")
    chosen = select.locator("option:checked").inner_text()
    assert chosen.startswith("B. ")
    assert len(chosen) > 10
    assert page.get_by_role("link", name="Wis filters").is_visible()


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
