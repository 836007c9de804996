"""The content file format (see content/README.md): parse into records, format back.

Pure functions without database access. Records are frozen dataclasses, so "did the
content change?" is a plain equality test, and format(parse(text)) == text for the
files in content/: the export reproduces them byte for byte.
"""

import json
import re
import textwrap
from dataclasses import dataclass

import yaml

PHASES_FILE = "fasen.yaml"
TRACKS_FILE = "sporen.yaml"
PARTIES_FILE = "partijen.yaml"
STEPS_DIR = "knooppunten"
STORIES_DIR = "praktijk"

PHASES_HEADER = (
    "# De zes fasen van de wijkaanpak. `nummer` bepaalt de volgorde; `sleutel` verandert nooit.\n"
)
TRACKS_HEADER = (
    "# De sporen: perspectieven die samen een goede wijkaanpak maken.\n"
    "# groep: sociaal (sociaal-maatschappelijk) of technisch (technisch-economisch).\n"
)
PARTIES_HEADER = "# Soorten betrokken partijen.\n"
# The widths at which the hand-written files fold their long texts.
PHASES_FOLD_WIDTH = 88
TRACKS_FOLD_WIDTH = 86

STEP_SECTIONS = ("Doel", "Aanpak", "Tips")
YES, NO = "ja", "nee"


class ContentError(ValueError):
    """A content file that cannot be used; the message says what is wrong, in Dutch."""


@dataclass(frozen=True)
class PhaseRecord:
    key: str
    number: int
    title: str
    intro: str
    own_addition: bool = False


@dataclass(frozen=True)
class TrackRecord:
    code: str
    name: str
    group: str  # "sociaal" or "technisch", as in the file
    explanation: str
    own_addition: bool = False


@dataclass(frozen=True)
class PartyRecord:
    key: str
    name: str


@dataclass(frozen=True)
class StoryRecord:
    key: str
    title: str
    place: str
    source: str
    source_url: str
    text: str


@dataclass(frozen=True)
class ResourceRecord:
    """A public guide or tool for a step: its title as the publisher names it."""

    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class StepRecord:
    key: str
    phase: int
    number: int
    title: str
    subtitle: str
    tracks: tuple[str, ...]
    parties: tuple[str, ...]
    sensitive: bool
    requires: tuple[str, ...]
    leads_to: tuple[str, ...]
    related: tuple[str, ...]
    stories: tuple[str, ...]
    doel: str
    aanpak: str
    tips: tuple[str, ...]
    resources: tuple[ResourceRecord, ...] = ()

    @property
    def linked_keys(self) -> tuple[str, ...]:
        return self.requires + self.leads_to + self.related

    @property
    def filename(self) -> str:
        return step_filename(self.phase, self.number, self.key)


def step_filename(phase: int, number: int, key: str) -> str:
    """knooppunten/<fase>-<nr>-<sleutel>.md, e.g. 1-02-helderheid-over-ambities.md."""
    return f"{phase}-{number:02d}-{key}.md"


# --- Parsing ----------------------------------------------------------------------------


def _load_yaml(text: str):
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentError(f"ongeldige YAML: {error}") from error


def _split_front_matter(text: str) -> tuple[dict, str]:
    match = re.match(r"---\n(.*?)\n---\n(.*)\Z", text, re.DOTALL)
    if not match:
        raise ContentError("front matter ontbreekt of is niet afgesloten met '---'")
    meta = _load_yaml(match.group(1))
    if not isinstance(meta, dict):
        raise ContentError("front matter is geen lijst van velden")
    return meta, match.group(2)


def _text(meta: dict, name: str, *, required: bool = True) -> str:
    value = meta.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ContentError(f"veld '{name}' ontbreekt of is geen tekst")
    return value


def _int(meta: dict, name: str) -> int:
    value = meta.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ContentError(f"veld '{name}' moet een positief geheel getal zijn")
    return value


def _keys(meta: dict, name: str) -> tuple[str, ...]:
    value = meta.get(name) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(f"veld '{name}' moet een lijst van sleutels zijn")
    return tuple(value)


def _yes_no(meta: dict, name: str) -> bool:
    value = meta.get(name, NO)
    if value in (YES, True):
        return True
    if value in (NO, False):
        return False
    raise ContentError(f"veld '{name}' moet 'ja' of 'nee' zijn")


RESOURCE_FIELDS = ("titel", "uitgever", "url")
RESOURCE_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+[^\s]*")


