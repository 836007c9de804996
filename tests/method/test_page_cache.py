"""Whole method pages kept for anonymous visitors: served without a query, invalidated by
every change to the method, never shown to a logged-in member, never holding a CSRF token."""

import re

import pytest
from django.core.cache import cache
from django.test import Client

from wijkkoers.method import page_cache
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.models import PracticeStory, StepPage, Track
from wijkkoers.projects.services import create_project

from .conftest import SEED_KEY

KOMPAS = "/kompas/"
STEP = "/kompas/samen-starten/helderheid-over-ambities/"
CACHED_URLS = [
    KOMPAS,
    "/kompas/?spoor=B&partij=gemeente&gevoelig=1",
    "/kompas/samen-starten/",
    STEP,
    "/kompas/spoor/b/",
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def stored_pages() -> dict:
    """What the cache holds for method pages (locmem in tests), by key."""
    keys = [key.split(":", 2)[-1] for key in list(cache._cache)]
    return {key: cache.get(key) for key in keys if key.startswith("method:page:")}


@pytest.mark.parametrize("url", CACHED_URLS)
def test_a_second_anonymous_request_runs_no_query(client, method, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = Client().get(url)  # another visitor, without the first one's CSRF cookie

    assert second.status_code == 200
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_stored_copy_holds_no_token_and_each_visitor_gets_their_own(client, method):
    client.get(STEP)
    stored = stored_pages()
    assert len(stored) == 1
    (copy,) = stored.values()
    assert page_cache.CSRF_PLACEHOLDER in copy["content"]
    assert not TOKEN.search(copy["content"])
    assert not any(name.lower() == "set-cookie" for name, _value in copy["headers"])

    visitor = Client(enforce_csrf_checks=True)
    served = visitor.get(STEP)
    token = TOKEN.search(served.content.decode()).group(1)
    assert "csrftoken" in served.cookies  # the visitor's own cookie, set when served

    # The language switch on a served copy works with the visitor's own token.
    switched = visitor.post(
        "/taal/", {"language": "en", "next": STEP, "csrfmiddlewaretoken": token}
    )
    assert switched.status_code == 302


def test_publishing_a_step_changes_what_is_served(client, method):
    assert "Een nieuwe titel" not in client.get(STEP).content.decode()
    step = StepPage.objects.get(key=SEED_KEY)
    step.title = "Een nieuwe titel"

    step.save_revision().publish()

    assert "Een nieuwe titel" in Client().get(STEP).content.decode()
    assert "Een nieuwe titel" in Client().get(KOMPAS).content.decode()


def test_unpublishing_a_step_changes_what_is_served(client, method):
    assert client.get(STEP).status_code == 200
    assert STEP in client.get(KOMPAS).content.decode()

    StepPage.objects.get(key=SEED_KEY).unpublish()

    assert Client().get(STEP).status_code == 404
    assert STEP not in Client().get(KOMPAS).content.decode()


def test_saving_a_snippet_changes_what_is_served(client, method):
    story = PracticeStory.objects.first()
    step_url = next(
        s.url for s in get_catalogue().steps.values() if story.key in {t.key for t in s.stories}
    )
    client.get("/kompas/spoor/b/")
    client.get(step_url)
    track = Track.objects.get(code="B")
    track.name = "Een spoor met een nieuwe naam"
    track.save()
    story.title = "Een verhaal met een nieuwe titel"
    story.save()

    assert "Een spoor met een nieuwe naam" in Client().get("/kompas/spoor/b/").content.decode()
    assert "Een verhaal met een nieuwe titel" in Client().get(step_url).content.decode()


def test_a_logged_in_member_is_never_served_the_anonymous_copy(client, outsider, method):
    alice = outsider
    project = create_project(alice, name="Eerste wijk", municipality="A")
    anonymous = client.get(STEP).content.decode()
    assert 'id="in-mijn-project"' not in anonymous

    member = Client()
    member.force_login(alice)
    html = member.get(STEP).content.decode()

    assert 'id="in-mijn-project"' in html
    assert project.public_id in html
    assert len(stored_pages()) == 1  # the member's page was not stored either


def test_a_visitor_with_messages_waiting_is_not_served_a_copy(client, method):
    client.get(KOMPAS)
    client.cookies["messages"] = "anything"

    response = client.get(KOMPAS)

    assert response.status_code == 200
    assert len(stored_pages()) == 1


@pytest.mark.parametrize(
    "url",
    [
        "/kompas/?iets=1",  # a parameter no view knows
        "/kompas/?spoor=ZZ",  # a value a filter cannot have
        "/kompas/?spoor=B&spoor=C",  # given twice
        "/kompas/?spoor=B&&",  # another spelling of a stored URL
        "/kompas/?gevoelig=ja",
        f"{STEP}?x=1",
        "/kompas/spoor/b/?x=1",
        "/kompas/zoeken/?q=warmtenet",  # search: its results are cached, not the page
        "/kompas/spoor/zz/",  # 404
    ],
)
def test_urls_outside_the_known_variants_are_rendered_not_stored(client, method, url):
    client.get(url)

    assert stored_pages() == {}


def test_htmx_and_full_pages_are_stored_apart(client, method):
    full = client.get(KOMPAS + "?spoor=B").content.decode()
    partial = Client().get(KOMPAS + "?spoor=B", headers={"HX-Request": "true"}).content.decode()

    assert "<html" in full
    assert "<html" not in partial
    assert (
        "<html"
        not in Client().get(KOMPAS + "?spoor=B", headers={"HX-Request": "true"}).content.decode()
    )
    assert "<html" in Client().get(KOMPAS + "?spoor=B").content.decode()


def test_each_language_is_stored_apart(client, method):
    dutch = client.get(KOMPAS).content.decode()
    english = Client(headers={"Accept-Language": "en"}).get(KOMPAS).content.decode()

    assert 'lang="nl"' in dutch
    assert 'lang="en"' in english
    assert 'lang="nl"' in Client().get(KOMPAS).content.decode()
    assert len(stored_pages()) == 2


def test_the_cache_can_be_switched_off(client, method, settings, django_assert_max_num_queries):
    settings.METHOD_PAGE_CACHE = False
    client.get(KOMPAS)

    assert stored_pages() == {}


def test_a_page_kept_by_this_process_is_dropped_when_the_method_changes(client, method):
    for _ in range(3):  # rendered, then served from the shared cache (kept here), then from here
        Client().get(STEP)
    assert any(stored["content"] for stored in page_cache._local.values())
    step = StepPage.objects.get(key=SEED_KEY)
    step.title = "Een titel na het bewaren"

    step.save_revision().publish()

    assert "Een titel na het bewaren" in Client().get(STEP).content.decode()


def test_a_visitor_token_unmasks_to_the_visitors_own_secret(rf):
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token

    request = rf.get(STEP)
    token = page_cache._visitor_token(request)
    secret = request.META["CSRF_COOKIE"]

    assert len(token) == 64
    assert set(token) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(token) == secret
    assert page_cache._visitor_token(request) != token  # a new mask each time, same secret
    assert request.META["CSRF_COOKIE"] == secret
