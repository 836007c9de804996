"""Load the method from content files into the CMS, and export it back.

Keys are the identity: a file updates the page or snippet with its key, and creates it
when there is none. Nothing is ever deleted, so pages that editors made survive a reload.
A page gets a new published revision only when its content differs from the file.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search import index
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from wijkkoers.method import catalogue, files
from wijkkoers.method.files import (
    ContentError,
    PartyRecord,
    PhaseRecord,
    ResourceRecord,
    StepRecord,
    StoryRecord,
    TrackRecord,
)
from wijkkoers.method.markdown import linked_step_keys
from wijkkoers.method.models import (
    MethodIndexPage,
    PartyType,
    PhasePage,
    PracticeStory,
    StepLink,
    StepPage,
    StepParty,
    StepResource,
    StepStory,
    StepTip,
    Track,
)
from wijkkoers.method.signals import reindex_published_step

KOMPAS_SLUG = "kompas"
GROUP_FROM_FILE = {"sociaal": Track.Group.SOCIAL, "technisch": Track.Group.TECHNICAL}
GROUP_TO_FILE = {value: key for key, value in GROUP_FROM_FILE.items()}
LINK_KINDS = (StepLink.Kind.REQUIRES, StepLink.Kind.LEADS_TO, StepLink.Kind.RELATED)


@dataclass
class LoadReport:
    """What load_method did: names of files created or updated, and files it refused."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    published: list[Page] = field(default_factory=list, repr=False)

    def fail(self, name: str, problem: str) -> None:
        self.errors.append((name, problem))


# --- Records from the database (for comparing and exporting) ----------------------------


def phase_record(page: PhasePage) -> PhaseRecord:
    return PhaseRecord(page.key, page.number, page.title, page.intro, page.own_addition)


def track_record(track: Track) -> TrackRecord:
    group = GROUP_TO_FILE[track.group]
    return TrackRecord(track.code, track.name, group, track.explanation, track.own_addition)


def story_record(story: PracticeStory) -> StoryRecord:
    return StoryRecord(
        story.key, story.title, story.place, story.source, story.source_url, story.text
    )


def step_record(step: StepPage, phase_number: int) -> StepRecord:
    """The step as a content-file record, with every list in its stored order."""
    links = list(step.links.select_related("target").order_by("sort_order"))

    def linked(kind):
        return tuple(link.target.key for link in links if link.kind == kind)

    return StepRecord(
        key=step.key,
        phase=phase_number,
        number=step.number,
        title=step.title,
        subtitle=step.subtitle,
        tracks=tuple(sorted(track.code for track in step.tracks.all())),
        parties=tuple(sp.party.key for sp in step.step_parties.select_related("party")),
        sensitive=step.sensitive,
        requires=linked(StepLink.Kind.REQUIRES),
        leads_to=linked(StepLink.Kind.LEADS_TO),
        related=linked(StepLink.Kind.RELATED),
        stories=tuple(ss.story.key for ss in step.step_stories.select_related("story")),
        doel=step.doel,
        aanpak=step.aanpak,
        tips=tuple(tip.text for tip in step.tips.all()),
        resources=tuple(ResourceRecord(r.title, r.publisher, r.url) for r in step.resources.all()),
    )


# --- The Kompas and its place in the page tree ------------------------------------------