def _resources(meta: dict) -> tuple[ResourceRecord, ...]:
    """The 'bronnen' list: each item a titel, an uitgever and an http(s) url."""
    value = meta.get("bronnen") or []
    if not isinstance(value, list):
        raise ContentError("veld 'bronnen' moet een lijst zijn")
    records = []
    for position, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise ContentError(f"bron {position} moet titel, uitgever en url hebben")
        unknown = sorted(set(item) - set(RESOURCE_FIELDS))
        if unknown:
            raise ContentError(f"bron {position} heeft een onbekend veld '{unknown[0]}'")
        for name in RESOURCE_FIELDS:
            if not isinstance(item.get(name), str) or not item[name].strip():
                raise ContentError(f"bron {position}: veld '{name}' ontbreekt of is geen tekst")
        if not RESOURCE_URL.fullmatch(item["url"]):
            raise ContentError(f"bron {position}: url moet beginnen met https:// of http://")
        records.append(ResourceRecord(item["titel"], item["uitgever"], item["url"]))
    return tuple(records)


def _sections(body: str) -> dict[str, str]:
    """Split a step's body into its '## ' sections, without surrounding blank lines."""
    sections, current, lines = {}, None, []
    for line in body.split("\n"):
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(lines).strip("\n")
            current, lines = line[3:].strip(), []
            if current not in STEP_SECTIONS or current in sections:
                raise ContentError(f"onverwachte kop '## {current}'")
        elif current is None and line.strip():
            raise ContentError("tekst voor de eerste kop '## Doel'")
        else:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip("\n")
    return sections


def _tips(section: str) -> tuple[str, ...]:
    tips = []
    for line in section.split("\n"):
        if line.startswith("- "):
            tips.append(line[2:].strip())
        elif line.strip():
            raise ContentError("een tip staat op één regel en begint met '- '")
    return tuple(tips)


def parse_step(text: str) -> StepRecord:
    """Parse one knooppunten/*.md file; raise ContentError when it cannot be used."""
    meta, body = _split_front_matter(text)
    sections = _sections(body)
    for name in ("Doel", "Aanpak"):
        if not sections.get(name):
            raise ContentError(f"sectie '## {name}' ontbreekt of is leeg")
    return StepRecord(
        key=_text(meta, "sleutel"),
        phase=_int(meta, "fase"),
        number=_int(meta, "nummer"),
        title=_text(meta, "titel"),
        subtitle=_text(meta, "ondertitel"),
        tracks=_keys(meta, "sporen"),
        parties=_keys(meta, "partijen"),
        sensitive=_yes_no(meta, "bestuurlijk_gevoelig"),
        requires=_keys(meta, "vereist"),
        leads_to=_keys(meta, "leidt_tot"),
        related=_keys(meta, "verwant"),
        stories=_keys(meta, "praktijk"),
        doel=sections["Doel"],
        aanpak=sections["Aanpak"],
        tips=_tips(sections.get("Tips", "")),
        resources=_resources(meta),
    )


def parse_story(text: str) -> StoryRecord:
    """Parse one praktijk/*.md file; raise ContentError when it cannot be used."""
    meta, body = _split_front_matter(text)
    if not body.strip():
        raise ContentError("het verhaal zelf ontbreekt")
    return StoryRecord(
        key=_text(meta, "sleutel"),
        title=_text(meta, "titel"),
        place=_text(meta, "plaats"),
        source=_text(meta, "bron"),
        source_url=_text(meta, "bron_url", required=False),
        text=body.strip("\n"),
    )


def _yaml_list(text: str) -> list[dict]:
    items = _load_yaml(text)
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ContentError("het bestand moet een lijst van items zijn")
    return items


def parse_phases(text: str) -> list[PhaseRecord]:
    """Parse fasen.yaml."""
    return [
        PhaseRecord(
            key=_text(item, "sleutel"),
            number=_int(item, "nummer"),
            title=_text(item, "titel"),
            intro=_text(item, "intro"),
            own_addition=item.get("eigen_toevoeging") is True,
        )
        for item in _yaml_list(text)
    ]


def parse_tracks(text: str) -> list[TrackRecord]:
    """Parse sporen.yaml."""
    records = []
    for item in _yaml_list(text):
        group = _text(item, "groep")
        if group not in ("sociaal", "technisch"):
            raise ContentError(f"groep '{group}' moet 'sociaal' of 'technisch' zijn")
        records.append(
            TrackRecord(
                code=_text(item, "code"),
                name=_text(item, "naam"),
                group=group,
                explanation=_text(item, "uitleg"),
                own_addition=item.get("eigen_toevoeging") is True,
            )
        )
    return records


