"""Read-side queries for the method pages, each with a fixed number of database queries.

Lists are built from one query for the phases and one for the steps (with their tracks
and parties prefetched) and grouped in Python, so the count stays flat as steps grow.
"""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wijkkoers.method.markdown import plain_text
from wijkkoers.method.models import (
    MethodIndexPage,
    PhasePage,
    StepLink,
    StepPage,
    StepParty,
    StepStory,
    StepTip,
    Track,
)

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
SNIPPET_CHARS = 220


@dataclass
class PhaseGroup:
    """A phase with the steps shown under it."""

    phase: PhasePage
    steps: list = field(default_factory=list)


@dataclass(frozen=True)
class KompasFilters:
    track: str = ""
    party: str = ""
    sensitive: bool = False

    @property
    def active(self) -> bool:
        return bool(self.track or self.party or self.sensitive)


def _step_queryset():
    parties = StepParty.objects.select_related("party").order_by("sort_order")
    return (
        StepPage.objects.live()
        .order_by("number")
        .prefetch_related("tracks", Prefetch("step_parties", queryset=parties))
    )


def _label(step: StepPage, phase: PhasePage) -> None:
    """Give a step what lists show: its number as "1.2" and its URL, without extra queries."""
    step.phase_number = phase.number
    step.display_number = f"{phase.number}.{step.number}"
    step.list_url = phase.list_url + step.slug + "/"


def method_tree(kompas: MethodIndexPage, request) -> list[PhaseGroup]:
    """Every live phase with its live steps, in order, each step labelled (see _label)."""
    kompas_url = kompas.get_url(request)
    groups = {}
    for phase in PhasePage.objects.child_of(kompas).live().order_by("number"):
        phase.list_url = f"{kompas_url}{phase.slug}/"
        groups[phase.path] = PhaseGroup(phase)
    for step in _step_queryset().descendant_of(kompas):
        group = groups.get(step.path[: -StepPage.steplen])
        if group:
            _label(step, group.phase)
            group.steps.append(step)
    return list(groups.values())


def step_matches(step: StepPage, filters: KompasFilters) -> bool:
    """Does a (prefetched) step pass every active filter?"""
    if filters.track and filters.track not in {track.code for track in step.tracks.all()}:
        return False
    if filters.party and filters.party not in {sp.party.key for sp in step.step_parties.all()}:
        return False
    return not (filters.sensitive and not step.sensitive)


def filter_tree(tree: list[PhaseGroup], filters: KompasFilters) -> list[PhaseGroup]:
    """The tree with only the steps that pass the filters; phases left empty drop out."""
    groups = [PhaseGroup(g.phase, [s for s in g.steps if step_matches(s, filters)]) for g in tree]
    return [group for group in groups if group.steps or not filters.active]


def track_map(tree: list[PhaseGroup], tracks: list[Track]) -> list[tuple[PhasePage, list]]:
    """Rows of the phases x tracks map: per phase, per track, the steps that serve it."""
    rows = []
    for group in tree:
        cells = [[step for step in group.steps if track in step.tracks.all()] for track in tracks]
        rows.append((group.phase, list(zip(tracks, cells, strict=True))))
    return rows


def step_urls(tree: list[PhaseGroup]) -> dict[str, str]:
    """key -> URL of every live step, for knooppunt: links in Markdown."""
    return {step.key: step.list_url for group in tree for step in group.steps}


def kompas_of(page) -> MethodIndexPage | None:
    return MethodIndexPage.objects.ancestor_of(page).first()


def steps_of_phase(phase: PhasePage, request) -> list[StepPage]:
    """The live steps of a phase, in order, labelled for lists."""
    phase.list_url = phase.get_url(request)
    steps = list(_step_queryset().child_of(phase))
    for step in steps:
        _label(step, phase)
    return steps


def _by_kind(links, steps_by_id, attr) -> list[tuple[str, list]]:
    groups = []
    for kind in StepLink.Kind:
        linked = [steps_by_id[getattr(link, attr)] for link in links if link.kind == kind]
        linked = sorted(
            {step.pk: step for step in linked if step is not None}.values(),
            key=lambda step: (step.phase_number, step.number),
        )
        if linked:
            groups.append((kind, linked))
    return groups


