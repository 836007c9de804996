"""Read-side queries for the method pages: lists come from the catalogue (no query),
the rest of a page from a fixed number of queries.
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wijkkoers.method import search
from wijkkoers.method.catalogue import Catalogue, Step, current_version, get_catalogue
from wijkkoers.method.models import StepLink, StepPage

MAX_QUERY_LENGTH = 200
MAX_RESULTS = 50
SNIPPET_CHARS = 220
SEARCH_KEY = "method:search:{version}:{kompas}:{digest}"
SEARCH_TIMEOUT = 3600  # a query asked once an hour costs one search; the next are free


def _grouped_links(catalogue: Catalogue, own_key, keys_out, keys_in) -> tuple[list, list]:
    """(links out, links in): per kind, (kind, linked live steps in method order).

    Each linked step is shown once, under its strongest relation: requires, then leads to,
    then related; within a kind, a link out before a link in. Kinds left empty drop out.
    """
    shown = {own_key}
    groups = {"out": [], "in": []}
    for kind in StepLink.Kind:
        for direction, keys_by_kind in (("out", keys_out), ("in", keys_in)):
            linked = [s for s in catalogue.linked(keys_by_kind(kind.value)) if s.key not in shown]
            shown.update(step.key for step in linked)
            if linked:
                groups[direction].append((kind, tuple(linked)))
    return groups["out"], groups["in"]


def step_detail(page: StepPage, request) -> dict:
    """Everything the step page shows besides the page's own text.

    The live page reads it all from the catalogue. A preview (an unsaved page, perhaps
    with unsaved tracks, parties, tips, stories and links in memory) reads those from the
    page itself, and only its place in the method (phase, neighbours) from the catalogue.
    """
    catalogue = get_catalogue()
    published = catalogue.by_id.get(page.pk)
    if getattr(request, "is_preview", False) or published is None:
        return _preview_detail(page, catalogue)
    phase = catalogue.phase_of(published)
    previous_step, next_step = catalogue.neighbours(published.key)
    links_out, links_in = _grouped_links(
        catalogue,
        published.key,
        published.links,
        lambda kind: catalogue.incoming(published.key, kind),
    )
    return {
        "catalogue": catalogue,
        "phase": phase,
        "display_number": published.display_number,
        "tracks": published.tracks,
        "parties": published.parties,
        "tips": published.tips,
        "resources": published.resources,
        "stories": published.stories,
        "links_out": links_out,
        "links_in": links_in,
        "previous_step": previous_step,
        "next_step": next_step,
        "step_urls": catalogue.step_urls,
    }


def _preview_detail(page: StepPage, catalogue: Catalogue) -> dict:
    """The step page's context read from the page object, as the editor has it now."""
    phase = next((p for p in catalogue.phases if p.page_id == page.get_parent().pk), None)
    live_key = catalogue.by_id[page.pk].key if page.pk in catalogue.by_id else None
    previous_step, next_step = catalogue.neighbours(live_key) if live_key else (None, None)
    links = list(page.links.all())
    targets = dict(
        StepPage.objects.filter(pk__in=[link.target_id for link in links]).values_list("pk", "key")
    )
    links_out, links_in = _grouped_links(
        catalogue,
        live_key,
        lambda kind: [targets.get(link.target_id) for link in links if link.kind == kind],
        lambda kind: catalogue.incoming(live_key, kind) if live_key else (),
    )
    return {
        "catalogue": catalogue,
        "phase": phase,
        "display_number": f"{phase.number}.{page.number}" if phase else "",
        # The catalogue's tracks know their URL; a track saved just now may not be in it yet.
        "tracks": [
            catalogue.track(track.code) or track
            for track in sorted(page.tracks.all(), key=lambda track: track.code)
        ],
        "parties": [sp.party for sp in page.step_parties.all()],
        "tips": [tip.text for tip in page.tips.all()],
        "resources": list(page.resources.all()),
        "stories": [ss.story for ss in page.step_stories.all()],
        "links_out": links_out,
        "links_in": links_in,
        "previous_step": previous_step,
        "next_step": next_step,
        "step_urls": catalogue.step_urls,
    }


# --- Search -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    step: Step
    snippet: str


def search_terms(query: str) -> list[str]:
    """The distinct words of a query; quotes, operators and other punctuation are dropped."""
    return search.search_terms(query)


def search_steps(kompas, query: str) -> list[SearchHit]:
    """Live steps matching the query, best first, each with a highlighted snippet.

    The backend finds candidates (with stemming on PostgreSQL); `search.rank` orders them
    with the catalogue's own matches by where the words occur (title first). Only the
    query's words reach the backend, joined by spaces: a quote, `*`, `(` or an upper-case
    AND would otherwise be FTS5 syntax on SQLite (and an error there).
    """
    terms = search_terms(query)
    if not terms:
        return []
    found = StepPage.objects.live().descendant_of(kompas).search(" ".join(terms))
    backend_ids = [result.pk for result in found[:MAX_RESULTS]]
    ranked = search.rank(search.get_index(), terms, backend_ids)[:MAX_RESULTS]
    return [SearchHit(entry.step, highlight(entry.texts, terms)) for entry in ranked]


def search_results(kompas, query: str) -> tuple[list[SearchHit], str]:
    """(hits, "did you mean") for a query, kept in the shared cache per method version and
    per normalised query (its distinct lower-case words), so "Warmtenet!" and "warmtenet"
    share one entry and a publish starts afresh. Hits are stored as (step key, snippet)."""
    terms = search_terms(query)
    if not terms:
        return [], ""
    digest = hashlib.sha256(" ".join(terms).encode()).hexdigest()
    key = SEARCH_KEY.format(version=current_version(), kompas=kompas.pk, digest=digest)
    steps = get_catalogue().steps
    stored = cache.get(key)
    if stored is None:
        hits, suggestion = search_steps(kompas, query), search_suggestion(query)
        stored = ([(hit.step.key, str(hit.snippet)) for hit in hits], suggestion)
        cache.set(key, stored, timeout=SEARCH_TIMEOUT)
    found, suggestion = stored
    # The snippets were escaped when they were made (highlight); only <mark> was added.
    hits = [SearchHit(steps[k], mark_safe(snippet)) for k, snippet in found if k in steps]  # noqa: S308
    return hits, suggestion


def search_suggestion(query: str) -> str:
    """ "Did you mean" for a query with a word that matches no step, or ""."""
    terms = search_terms(query)
    return search.suggestion(search.get_index(), terms) if terms else ""


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
