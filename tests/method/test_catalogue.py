"""The catalogue: the published method as frozen data, cached per version, never mutated."""

import dataclasses
import pickle

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation

from wijkkoers.method import catalogue as catalogue_module
from wijkkoers.method import queries
from wijkkoers.method.catalogue import (
    LINK_KINDS,
    VERSION_KEY,
    KompasFilters,
    build_catalogue,
    get_catalogue,
    invalidate,
)
from wijkkoers.method.models import PhasePage, PracticeStory, StepLink, StepPage, Track
from wijkkoers.method.services import load_method

from .conftest import SEED_KEY, add_step_file, content_counts
from .test_query_counts import BUILD_QUERIES


def _forget_memo():
    """What another process sees: the shared cache, without this process's memo."""
    catalogue_module._memo.clear()


def test_catalogue_holds_every_live_step_in_method_order(method):
    counts = content_counts()

    catalogue = get_catalogue()

    assert len(catalogue.steps) == counts.steps
    assert [phase.number for phase in catalogue.phases] == list(range(1, counts.phases + 1))
    assert len(catalogue.tracks) == counts.tracks
    assert len(catalogue.parties) == counts.parties
    for phase in catalogue.phases:
        assert [step.number for step in phase.steps] == sorted(s.number for s in phase.steps)
        assert len(phase.steps) == counts.steps_per_phase[phase.number]


def test_catalogue_step_carries_what_lists_and_pages_show(method):
    step = get_catalogue().steps[SEED_KEY]

    assert step.display_number == "1.2"
    assert step.url == "/kompas/samen-starten/helderheid-over-ambities/"
    assert step.phase_number == 1
    assert step.sensitive
    assert "B" in step.track_codes
    assert step.party_keys[0] == "gemeente"
    assert step.requires == ("de-juiste-partijen-aan-tafel",)
    assert "apeldoorn-tijd-is-geld" in {story.key for story in step.stories}
    assert step.tips
    assert get_catalogue().by_id[StepPage.objects.get(key=SEED_KEY).pk] is step


def test_catalogue_knows_links_in_both_directions(method):
    catalogue = get_catalogue()

    assert SEED_KEY in catalogue.incoming("de-juiste-partijen-aan-tafel", "requires")
    assert catalogue.incoming("bestaat-niet", "requires") == ()
    previous_step, next_step = catalogue.neighbours(SEED_KEY)
    assert previous_step.key == "de-juiste-partijen-aan-tafel"
    assert next_step.key == "gezamenlijke-ambitie"


def test_catalogue_objects_cannot_be_changed(method):
    catalogue = get_catalogue()
    step = catalogue.steps[SEED_KEY]

    with pytest.raises(dataclasses.FrozenInstanceError):
        step.title = "Anders"
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalogue.phases = ()
    with pytest.raises(TypeError):
        catalogue.steps["nieuw"] = step
    # Slots: no room for per-project values either (Python 3.11 says so with a TypeError).
    with pytest.raises((AttributeError, TypeError)):
        step.project_status = "gestart"


def test_catalogue_filters_combine(method):
    catalogue = get_catalogue()

    groups = catalogue.groups(KompasFilters(track="B", party="gemeente", sensitive=True))

    steps = [step for group in groups for step in group.steps]
    assert steps
    assert all("B" in s.track_codes and "gemeente" in s.party_keys for s in steps)
    assert all(step.sensitive for step in steps)
    assert all(group.steps for group in groups)


def test_catalogue_survives_the_cache_unchanged(method):
    catalogue = build_catalogue()

    copy = pickle.loads(pickle.dumps(catalogue))  # noqa: S301 - our own data, as the cache does

    assert copy == catalogue
    assert copy.steps[SEED_KEY] == catalogue.steps[SEED_KEY]
    assert copy.step_urls == catalogue.step_urls
    assert copy.incoming(SEED_KEY, "related") == catalogue.incoming(SEED_KEY, "related")


def test_catalogue_is_built_once_then_read_without_queries(method, django_assert_num_queries):
    first = get_catalogue()

    with django_assert_num_queries(0):
        again = get_catalogue()

    assert again is first


def test_another_process_reads_the_catalogue_from_the_cache(method, django_assert_num_queries):
    built = get_catalogue()
    _forget_memo()

    with django_assert_num_queries(0):
        read = get_catalogue()

    assert read == built


def test_building_the_catalogue_takes_a_fixed_number_of_queries(
    method, content_copy, django_assert_max_num_queries
):
    with django_assert_max_num_queries(BUILD_QUERIES):
        build_catalogue()
    for number in range(18, 24):
        add_step_file(content_copy, f"extra-{number}", phase=1, number=number)
    assert not load_method(content_copy).errors

    with django_assert_max_num_queries(BUILD_QUERIES):
        build_catalogue()


