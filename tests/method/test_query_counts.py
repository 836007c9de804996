"""Query counts stay flat as the method grows (no query per step, track or party) and under
fixed ceilings: with a warm catalogue the method costs no query, only Wagtail's own serving
does (site, page route, view restrictions).
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijkkoers.method.catalogue import VERSION_KEY
from wijkkoers.method.services import load_method

from .conftest import add_step_file

URLS = [
    "/kompas/",
    "/kompas/?spoor=B&partij=gemeente&gevoelig=1",
    "/kompas/samen-starten/",
    "/kompas/samen-starten/helderheid-over-ambities/",
    "/kompas/spoor/b/",
    "/kompas/zoeken/?q=warmtenet",
]


# Anonymous visitor, warm catalogue. Before the catalogue (SQLite): Kompas 11, phase 10,
# step page 20, track 10, search 12.
CEILINGS = {
    "/kompas/": 5,
    "/kompas/?spoor=B&partij=gemeente&gevoelig=1": 5,
    "/kompas/samen-starten/": 7,
    "/kompas/samen-starten/helderheid-over-ambities/": 9,
    "/kompas/spoor/b/": 5,
    "/kompas/zoeken/?q=warmtenet": 6,
}
# A logged-in visitor adds the user (the session comes from the cache), and on a step page
# their memberships (the "In my project" links). Before: Kompas 13, step page 22.
LOGGED_IN_CEILINGS = {"/kompas/": 6, "/kompas/samen-starten/helderheid-over-ambities/": 11}
# Building the catalogue after a change to the method (once per version, not per request).
BUILD_QUERIES = 12


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """These ceilings are what rendering a page costs; a stored anonymous copy costs no
    query at all (tests/method/test_page_cache.py)."""
    settings.METHOD_PAGE_CACHE = False


def _count_queries(client, url):
    client.get(url)  # warm caches that are per process, not per step (content types, site)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", URLS)
def test_page_queries_stay_flat_as_steps_grow(client, method, content_copy, url):
    before = _count_queries(client, url)
    # Eight more steps in phase 1 that serve track B, involve the municipality, mention a
    # warmtenet, link to the seed step and share a story: every list above grows.
    for number in range(18, 26):
        add_step_file(
            content_copy, f"extra-{number}", phase=1, number=number, doel="Een warmtenet."
        )
    assert not load_method(content_copy).errors

    after = _count_queries(client, url)

    assert after == before


@pytest.mark.parametrize(("url", "ceiling"), CEILINGS.items())
def test_page_queries_stay_under_a_fixed_ceiling(client, method, url, ceiling):
    assert _count_queries(client, url) <= ceiling


@pytest.mark.parametrize(("url", "ceiling"), LOGGED_IN_CEILINGS.items())
def test_page_queries_for_a_logged_in_visitor_stay_under_a_ceiling(
    client, outsider, method, url, ceiling
):
    client.force_login(outsider)

    assert _count_queries(client, url) <= ceiling


@pytest.mark.parametrize(("url", "ceiling"), CEILINGS.items())
def test_page_with_a_cold_catalogue_adds_only_its_build(client, method, url, ceiling):
    client.get(url)
    cache.delete(VERSION_KEY)  # as after a publish: the next request builds the catalogue

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 200
    assert len(queries) <= ceiling + BUILD_QUERIES
