import json
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def untranslated(po_file: Path) -> list[str]:
    """msgids with an empty translation (files are written with --no-wrap, one line each)."""
    missing, msgid = [], None
    for line in po_file.read_text(encoding="utf-8").split("\n"):
        if line.startswith('msgid "'):
            msgid = json.loads(line[6:])
        elif msgid and line in ('msgstr ""', 'msgstr[0] ""', 'msgstr[1] ""'):
            missing.append(msgid)
    return missing


def test_every_string_has_a_dutch_translation():
    assert untranslated(LOCALE / "nl" / "LC_MESSAGES" / "django.po") == []
