"""The content file format: parse and format are exact inverses for the real files."""

import re

import pytest

from wijkkoers.method import files
from wijkkoers.method.files import ContentError

from .conftest import CONTENT_DIR

STEP_FILES = sorted((CONTENT_DIR / files.STEPS_DIR).glob("*.md"))
STORY_FILES = sorted((CONTENT_DIR / files.STORIES_DIR).glob("*.md"))


# The `bronnen:` field (a step's resources) is not yet part of the record; until it is,
# the round trip is checked on the rest of the file.
RESOURCES = re.compile(r"^bronnen:\n(?:  .*\n)*", re.MULTILINE)


def test_format_step_reproduces_every_step_file():
    for path in STEP_FILES:
        text = path.read_text(encoding="utf-8")

        record = files.parse_step(text)

        formatted = files.format_step(record)
        if "bronnen:" not in formatted:
            text = RESOURCES.sub("", text)
        assert formatted == text, path.name
        assert record.filename == path.name


def test_format_story_reproduces_every_story_file():
    for path in STORY_FILES:
        text = path.read_text(encoding="utf-8")

        assert files.format_story(files.parse_story(text)) == text, path.name


@pytest.mark.parametrize(
    ("name", "parse", "format_"),
    [
        (files.PHASES_FILE, files.parse_phases, files.format_phases),
        (files.TRACKS_FILE, files.parse_tracks, files.format_tracks),
        (files.PARTIES_FILE, files.parse_parties, files.format_parties),
    ],
)
def test_format_yaml_file_reproduces_it(name, parse, format_):
    text = (CONTENT_DIR / name).read_text(encoding="utf-8")

    assert format_(parse(text)) == text


def test_parse_step_reads_the_seed_step():
    text = (CONTENT_DIR / files.STEPS_DIR / "1-02-helderheid-over-ambities.md").read_text()

    record = files.parse_step(text)

    assert record.key == "helderheid-over-ambities"
    assert (record.phase, record.number) == (1, 2)
    assert record.tracks == ("B", "C", "F")
    assert record.sensitive is True
    assert record.requires == ("de-juiste-partijen-aan-tafel",)
    assert record.stories == ("apeldoorn-tijd-is-geld", "prinsenland-startbijeenkomst")
    assert len(record.tips) == 5
    assert record.doel.startswith("Iedere partij aan tafel")


@pytest.mark.parametrize(
    "text",
    [
        "sleutel: x\n## Doel\n\nTekst\n",  # no front matter at all
        "---\nsleutel: x\nfase: 1\n## Doel\n\nTekst\n",  # front matter never closed
        "---\nsleutel: [x\n---\n\n## Doel\n\nTekst\n",  # invalid YAML
        "---\nsleutel: x\nfase: een\nnummer: 1\n---\n\n## Doel\n\nT\n\n## Aanpak\n\nT\n",
    ],
)
def test_parse_step_rejects_broken_front_matter(text):
    with pytest.raises(ContentError):
        files.parse_step(text)


def test_parse_step_rejects_a_tip_over_two_lines():
    text = (CONTENT_DIR / files.STEPS_DIR / "1-02-helderheid-over-ambities.md").read_text()
    broken = text.replace("- Leen kennis", "- Een tip\n  over twee regels.\n- Leen")

    with pytest.raises(ContentError, match="tip"):
        files.parse_step(broken)


def test_format_phases_quotes_text_that_cannot_be_folded():
    record = files.PhaseRecord("x", 1, "Titel: met dubbele punt", "Regel een\nregel twee")

    text = files.format_phases([record])

    assert files.parse_phases(text) == [record]
