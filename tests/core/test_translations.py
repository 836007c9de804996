import json
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def untranslated(po_file: Path) -> list[str]:
    """msgids whose msgstr is empty (files are written with --no-wrap, one line each)."""
    lines = po_file.read_text(encoding="utf-8").split("\n")
    return [
        json.loads(line[6:])
        for line, following in zip(lines, lines[1:], strict=False)
        if line.startswith('msgid "')
        and line != 'msgid ""'
        and following in ('msgstr ""', 'msgstr[0] ""')
    ]


def test_every_string_has_a_dutch_translation():
    assert untranslated(LOCALE / "nl" / "LC_MESSAGES" / "django.po") == []
