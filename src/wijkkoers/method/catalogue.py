"""The published method as immutable data, built once per version and shared by every view.

`get_catalogue()` answers the live Kompas (phases, steps, tracks, parties, stories, links)
as frozen dataclasses. It is built from the pages in a fixed number of queries, kept in
Django's cache under a version key (so every process sees a new version at once) and
memoised per process for that version: a request costs one cache read and no query.
`invalidate()` starts a new version; signals.py calls it when the method changes.

Nothing here may be mutated: per-project or per-request values live in the caller's own
rows (see projects/queries.py), never on these objects.
"""

import uuid
from dataclasses import dataclass, field
from types import MappingProxyType

from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch

from wijkkoers.method import models

VERSION_KEY = "method:catalogue:version"
CATALOGUE_KEY = "method:catalogue:{version}"
CATALOGUE_TIMEOUT = 7 * 24 * 3600  # a version nobody asks for any more just expires

LINK_KINDS = ("requires", "leads_to", "related")  # StepLink.Kind values, in display order


@dataclass(frozen=True, slots=True)
class Track:
    code: str
    name: str
    explanation: str
    group: str
    own_addition: bool
    url: str  # the track's page in the Kompas

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def slug(self) -> str:
        """The track's URL part: /kompas/spoor/b/."""
        return self.code.lower()


@dataclass(frozen=True, slots=True)
class PartyType:
    key: str
    name: str

    def __str__(self):
        return self.name


@dataclass(frozen=True, slots=True)
class Story:
    key: str
    title: str
    place: str
    text: str
    source: str
    source_url: str


@dataclass(frozen=True, slots=True)
class Resource:
    """A public guide or tool for a step."""

    title: str
    publisher: str
    url: str


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    number: int
    phase_number: int
    title: str
    subtitle: str
    url: str
    page_id: int
    sensitive: bool = False
    tracks: tuple[Track, ...] = ()
    parties: tuple[PartyType, ...] = ()  # lead party first
    stories: tuple[Story, ...] = ()
    tips: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    doel: str = ""
    aanpak: str = ""
    requires: tuple[str, ...] = ()  # keys of live steps, as the editor ordered them
    leads_to: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def display_number(self) -> str:
        return f"{self.phase_number}.{self.number}"

    @property
    def track_codes(self) -> tuple[str, ...]:
        return tuple(track.code for track in self.tracks)

    @property
    def party_keys(self) -> tuple[str, ...]:
        return tuple(party.key for party in self.parties)

    def links(self, kind: str) -> tuple[str, ...]:
        """Keys this step links to with one StepLink kind ("requires", "leads_to", "related")."""
        return getattr(self, kind)


