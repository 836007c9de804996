"""Query counts stay flat as the method grows (no query per step, track or party)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
