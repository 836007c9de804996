"""Editorial checks on content/: every step is complete, linked and written once.

These read the files with the same parser that load_method uses, so what is checked here is
what the product shows.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from wijkkoers.method import files

CONTENT = Path(__file__).resolve().parents[2] / "content"
FIRST_STEP = "de-juiste-partijen-aan-tafel"


@dataclass
class MethodFiles:
    steps: list
    stories: list


def read(folder: str, parse) -> list:
    return [
        parse(path.read_text(encoding="utf-8")) for path in sorted((CONTENT / folder).glob("*.md"))
    ]


@pytest.fixture(scope="module")
def method_files():
    return MethodFiles(read("knooppunten", files.parse_step), read("praktijk", files.parse_story))


def test_there_are_at_least_54_steps_in_6_phases(method_files):
    assert len(method_files.steps) >= 54
    assert sorted({step.phase for step in method_files.steps}) == [1, 2, 3, 4, 5, 6]


def test_every_step_key_is_unique(method_files):
    keys = [step.key for step in method_files.steps]

    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("field", ["subtitle", "doel", "aanpak"])
def test_every_step_has_text(method_files, field):
    missing = [step.key for step in method_files.steps if not getattr(step, field).strip()]

    assert not missing


def test_every_aanpak_has_150_to_400_words(method_files):
    wrong = {}
    for step in method_files.steps:
        words = len(re.sub(r"\(knooppunt:[^)]+\)", "", step.aanpak).split())
        if not 150 <= words <= 400:
            wrong[step.key] = words

    assert not wrong


def test_every_step_has_3_to_8_tips(method_files):
    wrong = {
        step.key: len(step.tips) for step in method_files.steps if not 3 <= len(step.tips) <= 8
    }

    assert not wrong


@pytest.mark.parametrize("field", ["tracks", "parties"])
def test_every_step_has_tracks_and_parties(method_files, field):
    assert not [step.key for step in method_files.steps if not getattr(step, field)]


def links_of(step) -> set[str]:
    text = " ".join([step.doel, step.aanpak, *step.tips])
    return {
        *step.requires,
        *step.leads_to,
        *step.related,
        *re.findall(r"knooppunt:([a-z0-9-]+)", text),
    }


def test_every_step_links_to_another_and_every_link_resolves(method_files):
    keys = {step.key for step in method_files.steps}
    unlinked = [step.key for step in method_files.steps if not links_of(step) - {step.key}]
    broken = {
        step.key: sorted(links_of(step) - keys)
        for step in method_files.steps
        if links_of(step) - keys
    }

    assert not unlinked
    assert not broken


def test_every_step_is_reachable_from_the_first_step(method_files):
    # The product shows every link both ways, so a step is reachable when any chain of
    # links, in either direction, connects it to the first step.
    graph = {step.key: set(links_of(step)) for step in method_files.steps}
    for key, targets in list(graph.items()):
        for target in targets:
            graph.setdefault(target, set()).add(key)
    seen, todo = {FIRST_STEP}, [FIRST_STEP]
    while todo:
        for target in graph[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)

    assert set(graph) - seen == set()


def test_no_two_steps_share_a_paragraph(method_files):
    places = defaultdict(set)
    for step in method_files.steps:
        for paragraph in re.split(r"\n\s*\n", "\n\n".join([step.doel, step.aanpak, *step.tips])):
            normal = " ".join(paragraph.split())
            if len(normal) > 60:
                places[normal].add(step.key)

    assert not {text[:80]: keys for text, keys in places.items() if len(keys) > 1}


def test_every_practice_story_names_its_source(method_files):
    assert method_files.stories
    assert not [story.key for story in method_files.stories if not story.source.strip()]


def test_stories_used_by_steps_exist(method_files):
    known = {story.key for story in method_files.stories}

    assert not {step.key: step.stories for step in method_files.steps if set(step.stories) - known}


@pytest.mark.parametrize("word", ["warmtenet", "woonlasten", "stakeholder"])
def test_search_words_are_treated_in_the_text(method_files, word):
    assert any(
        word in (step.doel + step.aanpak + " ".join(step.tips)).lower()
        for step in method_files.steps
    )


def test_every_step_has_2_to_5_resources(method_files):
    """Every step present (ours and those added later) names 2-5 public guides or tools."""
    wrong = {
        step.key: len(step.resources)
        for step in method_files.steps
        if not 2 <= len(step.resources) <= 5
    }

    assert not wrong, f"knooppunten zonder 2 tot 5 bronnen: {wrong}"


def test_no_step_names_a_resource_twice(method_files):
    twice = {
        step.key: sorted(
            url
            for url in {r.url for r in step.resources}
            if [r.url for r in step.resources].count(url) > 1
        )
        for step in method_files.steps
    }

    assert not {key: urls for key, urls in twice.items() if urls}


def test_step_numbers_are_unique_and_continuous_per_phase(method_files):
    numbers = defaultdict(list)
    for step in method_files.steps:
        numbers[step.phase].append(step.number)

    wrong = {
        phase: sorted(found)
        for phase, found in numbers.items()
        if sorted(found) != list(range(1, len(found) + 1))
    }

    assert not wrong, f"nummers per fase niet 1..n zonder gaten of dubbelen: {wrong}"