@dataclass(frozen=True, slots=True)
class Phase:
    key: str
    number: int
    title: str
    url: str
    page_id: int
    own_addition: bool = False
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True)
class PhaseGroup:
    """A phase with the steps a list shows under it (all of them, or those a filter kept)."""

    phase: Phase
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class KompasFilters:
    track: str = ""
    party: str = ""
    sensitive: bool = False

    @property
    def active(self) -> bool:
        return bool(self.track or self.party or self.sensitive)

    def matches(self, step: Step) -> bool:
        """Does a step pass every active filter?"""
        if self.track and self.track not in step.track_codes:
            return False
        if self.party and self.party not in step.party_keys:
            return False
        return not (self.sensitive and not step.sensitive)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The live method. Fields are tuples; the lookups below are derived, read-only views."""

    kompas_url: str = ""
    kompas_id: int | None = None
    phases: tuple[Phase, ...] = ()
    tracks: tuple[Track, ...] = ()
    parties: tuple[PartyType, ...] = ()
    steps: MappingProxyType = field(init=False, repr=False, compare=False)
    by_id: MappingProxyType = field(init=False, repr=False, compare=False)
    step_urls: MappingProxyType = field(init=False, repr=False, compare=False)
    _incoming: MappingProxyType = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        ordered = [step for phase in self.phases for step in phase.steps]
        incoming = {step.key: {kind: [] for kind in LINK_KINDS} for step in ordered}
        for step in ordered:
            for kind in LINK_KINDS:
                for target in step.links(kind):
                    if target in incoming:
                        incoming[target][kind].append(step.key)
        derived = {
            "steps": {step.key: step for step in ordered},
            "by_id": {step.page_id: step for step in ordered},
            "step_urls": {step.key: step.url for step in ordered},
            "_incoming": {
                key: MappingProxyType({kind: tuple(keys) for kind, keys in kinds.items()})
                for key, kinds in incoming.items()
            },
        }
        for name, mapping in derived.items():
            object.__setattr__(self, name, MappingProxyType(mapping))

    def __reduce__(self):
        # Mapping proxies cannot be pickled (the cache pickles); rebuild them on load.
        return (
            Catalogue,
            (self.kompas_url, self.kompas_id, self.phases, self.tracks, self.parties),
        )

    # --- Lookups --------------------------------------------------------------------------

    def phase(self, number: int) -> Phase | None:
        return next((phase for phase in self.phases if phase.number == number), None)

    def track(self, code: str) -> Track | None:
        return next((track for track in self.tracks if track.code == code), None)

    def phase_of(self, step: Step) -> Phase | None:
        return self.phase(step.phase_number)

    def steps_of_phase(self, number: int) -> tuple[Step, ...]:
        phase = self.phase(number)
        return phase.steps if phase else ()

    def groups(self, filters: KompasFilters | None = None) -> list[PhaseGroup]:
        """Every phase with its steps that pass the filters; with active filters, empty
        phases drop out."""
        filters = filters or KompasFilters()
        groups = [
            PhaseGroup(phase, tuple(s for s in phase.steps if filters.matches(s)))
            for phase in self.phases
        ]
        return [group for group in groups if group.steps or not filters.active]

    def steps_of_track(self, code: str) -> list[PhaseGroup]:
        """Per phase, the steps that serve a track; phases without any drop out."""
        return self.groups(KompasFilters(track=code))

    def track_map(self) -> list[tuple[Phase, list[tuple[Track, tuple[Step, ...]]]]]:
        """Rows of the phases x tracks map: per phase, per track, the steps that serve it."""
        return [
            (
                phase,
                [(t, tuple(s for s in phase.steps if t in s.tracks)) for t in self.tracks],
            )
            for phase in self.phases
        ]

    def neighbours(self, key: str) -> tuple[Step | None, Step | None]:
        """The previous and next step within the same phase."""
        step = self.steps.get(key)
        siblings = self.steps_of_phase(step.phase_number) if step else ()
        keys = [s.key for s in siblings]
        if key not in keys:
            return None, None
        position = keys.index(key)
        previous = siblings[position - 1] if position else None
        following = siblings[position + 1] if position + 1 < len(siblings) else None
        return previous, following

    def linked(self, keys) -> tuple[Step, ...]:
        """The live steps among `keys`, once each, in method order."""
        found = {key: self.steps[key] for key in keys if key in self.steps}
        return tuple(sorted(found.values(), key=lambda s: (s.phase_number, s.number)))

    def incoming(self, key: str, kind: str) -> tuple[str, ...]:
        """Keys of the steps that link to `key` with `kind`."""
        return self._incoming[key][kind] if key in self._incoming else ()


# --- Building ---------------------------------------------------------------------------


def build_catalogue() -> Catalogue:
    """Read the live method from the pages in a fixed number of queries (twelve at most)."""
    kompas = models.MethodIndexPage.objects.live().first()
    if kompas is None:
        return Catalogue()
    kompas_url = kompas.get_url()
    tracks = {t.code: _track(t, kompas, kompas_url) for t in models.Track.objects.order_by("code")}
    parties = {p.pk: PartyType(p.key, p.name) for p in models.PartyType.objects.all()}
    phases = {}
    for page in models.PhasePage.objects.child_of(kompas).live().order_by("number"):
        phases[page.path] = (page, f"{kompas_url}{page.slug}/", [])
    # A live step under a phase that is not live is not part of the method, nor a link target.
    placed = [
        (page, phases[page.path[: -models.StepPage.steplen]])
        for page in _step_pages(kompas)
        if page.path[: -models.StepPage.steplen] in phases
    ]
    live = {page.pk: page.key for page, _phase in placed}
    for page, phase in placed:
        phase[2].append(_step(page, phase, tracks, parties, live))
    built = tuple(
        Phase(page.key, page.number, page.title, url, page.pk, page.own_addition, tuple(steps))
        for page, url, steps in phases.values()
    )
    return Catalogue(kompas_url, kompas.pk, built, tuple(tracks.values()), tuple(parties.values()))


def _track(track, kompas, kompas_url: str) -> Track:
    url = kompas_url + kompas.reverse_subpage("track", args=[track.slug])
    return Track(track.code, track.name, track.explanation, track.group, track.own_addition, url)


def _step_pages(kompas):
    return (
        models.StepPage.objects.live()
        .descendant_of(kompas)
        .order_by("number")
        .prefetch_related(
            "tracks",
            "tips",
            "resources",
            "links",
            Prefetch("step_parties", models.StepParty.objects.select_related("party")),
            Prefetch("step_stories", models.StepStory.objects.select_related("story")),
        )
    )


def _step(page, phase, tracks: dict, parties: dict, live: dict) -> Step:
    phase_page, phase_url, _steps = phase
    links = {kind: [] for kind in LINK_KINDS}
    for link in page.links.all():  # prefetched, in the editor's order
        if link.target_id in live and live[link.target_id] not in links[link.kind]:
            links[link.kind].append(live[link.target_id])
    return Step(
        key=page.key,
        number=page.number,
        phase_number=phase_page.number,
        title=page.title,
        subtitle=page.subtitle,
        url=f"{phase_url}{page.slug}/",
        page_id=page.pk,
        sensitive=page.sensitive,
        tracks=tuple(tracks[t.code] for t in sorted(page.tracks.all(), key=lambda t: t.code)),
        parties=tuple(parties[sp.party_id] for sp in page.step_parties.all()),
        stories=tuple(_story(ss.story) for ss in page.step_stories.all()),
        tips=tuple(tip.text for tip in page.tips.all()),
        resources=tuple(Resource(r.title, r.publisher, r.url) for r in page.resources.all()),
        doel=page.doel,
        aanpak=page.aanpak,
        **{kind: tuple(keys) for kind, keys in links.items()},
    )


def _story(story) -> Story:
    return Story(story.key, story.title, story.place, story.text, story.source, story.source_url)


# --- The cache --------------------------------------------------------------------------

# This process's last (version, catalogue); replaced whole, so threads may share it.
_memo: dict = {}


def _new_version() -> str:
    return uuid.uuid4().hex


def current_version() -> str:
    """The method's version as the shared cache knows it (set when missing)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def get_catalogue() -> Catalogue:
    """The live method for the current version: memo, else cache, else built and cached."""
    version = current_version()
    memo = _memo.get("entry")
    if memo and memo[0] == version:
        return memo[1]
    key = CATALOGUE_KEY.format(version=version)
    catalogue = cache.get(key)
    if catalogue is None:
        catalogue = build_catalogue()
        cache.set(key, catalogue, timeout=CATALOGUE_TIMEOUT)
    _memo["entry"] = (version, catalogue)
    return catalogue


def invalidate() -> None:
    """Start a new version now and again when the transaction commits.

    The second bump matters: another process may build between our change and its commit,
    and would then cache the old method under the first new version.
    """
    cache.set(VERSION_KEY, _new_version(), timeout=None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, _new_version(), timeout=None))
