"""Fixtures for the method: the real content/ loaded once, and copies to change safely."""

import shutil
from pathlib import Path

import pytest

from wijkkoers.method import files

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
SEED_KEY = "helderheid-over-ambities"
SEED_TITLE = "Helderheid over ambities, belangen en prioritering"


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
    } | fields
    record = files.StepRecord(**values)
    path = content / files.STEPS_DIR / record.filename
    path.write_text(files.format_step(record), encoding="utf-8")
    return path
