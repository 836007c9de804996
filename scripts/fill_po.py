"""Fill empty msgstr entries of a .po file from dicts in a Python file.

Usage: python scripts/fill_po.py locale/nl/LC_MESSAGES/django.po translations.py
The Python file holds NL = {msgid: msgstr} and optionally
PLURALS = {(msgid, msgid_plural): (singular, plural)} and CONTEXTS =
{(msgctxt, msgid): msgstr} for messages with a context (pgettext); a message with a
context not in CONTEXTS is filled from NL as before. The .po files must be written with
--no-wrap (as `make messages` does), so each msgid is one line. Existing translations are kept.
"""

import json
import runpy
import sys
from pathlib import Path


def fill(
    po_path: str,
    translations: dict[str, str],
    plurals: dict | None = None,
    contexts: dict | None = None,
) -> int:
    lines = Path(po_path).read_text(encoding="utf-8").split("\n")
    filled = 0
    for i, line in enumerate(lines[:-1]):
        if not line.startswith('msgid "') or line == 'msgid ""':
            continue
        msgid = json.loads(line[6:])
        context = json.loads(lines[i - 1][8:]) if lines[i - 1].startswith("msgctxt ") else None
        text = (contexts or {}).get((context, msgid)) or translations.get(msgid)
        if lines[i + 1] == 'msgstr ""' and text is not None:
            lines[i + 1] = "msgstr " + json.dumps(text, ensure_ascii=False)
            filled += 1
        elif lines[i + 1].startswith("msgid_plural ") and i + 3 < len(lines):
            key = (msgid, json.loads(lines[i + 1][13:]))
            if key in (plurals or {}) and lines[i + 2] == 'msgstr[0] ""':
                singular, plural = plurals[key]
                lines[i + 2] = "msgstr[0] " + json.dumps(singular, ensure_ascii=False)
                lines[i + 3] = "msgstr[1] " + json.dumps(plural, ensure_ascii=False)
                filled += 1
    Path(po_path).write_text("\n".join(lines), encoding="utf-8")
    return filled


if __name__ == "__main__":
    tables = runpy.run_path(sys.argv[2])
    print(
        f"{fill(sys.argv[1], tables['NL'], tables.get('PLURALS'), tables.get('CONTEXTS'))} filled"
    )
