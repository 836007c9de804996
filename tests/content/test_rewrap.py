"""scripts/rewrap_content.py: every paragraph and list item on one line, rendered the same,
idempotent, and still read and written back byte for byte by load_method/export_method."""

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from wijkkoers.method import files
from wijkkoers.method.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

_spec = importlib.util.spec_from_file_location("rewrap_content", ROOT / "scripts/rewrap_content.py")
rewrap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rewrap)

SAMPLE = """\
Een alinea die met de hand
is afgebroken, over
drie regels.

## Een kop
Tekst direct onder de kop
loopt door.

1. **Eerste punt.** Met een vervolg
   op de volgende regel.
    - *Genest*: een punt in het punt,
      ook afgebroken.
    - Nog een genest punt.
2. Tweede punt
   met vervolg.

   Een tweede alinea in het punt,
   ook afgebroken.

- Een los punt
vervolgd zonder inspringen.

Een harde regelovergang<BR>
blijft staan, en deze\\
ook.

> Een citaat blijft
> zoals het is.

| kolom | kolom |
|---|---|

```
code blijft
zoals hij is
```

    ingesprongen code
    blijft ook

Een regel voor een streep
---
Laatste [link naar een
stap](knooppunt:gezamenlijke-ambitie).""".replace("<BR>", "  ")

EXPECTED = """\
Een alinea die met de hand is afgebroken, over drie regels.

## Een kop
Tekst direct onder de kop loopt door.

1. **Eerste punt.** Met een vervolg op de volgende regel.
    - *Genest*: een punt in het punt, ook afgebroken.
    - Nog een genest punt.
2. Tweede punt met vervolg.

   Een tweede alinea in het punt, ook afgebroken.

- Een los punt vervolgd zonder inspringen.

Een harde regelovergang<BR>
blijft staan, en deze\\
ook.

> Een citaat blijft
> zoals het is.

| kolom | kolom |
|---|---|

```
code blijft
zoals hij is
```

    ingesprongen code
    blijft ook

Een regel voor een streep
---
Laatste [link naar een stap](knooppunt:gezamenlijke-ambitie).""".replace("<BR>", "  ")


def same_html(a: str, b: str) -> bool:
    urls = {"gezamenlijke-ambitie": "/kompas/a/"}
    normal = lambda text: " ".join(render_markdown(text, urls).split())  # noqa: E731
    return normal(a) == normal(b)


def test_rewrap_puts_each_paragraph_and_item_on_one_line():
    assert rewrap.rewrap_markdown(SAMPLE) == EXPECTED


def test_rewrap_is_idempotent():
    assert rewrap.rewrap_markdown(EXPECTED) == EXPECTED


def test_rewrapped_sample_renders_the_same_but_for_a_step_link_split_over_two_lines():
    last = SAMPLE.rindex("\nLaatste")
    assert same_html(SAMPLE[:last], EXPECTED[: EXPECTED.rindex("\nLaatste")])
    # Our step links never spanned lines: unwrapped, the link works.
    assert "knooppunt" in render_markdown(SAMPLE[last:], {"gezamenlijke-ambitie": "/kompas/a/"})
    unwrapped = EXPECTED[EXPECTED.rindex("\nLaatste") :]
    assert render_markdown(unwrapped, {"gezamenlijke-ambitie": "/kompas/a/"}) == (
        '<p>Laatste <a href="/kompas/a/">link naar een stap</a>.</p>'
    )


def test_rewrap_leaves_the_front_matter_alone():
    text = '---\nsleutel: x\ntitel: "Een lange titel\n  over twee regels"\n---\n\nEen\nalinea.\n'

    assert rewrap.rewrap_file(text) == (
        '---\nsleutel: x\ntitel: "Een lange titel\n  over twee regels"\n---\n\nEen alinea.\n'
    )


def content_files():
    return sorted((CONTENT / files.STEPS_DIR).glob("*.md")) + sorted(
        (CONTENT / files.STORIES_DIR).glob("*.md")
    )


@pytest.mark.parametrize("path", content_files(), ids=lambda path: path.name)
def test_every_content_file_unwraps_safely(path):
    old = path.read_text(encoding="utf-8")
    new = rewrap.rewrap_file(old)

    assert rewrap.rewrap_file(new) == new
    if path.parent.name == files.STEPS_DIR:
        before, after = files.parse_step(old), files.parse_step(new)
        # export_method writes the unwrapped file back byte for byte: it never re-wraps.
        assert files.format_step(after) == new
        assert after.tips == before.tips
        texts = [(before.doel, after.doel), (before.aanpak, after.aanpak)]
    else:
        before, after = files.parse_story(old), files.parse_story(new)
        assert files.format_story(after) == new
        texts = [(before.text, after.text)]
    for old_text, new_text in texts:
        assert same_html(old_text, new_text)
        paragraphs = [p for p in new_text.split("\n\n") if not re.match(r"\s*(?:[-*+]|\d+\.)\s", p)]
        assert all("\n" not in p for p in paragraphs), "a paragraph still spans lines"


def test_script_rewrites_a_copy_once(tmp_path, capsys):
    content = tmp_path / "content"
    for folder in (files.STEPS_DIR, files.STORIES_DIR):
        shutil.copytree(CONTENT / folder, content / folder)

    assert rewrap.main([str(content)]) == 0
    assert rewrap.main([str(content), "--check"]) == 0
    assert "0 bestanden zou herschrijven, 0 geweigerd." in capsys.readouterr().out


@pytest.mark.django_db
def test_unwrapped_content_loads_and_exports_byte_for_byte(method, tmp_path):
    """The lead runs the script over content/: load_method then export_method keep it."""
    from wijkkoers.method.services import export_method, load_method

    content_copy = tmp_path / "content"
    shutil.copytree(CONTENT, content_copy)
    assert rewrap.main([str(content_copy)]) == 0
    report = load_method(content_copy)
    assert report.errors == []
    # content/ itself is unwrapped now, so the copy loads as the method fixture already has it.
    assert not report.updated

    out = tmp_path / "export"
    export_method(out)

    for folder in (files.STEPS_DIR, files.STORIES_DIR):
        for source in sorted((content_copy / folder).glob("*.md")):
            exported = (out / folder / source.name).read_text(encoding="utf-8")
            assert exported == source.read_text(encoding="utf-8"), source.name
