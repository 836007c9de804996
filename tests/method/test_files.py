"""The content file format: parse and format are exact inverses for the real files."""

import pytest

from wijkkoers.method import files
from wijkkoers.method.files import ContentError

from .conftest import CONTENT_DIR

STEP_FILES = sorted((CONTENT_DIR / files.STEPS_DIR).glob("*.md"))
STORY_FILES = sorted((CONTENT_DIR / files.STORIES_DIR).glob("*.md"))


def test_format_step_reproduces_every_step_file():
    for path in STEP_FILES:
        text = path.read_text(encoding="utf-8")

        record = files.parse_step(text)

        assert files.format_step(record) == text, path.name
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


RESOURCES = (
    files.ResourceRecord("Leidraad: een handleiding", "Een uitgever", "https://example.org/a"),
    files.ResourceRecord('Titel met "aanhalingstekens": en #', "Uitgever", "http://example.org/b"),
)


def _seed_with(front_matter_addition: str) -> str:
    text = (CONTENT_DIR / files.STEPS_DIR / "1-02-helderheid-over-ambities.md").read_text()
    front, body = text.split("\n---\n", 1)
    front = "\n".join(line for line in front.split("\n") if not line.startswith(("bronnen", " ")))
    return f"{front}\n{front_matter_addition}---\n{body}"


def test_format_step_writes_resources_that_read_back_the_same():
    record = files.parse_step(_seed_with(""))
    with_resources = files.StepRecord(**(record.__dict__ | {"resources": RESOURCES}))

    text = files.format_step(with_resources)

    assert "bronnen:\n  - titel: " in text
    assert files.parse_step(text) == with_resources
    assert files.format_step(files.parse_step(text)) == text


def test_parse_step_reads_resources_in_their_order():
    text = _seed_with(
        "bronnen:\n"
        '  - titel: "Eerste"\n    uitgever: "A"\n    url: "https://example.org/1"\n'
        "  - titel: Tweede\n    uitgever: B\n    url: http://example.org/2\n"
    )

    record = files.parse_step(text)

    assert [r.title for r in record.resources] == ["Eerste", "Tweede"]
    assert record.resources[1] == files.ResourceRecord("Tweede", "B", "http://example.org/2")


def test_a_step_without_resources_has_none():
    assert files.parse_step(_seed_with("")).resources == ()


@pytest.mark.parametrize(
    ("bronnen", "problem"),
    [
        ('bronnen: "een tekst"\n', "lijst"),
        ("bronnen:\n  - https://example.org\n", "titel, uitgever en url"),
        ('bronnen:\n  - titel: "T"\n    uitgever: "U"\n', "'url' ontbreekt"),
        ('bronnen:\n  - titel: "T"\n    url: "https://example.org"\n', "'uitgever' ontbreekt"),
        ('bronnen:\n  - uitgever: "U"\n    url: "https://example.org"\n', "'titel' ontbreekt"),
        ('bronnen:\n  - titel: ""\n    uitgever: "U"\n    url: "https://e.org"\n', "'titel'"),
        ('bronnen:\n  - titel: "T"\n    uitgever: "U"\n    url: "ftp://example.org"\n', "url"),
        ('bronnen:\n  - titel: "T"\n    uitgever: "U"\n    url: "www.example.org"\n', "url"),
        ('bronnen:\n  - titel: "T"\n    uitgever: "U"\n    url: "https://a b.org"\n', "url"),
        (
            'bronnen:\n  - titel: T\n    uitgever: U\n    url: "https://e.org"\n    jaar: 1\n',
            "jaar",
        ),
    ],
)
def test_parse_step_rejects_a_broken_resource(bronnen, problem):
    with pytest.raises(ContentError, match=problem):
        files.parse_step(_seed_with(bronnen))