def parse_parties(text: str) -> list[PartyRecord]:
    """Parse partijen.yaml."""
    return [
        PartyRecord(key=_text(item, "sleutel"), name=_text(item, "naam"))
        for item in _yaml_list(text)
    ]


# --- Formatting -------------------------------------------------------------------------


def _is_plain(value: str) -> bool:
    """Can the value stand unquoted in YAML and read back as the same string?"""
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False


def _quoted(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(value, ensure_ascii=False)


def _scalar(value: str) -> str:
    return value if _is_plain(value) else _quoted(value)


def _word(value: str) -> str:
    """Front matter style: single words stand bare, anything with spaces is quoted."""
    return value if " " not in value and _is_plain(value) else _quoted(value)


def _flow(keys: tuple[str, ...]) -> str:
    return "[" + ", ".join(_scalar(key) for key in keys) + "]"


def _folded(name: str, value: str, width: int) -> str:
    # Folding is lossless only for single-spaced, single-line text; else quote it.
    if not value or "\n" in value or "  " in value or value != value.strip():
        return f"  {name}: {_quoted(value)}\n"
    body = textwrap.fill(
        value,
        width,
        initial_indent="    ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    return f"  {name}: >-\n{body}\n"


def format_step(record: StepRecord) -> str:
    """Write a step in the knooppunten/*.md format."""
    front = [
        f"sleutel: {record.key}",
        f"fase: {record.phase}",
        f"nummer: {record.number}",
        f"titel: {_quoted(record.title)}",
        f"ondertitel: {_quoted(record.subtitle)}",
        f"sporen: {_flow(record.tracks)}",
        f"partijen: {_flow(record.parties)}",
        f"bestuurlijk_gevoelig: {YES if record.sensitive else NO}",
        f"vereist: {_flow(record.requires)}",
        f"leidt_tot: {_flow(record.leads_to)}",
        f"verwant: {_flow(record.related)}",
        f"praktijk: {_flow(record.stories)}",
    ]
    if record.resources:
        front.append("bronnen:")
        for resource in record.resources:
            front.append(f"  - titel: {_quoted(resource.title)}")
            front.append(f"    uitgever: {_quoted(resource.publisher)}")
            front.append(f"    url: {_quoted(resource.url)}")
    tips = "\n".join(f"- {tip}" for tip in record.tips)
    return (
        "---\n" + "\n".join(front) + "\n---\n\n"
        f"## Doel\n\n{record.doel}\n\n"
        f"## Aanpak\n\n{record.aanpak}\n\n"
        f"## Tips\n\n{tips}\n"
    )


def format_story(record: StoryRecord) -> str:
    """Write a practice story in the praktijk/*.md format."""
    return (
        "---\n"
        f"sleutel: {record.key}\n"
        f"titel: {_quoted(record.title)}\n"
        f"plaats: {_word(record.place)}\n"
        f"bron: {_quoted(record.source)}\n"
        f"bron_url: {_quoted(record.source_url)}\n"
        "---\n\n"
        f"{record.text}\n"
    )


def format_phases(records: list[PhaseRecord]) -> str:
    """Write fasen.yaml."""
    parts = [PHASES_HEADER]
    for record in records:
        parts.append(
            f"- sleutel: {_scalar(record.key)}\n"
            f"  nummer: {record.number}\n"
            f"  titel: {_scalar(record.title)}\n"
        )
        if record.own_addition:
            parts.append("  eigen_toevoeging: true\n")
        parts.append(_folded("intro", record.intro, PHASES_FOLD_WIDTH))
    return "".join(parts)


def format_tracks(records: list[TrackRecord]) -> str:
    """Write sporen.yaml."""
    parts = [TRACKS_HEADER]
    for record in records:
        parts.append(
            f"- code: {_scalar(record.code)}\n"
            f"  naam: {_scalar(record.name)}\n"
            f"  groep: {record.group}\n"
        )
        if record.own_addition:
            parts.append("  eigen_toevoeging: true\n")
        parts.append(_folded("uitleg", record.explanation, TRACKS_FOLD_WIDTH))
    return "".join(parts)


def format_parties(records: list[PartyRecord]) -> str:
    """Write partijen.yaml."""
    parts = [PARTIES_HEADER]
    for record in records:
        parts.append(f"- sleutel: {_scalar(record.key)}\n  naam: {_scalar(record.name)}\n")
    return "".join(parts)
