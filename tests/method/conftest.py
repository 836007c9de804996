"""Fixtures for the method: the real content/ loaded once, and copies to change safely."""

import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from wijkkoers.method import files

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
SEED_KEY = "helderheid-over-ambities"
SEED_TITLE = "Helderheid over ambities, belangen en prioritering"


@dataclass(frozen=True)
class ContentCounts:
    """How many of each thing content/ holds: what "all of them" means in a test."""

    phases: int
    steps: int
    tracks: int
    parties: int
    stories: int
    steps_per_phase: dict


def content_counts(content: Path = CONTENT_DIR) -> ContentCounts:
    steps = [
        files.parse_step(path.read_text(encoding="utf-8"))
        for path in (content / files.STEPS_DIR).glob("*.md")
    ]
    return ContentCounts(
        phases=len(files.parse_phases((content / files.PHASES_FILE).read_text(encoding="utf-8"))),
        steps=len(steps),
        tracks=len(files.parse_tracks((content / files.TRACKS_FILE).read_text(encoding="utf-8"))),
        parties=len(
            files.parse_parties((content / files.PARTIES_FILE).read_text(encoding="utf-8"))
        ),
        stories=len(list((content / files.STORIES_DIR).glob("*.md"))),
        steps_per_phase=dict(Counter(step.phase for step in steps)),
    )


@pytest.fixture
def content_copy(tmp_path):
    """A copy of content/ that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def add_step_file(content: Path, key: str, phase: int, number: int, **fields) -> Path:
    """Write an extra step file with the real writer; fields override the defaults."""
    values = {
        "key": key,
        "phase": phase,
        "number": number,
        "title": f"Extra stap {key}",
        "subtitle": "Een stap om de methode te laten groeien",
        "tracks": ("B", "F"),
        "parties": ("gemeente", "netbeheerder"),
        "sensitive": True,
        "requires": (SEED_KEY,),
        "leads_to": (),
        "related": ("gezamenlijke-ambitie",),
        "stories": ("apeldoorn-tijd-is-geld",),
        "doel": "Een doel.",
        "aanpak": "Een aanpak met een [link](knooppunt:helderheid-over-ambities).",
        "tips": ("Een tip.", "Nog een tip."),
        "resources": (
            files.ResourceRecord("Een gids", "Een uitgever", "https://example.org/gids"),
        ),
    } | fields
    record = files.StepRecord(**values)
    path = content / files.STEPS_DIR / record.filename
    path.write_text(files.format_step(record), encoding="utf-8")
    return path