def test_invalidating_is_seen_by_every_process(method):
    get_catalogue()
    version = cache.get(VERSION_KEY)

    invalidate()

    assert cache.get(VERSION_KEY) != version


def test_publishing_a_step_gives_a_new_catalogue(method):
    assert get_catalogue().steps[SEED_KEY].title != "Nieuwe titel"
    step = StepPage.objects.get(key=SEED_KEY)
    step.title = "Nieuwe titel"

    step.save_revision().publish()

    assert get_catalogue().steps[SEED_KEY].title == "Nieuwe titel"


def test_unpublishing_a_step_removes_it_from_the_catalogue(client, method):
    get_catalogue()

    StepPage.objects.get(key=SEED_KEY).unpublish()

    assert SEED_KEY not in get_catalogue().steps
    assert "/helderheid-over-ambities/" not in client.get("/kompas/").content.decode()
    assert SEED_KEY not in get_catalogue().steps["de-juiste-partijen-aan-tafel"].leads_to


def test_steps_of_an_unpublished_phase_drop_out_with_their_links(method):
    phase = PhasePage.objects.get(number=3)
    hidden = set(StepPage.objects.child_of(phase).values_list("key", flat=True))

    phase.unpublish()

    assert StepPage.objects.child_of(phase).live().exists()  # the steps themselves stay live
    catalogue = get_catalogue()
    assert not hidden & set(catalogue.steps)
    linked = {key for s in catalogue.steps.values() for k in LINK_KINDS for key in s.links(k)}
    assert not hidden & linked


def test_saving_a_track_gives_a_new_catalogue(method):
    get_catalogue()
    track = Track.objects.get(code="B")
    track.name = "Een nieuwe naam"

    track.save()

    assert get_catalogue().track("B").name == "Een nieuwe naam"
    seed_tracks = {t.code: t.name for t in get_catalogue().steps[SEED_KEY].tracks}
    assert seed_tracks["B"] == "Een nieuwe naam"


def test_saving_a_practice_story_gives_a_new_catalogue(method):
    get_catalogue()
    story = PracticeStory.objects.get(key="apeldoorn-tijd-is-geld")
    story.title = "Een andere titel"

    story.save()

    stories = get_catalogue().steps[SEED_KEY].stories
    assert "Een andere titel" in {s.title for s in stories}


def test_moving_a_step_gives_a_new_catalogue(method):
    get_catalogue()
    step = StepPage.objects.get(key=SEED_KEY)

    step.move(PhasePage.objects.get(number=2), pos="last-child")

    moved = get_catalogue().steps[SEED_KEY]
    assert moved.phase_number == 2
    assert "/helderheid-over-ambities/" in moved.url
    assert not moved.url.startswith("/kompas/samen-starten/")


def test_load_method_leaves_a_fresh_catalogue(method, content_copy):
    get_catalogue()
    add_step_file(content_copy, "extra-stap", phase=2, number=30)

    assert not load_method(content_copy).errors

    assert get_catalogue().steps["extra-stap"].display_number == "2.30"


def test_step_preview_reads_unsaved_links_and_tracks_from_the_page(method):
    phase = PhasePage.objects.get(number=1)
    target = StepPage.objects.get(key="gezamenlijke-ambitie")
    page = StepPage(title="Concept", key="concept", number=99, subtitle="s", doel="d", aanpak="a")
    page.path = phase.path + "9999"  # what Wagtail sets on a page it previews before saving
    page.depth = phase.depth + 1
    page.tracks = [Track.objects.get(code="A")]
    page.links = [StepLink(kind=StepLink.Kind.LEADS_TO, target=target)]
    request = RequestFactory().get("/")
    request.is_preview = True

    detail = queries.step_detail(page, request)

    assert detail["display_number"] == "1.99"
    assert [track.code for track in detail["tracks"]] == ["A"]
    assert [(kind, [s.key for s in steps]) for kind, steps in detail["links_out"]] == [
        (StepLink.Kind.LEADS_TO, ["gezamenlijke-ambitie"])
    ]
    assert detail["previous_step"] is None


def test_link_kinds_have_translated_headings():
    for kind in StepLink.Kind:
        assert str(kind.heading_out)
        assert str(kind.heading_in)
    with translation.override("nl"):
        assert str(StepLink.Kind.REQUIRES.heading_in) == "Nodig voor"
    with translation.override("en"):
        assert str(StepLink.Kind.REQUIRES.heading_in) == "Needed for"