def step_detail(step: StepPage, request) -> dict:
    """Everything the step page shows, from a fixed number of queries.

    Works on a preview too: the step's own relations may then be unsaved, in memory.
    """
    kompas = kompas_of(step)
    tree = method_tree(kompas, request) if kompas else []
    phase_group = next((g for g in tree if step.path.startswith(g.phase.path)), None)
    catalogue = {s.pk: s for group in tree for s in group.steps}
    siblings = phase_group.steps if phase_group else []
    position = next((i for i, s in enumerate(siblings) if s.pk == step.pk), None)
    incoming = StepLink.objects.filter(target_id=step.pk) if step.pk else []
    return {
        "kompas": kompas,
        "phase": phase_group.phase if phase_group else None,
        "display_number": f"{phase_group.phase.number}.{step.number}" if phase_group else "",
        "tracks": list(step.tracks.all()),
        "parties": [sp.party for sp in step.step_parties.select_related("party")],
        "tips": list(step.tips.all()),
        "stories": [ss.story for ss in step.step_stories.select_related("story")],
        "links_out": _by_kind(list(step.links.all()), _Lookup(catalogue), "target_id"),
        "links_in": _by_kind(list(incoming), _Lookup(catalogue), "step_id"),
        "previous_step": siblings[position - 1] if position else None,
        "next_step": siblings[position + 1]
        if position is not None and position + 1 < len(siblings)
        else None,
        "step_urls": step_urls(tree),
    }


class _Lookup(dict):
    """A dict that answers None for a step that is not live (it is then not linked)."""

    def __missing__(self, key):
        return None


def steps_of_track(kompas, track: Track, request) -> list[PhaseGroup]:
    """Per phase, the live steps that serve a track; phases without any drop out."""
    tree = method_tree(kompas, request)
    return filter_tree(tree, KompasFilters(track=track.code))


# --- Search -----------------------------------------------------------------------------


@dataclass
class SearchHit:
    step: StepPage
    snippet: str


def search_terms(query: str) -> list[str]:
    return [term.lower() for term in re.findall(r"\w+", query)]


def search_steps(kompas, query: str, request) -> list[SearchHit]:
    """Live steps matching the query, best first, each with a highlighted snippet."""
    tree = method_tree(kompas, request)
    catalogue = {step.pk: step for group in tree for step in group.steps}
    results = StepPage.objects.live().descendant_of(kompas).search(query)[:MAX_RESULTS]
    ids = [result.pk for result in results if result.pk in catalogue]
    texts = _searchable_texts(ids, catalogue)
    terms = search_terms(query)
    return [SearchHit(catalogue[pk], highlight(texts[pk], terms)) for pk in ids]


def _searchable_texts(ids: list[int], catalogue: dict) -> dict[int, list[str]]:
    """Per step, its texts in reading order: subtitle, doel, aanpak, tips, stories."""
    texts = {pk: [] for pk in ids}
    for pk in ids:
        step = catalogue[pk]
        texts[pk] += [step.title, step.subtitle, plain_text(step.doel), plain_text(step.aanpak)]
    for tip in StepTip.objects.filter(step_id__in=ids):
        texts[tip.step_id].append(plain_text(tip.text))
    for link in StepStory.objects.filter(step_id__in=ids).select_related("story"):
        texts[link.step_id] += [link.story.title, plain_text(link.story.text)]
    return texts


def highlight(texts: list[str], terms: list[str]) -> str:
    """A short, escaped excerpt around the first matching word, with matches in <mark>."""
    if not terms:
        return ""
    # Dutch compounds and plurals: a term also matches the words it begins.
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)
    text = next((t for t in texts[1:] if pattern.search(t)), texts[1] if len(texts) > 1 else "")
    match = pattern.search(text)
    start = max(0, match.start() - SNIPPET_CHARS // 3) if match else 0
    if start:
        # Begin the excerpt at a word, not halfway through one.
        start = text.find(" ", start, match.start()) + 1 or match.start()
    excerpt = text[start : start + SNIPPET_CHARS]
    marked = pattern.sub(lambda m: "\0" + m.group(0) + "\1", excerpt)
    safe = escape(marked).replace("\0", "<mark>").replace("\1", "</mark>")
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_CHARS < len(text) else ""
    return mark_safe(prefix + safe + suffix)  # noqa: S308 - escaped above, only <mark> added
