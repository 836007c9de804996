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


def test_translation_tables_agree_on_every_word():
    """scripts/fill_po.py fills an empty msgstr from the first table that has it, so two
    tables giving one msgid different Dutch would make the result depend on file order."""
    import importlib.util  # noqa: PLC0415
    from collections import defaultdict  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    seen = defaultdict(dict)
    for path in sorted(Path("scripts/translations").glob("*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for msgid, dutch in getattr(module, "NL", {}).items():
            seen[msgid][path.name] = dutch

    assert {msgid: d for msgid, d in seen.items() if len(set(d.values())) > 1} == {}


def test_the_catalogue_says_what_the_tables_say():
    """fill_po.py never overwrites a filled msgstr, so a table changed later must be carried
    into locale/ by hand; this catches a catalogue left behind."""
    import importlib.util  # noqa: PLC0415
    import re  # noqa: PLC0415

    po = (LOCALE / "nl" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    catalogue = {
        json.loads(m.group(1)): json.loads(m.group(2))
        for m in re.finditer(r'^msgid (".*")\nmsgstr (".*")$', po, re.MULTILINE)
    }
    stale = {}
    for path in sorted(Path("scripts/translations").glob("*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for msgid, dutch in getattr(module, "NL", {}).items():
            if catalogue.get(msgid) and catalogue[msgid] != dutch:
                stale[msgid] = (catalogue[msgid], dutch)

    assert stale == {}
