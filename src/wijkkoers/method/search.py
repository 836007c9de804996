"""Search over the method's steps: ranked by where the words occur, with a suggestion for typos.

Wagtail's database backend finds candidates (on PostgreSQL with Dutch stemming), but its
ranking cannot be trusted to put the step that is *about* a word first: SQLite's backend
weighs only the title against one body of text, so a subtitle boost is lost there. So the
ranking is ours, over the frozen catalogue: a word in the title weighs more than one in the
subtitle, then doel, aanpak, tips and stories. A query word also matches the words it begins
("stakeholder" finds "stakeholderanalyse") and, from four letters on, a word inside a
compound ("lasten" finds "woonlasten").

The per-step word lists and the vocabulary for "did you mean" are built once per version of
the method (`catalogue.current_version()`), like the catalogue itself.
"""

import difflib
import re
from bisect import bisect_left
from dataclasses import dataclass
from types import MappingProxyType

from wijkkoers.method.catalogue import Catalogue, Step, current_version, get_catalogue
from wijkkoers.method.markdown import plain_text

MAX_TERMS = 10  # more distinct words than this add nothing but work
MIN_INFIX = 4  # a word inside a compound counts from this length on
# Field weights, strongest first: title > subtitle > doel > aanpak > tips > stories.
FIELDS = ("title", "subtitle", "doel", "aanpak", "tips", "stories")
WEIGHTS = {"title": 32, "subtitle": 16, "doel": 6, "aanpak": 3, "tips": 2, "stories": 1}
INFIX_FACTOR = 0.5  # a word found inside a compound weighs half a word it begins
BACKEND_BONUS = 0.5  # the backend matched it too (stemming): a small nudge, never a jump
SUGGEST_CUTOFF = 0.75  # difflib similarity for "did you mean"
MIN_SUGGEST_LENGTH = 4

WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The lower-case words of a text."""
    return WORD.findall(text.lower())


def search_terms(query: str) -> list[str]:
    """The distinct words of a query, in order; quotes, operators and punctuation dropped."""
    return list(dict.fromkeys(words_of(query)))[:MAX_TERMS]


@dataclass(frozen=True, slots=True)
class StepWords:
    """A step's distinct words per field, sorted, so a prefix is found by bisection."""

    step: Step
    fields: MappingProxyType  # field name -> sorted tuple of words (shared: read-only)
    texts: tuple[str, ...]  # plain texts in reading order, for the snippet

    def weight_of(self, term: str) -> float:
        """The weight of the strongest field in which `term` begins or closes a word."""
        for name in FIELDS:  # strongest first
            words = self.fields[name]
            position = bisect_left(words, term)
            if position < len(words) and words[position].startswith(term):
                return WEIGHTS[name]
        if len(term) >= MIN_INFIX:
            for name in FIELDS:
                if any(term in word for word in self.fields[name]):
                    return WEIGHTS[name] * INFIX_FACTOR
        return 0.0


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """The catalogue's steps as word lists, and the vocabulary suggestions come from."""

    steps: tuple[StepWords, ...]
    vocabulary: tuple[str, ...]


def _step_words(step: Step) -> StepWords:
    tips = [plain_text(tip) for tip in step.tips]
    stories = [(story.title, plain_text(story.text)) for story in step.stories]
    texts = {
        "title": step.title,
        "subtitle": step.subtitle,
        "doel": plain_text(step.doel),
        "aanpak": plain_text(step.aanpak),
        "tips": " ".join(tips),
        "stories": " ".join(
            f"{title} {story.place} {text}"
            for (title, text), story in zip(stories, step.stories, strict=True)
        ),
    }
    reading_order = [texts["title"], texts["subtitle"], texts["doel"], texts["aanpak"], *tips]
    reading_order += [part for story in stories for part in story]
    return StepWords(
        step,
        MappingProxyType({name: tuple(sorted(set(words_of(texts[name])))) for name in FIELDS}),
        tuple(reading_order),
    )


def build_index(catalogue: Catalogue) -> SearchIndex:
    """Word lists for every live step, and the vocabulary of titles, subtitles and tracks."""
    steps = tuple(_step_words(step) for phase in catalogue.phases for step in phase.steps)
    names = [s.step.title + " " + s.step.subtitle for s in steps]
    names += [f"{track.name} {track.explanation}" for track in catalogue.tracks]
    vocabulary = {word for text in names for word in words_of(text)}
    return SearchIndex(steps, tuple(sorted(w for w in vocabulary if len(w) >= MIN_SUGGEST_LENGTH)))


_memo: dict = {}


def get_index() -> SearchIndex:
    """The search index for the current version of the method (built once per version)."""
    version = current_version()
    memo = _memo.get("entry")
    if memo and memo[0] == version:
        return memo[1]
    index = build_index(get_catalogue())
    _memo["entry"] = (version, index)
    return index


def rank(index: SearchIndex, terms: list[str], backend_ids=()) -> list[StepWords]:
    """The index entries of the steps matching any term, best first.

    Order: most query words matched, then the summed weight of where they occur, then the
    shorter title (two titles naming the word: the shorter one is more about it), then the
    backend's own order, then method order. `backend_ids` are page ids the full-text
    backend found (it knows Dutch stems we do not); they count as a match of one word.
    """
    backend_rank = {page_id: position for position, page_id in enumerate(backend_ids)}
    scored = []
    for position, entry in enumerate(index.steps):
        weights = [entry.weight_of(term) for term in terms]
        matched = sum(1 for weight in weights if weight)
        found_by_backend = entry.step.page_id in backend_rank
        if not matched and not found_by_backend:
            continue
        score = sum(weights) + (BACKEND_BONUS if found_by_backend else 0)
        order = backend_rank.get(entry.step.page_id, len(backend_rank))
        title_length = len(entry.fields["title"])
        best = -max(matched, int(found_by_backend))
        scored.append((best, -score, title_length, order, position, entry))
    scored.sort(key=lambda row: row[:5])
    return [row[5] for row in scored]


def suggestion(index: SearchIndex, terms: list[str]) -> str:
    """A corrected query when a word matches no step but resembles a known word, else ""."""
    corrected, changed = [], False
    for term in terms:
        replacement = term
        if len(term) >= MIN_SUGGEST_LENGTH and not any(e.weight_of(term) for e in index.steps):
            close = difflib.get_close_matches(term, index.vocabulary, n=1, cutoff=SUGGEST_CUTOFF)
            if close:
                replacement, changed = close[0], True
        corrected.append(replacement)
    return " ".join(corrected) if changed else ""
