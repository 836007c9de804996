"""Editorial checks on sources: every story names a public page, and no content file
repeats a passage of the seed page (the one step page we were given as a model).

The seed is read from ../shared/seed/ beside the repository, as laid for every session
and for CI; the check skips, saying why, only when that folder is missing.
"""

import re
from pathlib import Path

import pytest
import yaml

from wijkkoers.method import files

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"
SEED_DIR = REPO.parent / "shared" / "seed"
# A passage this long, shared word for word, is copied text rather than a common phrase.
PASSAGE_WORDS = 8
URL = re.compile(r"https?://[^\s/]+\.[^\s/]+\S*")


def stories():
    return [
        (path.name, files.parse_story(path.read_text(encoding="utf-8")))
        for path in sorted((CONTENT / files.STORIES_DIR).glob("*.md"))
    ]


def test_every_story_has_an_http_source():
    missing = [name for name, story in stories() if not URL.fullmatch(story.source_url)]

    assert not missing, f"praktijkverhalen zonder http(s)-bron_url: {missing}"


def test_every_story_names_the_page_it_links_to():
    short = [name for name, story in stories() if len(story.source.split()) < 3]

    assert not short, f"bron noemt geen uitgever en titel: {short}"


def step_titles() -> list[str]:
    titles = [
        files.parse_step(path.read_text(encoding="utf-8")).title
        for path in (CONTENT / files.STEPS_DIR).glob("*.md")
    ]
    # Longest first, so a title that contains a shorter one is cut out whole.
    return sorted(set(titles), key=len, reverse=True)


def word_runs(text: str, titles: list[str]) -> list[list[str]]:
    """The text as runs of lower-case words; step titles and link targets break a run."""
    text = re.sub(r"\(knooppunt:[^)]*\)", " | ", text)
    for title in titles:
        pattern = r"\s+".join(re.escape(word) for word in title.split())
        text = re.sub(pattern, " | ", text, flags=re.IGNORECASE)
    return [re.findall(r"\w+", part.lower()) for part in text.split("|")]


def passages(runs: list[list[str]]) -> set[tuple[str, ...]]:
    return {
        tuple(run[i : i + PASSAGE_WORDS])
        for run in runs
        for i in range(len(run) - PASSAGE_WORDS + 1)
    }


def test_word_runs_skip_titles_and_link_targets():
    runs = word_runs("Zie [Doel en verhaal](knooppunt:doel-en-verhaal) hier.", ["Doel en verhaal"])

    assert [word for run in runs for word in run] == ["zie", "hier"]


def test_no_content_file_repeats_a_passage_of_the_seed_page():
    if not SEED_DIR.is_dir():
        pytest.skip(f"map met de voorbeeldpagina ontbreekt: {SEED_DIR} (naast de repository)")
    seed_files = sorted(path for path in SEED_DIR.iterdir() if path.is_file())
    if not seed_files:
        pytest.skip(f"geen voorbeeldpagina in {SEED_DIR}")
    titles = step_titles()
    seed = set()
    for path in seed_files:
        seed |= passages(word_runs(path.read_text(encoding="utf-8"), titles))

    copied = {}
    for path in sorted(CONTENT.rglob("*")):
        if path.suffix not in (".md", ".yaml"):
            continue
        shared = passages(word_runs(path.read_text(encoding="utf-8"), titles)) & seed
        if shared:
            copied[str(path.relative_to(CONTENT))] = sorted(" ".join(p) for p in shared)

    assert not copied, f"passages van {PASSAGE_WORDS}+ woorden uit de voorbeeldpagina: {copied}"


def step_resources():
    """(file name, the `bronnen:` list or None) for every step; the loader ignores the field."""
    found = []
    for path in sorted((CONTENT / files.STEPS_DIR).glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        found.append((path.name, meta.get("bronnen")))
    return found


def test_step_resources_name_title_publisher_and_a_public_page():
    wrong = {}
    for name, resources in step_resources():
        if resources is None:
            continue  # steps written before the field existed get theirs from the editors
        if not isinstance(resources, list) or not 2 <= len(resources) <= 5:
            wrong[name] = "2 tot 5 bronnen"
            continue
        for resource in resources:
            if not (
                isinstance(resource, dict)
                and str(resource.get("titel", "")).strip()
                and str(resource.get("uitgever", "")).strip()
                and URL.fullmatch(str(resource.get("url", "")))
            ):
                wrong[name] = resource

    assert not wrong, f"bronnen zonder titel, uitgever of http(s)-adres: {wrong}"
