"""Search within one project's logbook: decisions, agreements, meetings, documents, links.

On PostgreSQL: full text with the `dutch` configuration (stemming, stop words), the user's
text read as a web search (`websearch_to_tsquery`: words, "phrases", -not, or), ranked by
`ts_rank` with the title weighing most. Nothing is stored: the vector is computed for the
project's entries at query time, which a logbook of a few thousand entries allows.

On SQLite (development, tests): an honest simple fallback, not full text. Each word of the
query must occur somewhere in the entry's texts (case-insensitive `LIKE`); a Dutch plural
or inflection ending (-en, -s, -e, ...) is cut off first, so "besluiten" also finds
"besluit". Ranked by how many words hit the title, then newest first.

Either way only the query's words reach the database, any text gives a page, never an
error, and only the one project's entries are searched.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.utils.translation import pgettext_lazy

from wijkkoers.logbook.models import Entry, EntryKind

MAX_QUERY = 200
MAX_RESULTS = 50
WORD = re.compile(r"\w+", re.UNICODE)
# Longest first: the first ending that leaves a stem of at least four letters is cut.
DUTCH_ENDINGS = ("heden", "ingen", "tjes", "jes", "en", "es", "'s", "s", "e")

# The texts searched, by kind, as paths from Entry.
TEXT_FIELDS = (
    "decision__current__text",
    "agreement__current__text",
    "meeting_detail__agenda",
    "meeting_detail__minutes",
    "document__original_name",
)


@dataclass(frozen=True)
class SearchResults:
    query: str
    entries: list
    too_short: bool  # the query had no word to search for


def clean_query(raw) -> str:
    """The query as typed, without control characters (a NUL byte included), trimmed."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(raw or ""))
    return " ".join(text.split())[:MAX_QUERY]


def search_entries(project, raw_query) -> SearchResults:
    query = clean_query(raw_query)
    words = WORD.findall(query)
    if not words:
        return SearchResults(query, [], too_short=True)
    base = Entry.objects.filter(project=project).select_related(
        "document", "link", "decision", "agreement", "meeting_detail"
    )
    if connection.vendor == "postgresql":
        entries = _postgres(base, query)
    else:
        entries = _fallback(base, words)
    return SearchResults(query, entries, too_short=False)


def _postgres(base, query: str) -> list:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("title", weight="A", config="dutch") + SearchVector(
        *TEXT_FIELDS, weight="B", config="dutch"
    )
    search_query = SearchQuery(query, search_type="websearch", config="dutch")
    return list(
        # Match with @@ (ts_rank never answers 0, so a rank filter would keep everything).
        base.annotate(document_vector=vector)
        .filter(document_vector=search_query)
        .annotate(rank=SearchRank(vector, search_query))
        .order_by("-rank", "-occurred_on", "-id")[:MAX_RESULTS]
    )


def stem(word: str) -> str:
    """A crude Dutch stem for the fallback: one common ending off, four letters kept."""
    word = word.lower()
    for ending in DUTCH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _fallback(base, words) -> list:
    stems = list(dict.fromkeys(stem(word) for word in words))[:10]
    condition = Q()
    for part in stems:
        anywhere = Q(title__icontains=part)
        for field in TEXT_FIELDS:
            anywhere |= Q(**{f"{field}__icontains": part})
        condition &= anywhere
    found = list(base.filter(condition).order_by("-occurred_on", "-id")[: MAX_RESULTS * 4])
    found.sort(key=lambda entry: -sum(part in entry.title.lower() for part in stems))
    return found[:MAX_RESULTS]


KIND_LABELS = {
    EntryKind.DECISION: pgettext_lazy("logbook kind", "decision"),
    EntryKind.AGREEMENT: pgettext_lazy("logbook kind", "agreement"),
    EntryKind.ACTION: pgettext_lazy("logbook kind", "action"),
    EntryKind.MEETING: pgettext_lazy("logbook kind", "meeting"),
    EntryKind.DOCUMENT: pgettext_lazy("logbook kind", "document"),
    EntryKind.LINK: pgettext_lazy("logbook kind", "link"),
}


def kind_label(kind: str) -> str:
    """The kind of an entry in words (the search results say what each one is)."""
    return str(KIND_LABELS.get(kind, kind))