def get_site_root() -> Page:
    """The default site's root page; recreated when a test flushed Wagtail's own data."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site:
        return site.root_page
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    Locale.objects.get_or_create(language_code=language)
    root = Page.get_first_root_node() or Page.add_root(title="Alle pagina's", slug="root")
    home = root.add_child(instance=Page(title="Wijkkoers", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def ensure_kompas() -> MethodIndexPage:
    """The one MethodIndexPage (slug "kompas"), created under the site root when missing."""
    kompas = MethodIndexPage.objects.first()
    if kompas is None:
        kompas = get_site_root().add_child(
            instance=MethodIndexPage(title="Kompas", slug=KOMPAS_SLUG)
        )
        kompas.save_revision().publish()
    return kompas


def _publish(page: Page, report: "LoadReport | None" = None) -> None:
    page.save_revision().publish()
    if report is not None:
        report.published.append(page)


@contextmanager
def _indexing_deferred(models):
    """Skip the per-save search and reference indexing while loading; see _update_indexes.

    Each published page is saved several times, and every save would re-index it (in tests
    at once, through the immediate task backend): by far the slowest part of a load. The
    step's re-index after publishing (signals.reindex_published_step) waits too: it indexed
    every step a second time, about a sixth of a load.
    """
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    page_published.disconnect(reindex_published_step)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        page_published.connect(reindex_published_step)
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _update_indexes(pages: list[Page]) -> None:
    """Index each published page once, as it is now in the database."""
    for page in pages:
        fresh = page.specific_class.objects.get(pk=page.pk)
        index.insert_or_update_object(fresh)
        ReferenceIndex.create_or_update_for_object(fresh)


# --- Loading ----------------------------------------------------------------------------


def _read(path: Path, name: str, parse, report: LoadReport):
    """Parse one file; on failure, note it in the report and return None."""
    try:
        return parse((path / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ContentError) as error:
        report.fail(name, str(error))
        return None


def load_tracks(records: list[TrackRecord]) -> None:
    for record in records:
        Track.objects.update_or_create(
            code=record.code,
            defaults={
                "name": record.name,
                "group": GROUP_FROM_FILE[record.group],
                "explanation": record.explanation,
                "own_addition": record.own_addition,
            },
        )


def load_parties(records: list[PartyRecord]) -> None:
    for position, record in enumerate(records):
        PartyType.objects.update_or_create(
            key=record.key, defaults={"name": record.name, "sort_order": position}
        )


def load_stories(path: Path, report: LoadReport) -> None:
    existing = {story.key: story for story in PracticeStory.objects.all()}
    for story_file in sorted((path / files.STORIES_DIR).glob("*.md")):
        name = f"{files.STORIES_DIR}/{story_file.name}"
        record = _read(path, name, files.parse_story, report)
        if record is None:
            continue
        story = existing.get(record.key) or PracticeStory(key=record.key)
        if story.pk and story_record(story) == record:
            continue
        for attr in ("title", "place", "source", "source_url", "text"):
            setattr(story, attr, getattr(record, attr))
        (report.updated if story.pk else report.created).append(name)
        story.save()


def load_phases(kompas: MethodIndexPage, records: list[PhaseRecord], report) -> None:
    existing = {phase.key: phase for phase in PhasePage.objects.child_of(kompas).specific()}
    for record in records:
        phase = existing.get(record.key)
        if phase and phase_record(phase) == record:
            continue
        if phase is None:
            phase = kompas.add_child(
                instance=PhasePage(slug=record.key, key=record.key, **_phase_fields(record))
            )
            report.created.append(f"{files.PHASES_FILE}: {record.key}")
        else:
            for attr, value in _phase_fields(record).items():
                setattr(phase, attr, value)
            report.updated.append(f"{files.PHASES_FILE}: {record.key}")
        _publish(phase, report)


def _phase_fields(record: PhaseRecord) -> dict:
    return {
        "title": record.title,
        "number": record.number,
        "intro": record.intro,
        "own_addition": record.own_addition,
    }


def _read_steps(path: Path, report: LoadReport) -> dict[str, StepRecord]:
    """Every step file that parses, by file name; a second file with a used key fails."""
    records, seen = {}, {}
    for step_file in sorted((path / files.STEPS_DIR).glob("*.md")):
        name = f"{files.STEPS_DIR}/{step_file.name}"
        record = _read(path, name, files.parse_step, report)
        if record is None:
            continue
        if record.key in seen:
            report.fail(name, f"sleutel '{record.key}' staat al in {seen[record.key]}")
            continue
        seen[record.key] = name
        records[name] = record
    return records


def _step_problem(record: StepRecord, known: dict[str, set]) -> str | None:
    """The first unknown reference in a step record, as a message; None when all exist."""
    checks = [
        ("fase", [record.phase], known["phases"]),
        ("spoor", record.tracks, known["tracks"]),
        ("partij", record.parties, known["parties"]),
        ("praktijkverhaal", record.stories, known["stories"]),
        ("gelinkt knooppunt", record.linked_keys, known["steps"]),
    ]
    for label, values, allowed in checks:
        for value in values:
            if value not in allowed:
                return f"onbekend {label} '{value}'"
    for key in _markdown_links(record):
        if key not in known["steps"]:
            return f"onbekend gelinkt knooppunt '{key}' in een link in de tekst"
    return None


def _markdown_links(record: StepRecord) -> list[str]:
    return linked_step_keys("\n".join([record.doel, record.aanpak, *record.tips]))


def _validate_steps(records: dict[str, StepRecord], kompas, report) -> dict[str, StepRecord]:
    """Drop records with unknown references; repeat, since a dropped step breaks links to it."""
    known = {
        "phases": set(PhasePage.objects.child_of(kompas).values_list("number", flat=True)),
        "tracks": set(Track.objects.values_list("code", flat=True)),
        "parties": set(PartyType.objects.values_list("key", flat=True)),
        "stories": set(PracticeStory.objects.values_list("key", flat=True)),
    }
    stored_keys = set(StepPage.objects.values_list("key", flat=True))
    valid = dict(records)
    while True:
        known["steps"] = stored_keys | {record.key for record in valid.values()}
        problems = {name: _step_problem(record, known) for name, record in valid.items()}
        problems = {name: problem for name, problem in problems.items() if problem}
        if not problems:
            return valid
        for name, problem in problems.items():
            report.fail(name, problem)
            del valid[name]


def _apply_step(step: StepPage, record: StepRecord, refs: dict) -> None:
    """Copy a record onto a step page (in memory; the caller publishes a revision)."""
    step.title = record.title
    step.subtitle, step.number, step.sensitive = record.subtitle, record.number, record.sensitive
    step.doel, step.aanpak = record.doel, record.aanpak
    step.tracks.set([refs["tracks"][code] for code in record.tracks])
    step.step_parties = [
        StepParty(party=refs["parties"][key], sort_order=i) for i, key in enumerate(record.parties)
    ]
    step.tips = [StepTip(text=text, sort_order=i) for i, text in enumerate(record.tips)]
    step.resources = [
        StepResource(title=r.title, publisher=r.publisher, url=r.url, sort_order=i)
        for i, r in enumerate(record.resources)
    ]
    step.step_stories = [
        StepStory(story=refs["stories"][key], sort_order=i) for i, key in enumerate(record.stories)
    ]
    targets = [(kind, key) for kind in LINK_KINDS for key in _linked(record, kind)]
    step.links = [
        StepLink(kind=kind, target=refs["steps"][key], sort_order=i)
        for i, (kind, key) in enumerate(targets)
    ]


def _linked(record: StepRecord, kind: str) -> tuple[str, ...]:
    return {
        StepLink.Kind.REQUIRES: record.requires,
        StepLink.Kind.LEADS_TO: record.leads_to,
        StepLink.Kind.RELATED: record.related,
    }[kind]


def _place_step(step, record, phases, created) -> StepPage:
    """Create the page of a new step, or move an existing one to the phase its file names."""
    phase = phases[record.phase]
    if step is None:
        fields = {"title": record.title, "subtitle": record.subtitle, "number": record.number}
        step = phase.add_child(
            instance=StepPage(
                slug=record.key, key=record.key, doel=record.doel, aanpak=record.aanpak, **fields
            )
        )
        created.add(record.key)
    elif not step.path.startswith(phase.path):
        step.move(phase, pos="last-child")
        step = StepPage.objects.get(pk=step.pk)
    return step


def load_steps(kompas, records: dict[str, StepRecord], report: LoadReport) -> None:
    phases = {phase.number: phase for phase in PhasePage.objects.child_of(kompas)}
    steps = {step.key: step for step in StepPage.objects.all()}
    created: set[str] = set()
    # First every step gets a page, so that links can point at steps created in this run.
    for record in records.values():
        steps[record.key] = _place_step(steps.get(record.key), record, phases, created)
    refs = {
        "tracks": {track.code: track for track in Track.objects.all()},
        "parties": {party.key: party for party in PartyType.objects.all()},
        "stories": {story.key: story for story in PracticeStory.objects.all()},
        "steps": steps,
    }
    for name, record in records.items():
        step = steps[record.key]
        if step_record(step, record.phase) == record:
            continue
        _apply_step(step, record, refs)
        _publish(step, report)
        (report.created if record.key in created else report.updated).append(name)


def load_method(path: Path) -> LoadReport:
    """Load the content files under `path` into the CMS; see the module docstring.

    A file with a problem (broken front matter, an unknown track, party, story or linked
    step) is reported by name and loaded not at all; every other file still loads.
    """
    path = Path(path)
    report = LoadReport()
    with transaction.atomic(), _indexing_deferred([MethodIndexPage, PhasePage, StepPage]):
        kompas = ensure_kompas()
        if (tracks := _read(path, files.TRACKS_FILE, files.parse_tracks, report)) is not None:
            load_tracks(tracks)
        if (parties := _read(path, files.PARTIES_FILE, files.parse_parties, report)) is not None:
            load_parties(parties)
        load_stories(path, report)
        if (phases := _read(path, files.PHASES_FILE, files.parse_phases, report)) is not None:
            load_phases(kompas, phases, report)
        records = _validate_steps(_read_steps(path, report), kompas, report)
        load_steps(kompas, records, report)
        # Indexed here rather than by Wagtail's background task, so search works at once,
        # also when no task worker runs (as with `make run`).
        _update_indexes(report.published)
        # Signals already did this per change; once more so a load always leaves a fresh one.
        catalogue.invalidate()
    return report


# --- Exporting --------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _replace_dir(directory: Path, texts: dict[str, str]) -> None:
    """Write the files; remove other .md files, so a renumbered step leaves no stale copy."""
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.md"):
        if stale.name not in texts:
            stale.unlink()
    for name, text in texts.items():
        _write(directory / name, text)


def export_method(path: Path) -> int:
    """Write the CMS content (live pages and all snippets) to `path`; returns files written.

    The output is the format load_method reads, so export then load changes nothing.
    """
    path = Path(path)
    kompas = ensure_kompas()
    phases = list(PhasePage.objects.child_of(kompas).live().order_by("number"))
    _write(path / files.PHASES_FILE, files.format_phases([phase_record(p) for p in phases]))
    _write(
        path / files.TRACKS_FILE,
        files.format_tracks([track_record(t) for t in Track.objects.all()]),
    )
    parties = [PartyRecord(party.key, party.name) for party in PartyType.objects.all()]
    _write(path / files.PARTIES_FILE, files.format_parties(parties))
    stories = {
        f"{s.key}.md": files.format_story(story_record(s)) for s in PracticeStory.objects.all()
    }
    _replace_dir(path / files.STORIES_DIR, stories)
    steps = {}
    for phase in phases:
        for step in (
            StepPage.objects.child_of(phase).live().prefetch_related("tracks", "tips", "resources")
        ):
            record = step_record(step, phase.number)
            steps[record.filename] = files.format_step(record)
    _replace_dir(path / files.STEPS_DIR, steps)
    return 3 + len(stories) + len(steps)
