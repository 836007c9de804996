#!/usr/bin/env python3
"""Unwrap the hard-wrapped Markdown in content/knooppunten/*.md and content/praktijk/*.md:
each paragraph and each list item becomes one line, as the CMS's editor writes them.

    .venv/bin/python scripts/rewrap_content.py [content-dir] [--check]

Only the body is touched (never the front matter). Headings, blank lines, list items
(numbered, nested, their indentation), hard line breaks (two trailing spaces or a
backslash), block quotes, tables, HTML, fenced and indented code stay as they are; a
continuation line is joined to the line before it with one space, which Markdown renders
the same. Running it twice changes nothing. A file is only written when it still parses
and the exporter writes it back byte for byte (export_method never re-wraps).
"""

import re
import sys
from pathlib import Path

FRONT_MATTER = re.compile(r"\A(---\n.*?\n---\n)(.*)\Z", re.DOTALL)
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
FENCE = re.compile(r"^[ \t]*(?:```|~~~)")
# Thematic breaks and setext underlines: a line of only -, *, _ or = (spaces allowed).
RULE = re.compile(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*|-+[ \t]*)$")
# Blocks whose lines are kept as written: quotes, tables, HTML.
KEEP_LINES = re.compile(r"^[ \t]*(?:>|\||<)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _starts_block(line: str) -> bool:
    return bool(
        LIST_ITEM.match(line) or HEADING.match(line) or RULE.match(line) or KEEP_LINES.match(line)
    )


def _ends_line(line: str) -> bool:
    """A line after which the next one must stay on its own line."""
    return line.endswith(("  ", "\\")) or bool(
        HEADING.match(line) or RULE.match(line) or KEEP_LINES.match(line)
    )


def rewrap_markdown(text: str) -> str:
    """The same Markdown with every paragraph and list item on one line."""
    out: list[str] = []
    in_fence = False
    in_list = False  # the current block belongs to a list (indented text continues an item)
    verbatim = False  # indented code: kept as written until a blank line
    blank_before = True
    for line in text.split("\n"):
        if in_fence:
            out.append(line)
            in_fence = not FENCE.match(line)
            continue
        if FENCE.match(line):
            out.append(line)
            in_fence, blank_before = True, False
            continue
        if not line.strip():
            out.append(line)
            blank_before, verbatim = True, False
            continue
        if blank_before:
            if LIST_ITEM.match(line):
                in_list = True
            elif _indent(line) == 0:
                in_list = False
            verbatim = _indent(line) >= 4 and not in_list and not LIST_ITEM.match(line)
            out.append(line)
        elif verbatim or _starts_block(line) or _ends_line(out[-1]):
            in_list = in_list or bool(LIST_ITEM.match(line))
            out.append(line)
        else:
            out[-1] = out[-1].rstrip(" \t") + " " + line.strip()
        blank_before = False
    return "\n".join(out)


def rewrap_file(text: str) -> str:
    """A content file with its body unwrapped and its front matter untouched."""
    match = FRONT_MATTER.match(text)
    if not match:
        return rewrap_markdown(text)
    return match.group(1) + rewrap_markdown(match.group(2))


def _round_trips(path: Path, text: str) -> bool:
    from wijkkoers.method import files

    if path.parent.name == files.STEPS_DIR:
        return files.format_step(files.parse_step(text)) == text
    return files.format_story(files.parse_story(text)) == text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    content = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "content"
    changed, refused = [], []
    for folder in ("knooppunten", "praktijk"):
        for path in sorted((content / folder).glob("*.md")):
            old = path.read_text(encoding="utf-8")
            new = rewrap_file(old)
            if new == old:
                continue
            try:
                ok = _round_trips(path, new)
            except ValueError as error:
                ok, reason = False, str(error)
            else:
                reason = "export zou het bestand anders schrijven"
            if not ok:
                refused.append(f"{path}: {reason}")
                continue
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    verb = "zou herschrijven" if check else "herschreven"
    for path in changed:
        print(f"{verb}: {path}")
    for line in refused:
        print(f"NIET herschreven: {line}", file=sys.stderr)
    print(f"{len(changed)} bestanden {verb}, {len(refused)} geweigerd.")
    return 1 if refused or (check and changed) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
