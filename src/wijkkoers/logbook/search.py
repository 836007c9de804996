"""Search within one project's logbook: decisions, agreements, meetings, documents, links.

On PostgreSQL: full text with the `dutch` configuration (stemming, stop words), the user's
text read as a web search (`websearch_to_tsquery`: words, "phrases", -not, or), ranked by
`ts_rank` with the title weighing most. Nothing is stored: the vector is computed for the
project's entries at query time, which a logbook of a few thousand entries allows.

On SQLite (development, tests): full text with FTS5 (`logbook/fts.py`, an index the
database keeps in step by triggers). Every word of the query must match the start of a word
in the entry's texts after a common Dutch ending (-en, -s, -e, ...) is cut off, so
"besluiten" finds "besluit" and "warmte" finds "warmtenet"; ranked by BM25 with the title
weighing ten times the other texts, then newest first.

Either way only the query's words reach the database (on SQLite each one quoted, so
FTS5's own syntax - quotes, `*`, `NEAR`, `-`, `AND` - is plain text), any text gives a
page, never an error, and only the one project's entries are searched.
"""

import re
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.utils.translation import pgettext_lazy

from wijkkoers.logbook.models import Entry, EntryKind

MAX_QUERY = 200
MAX_RESULTS = 50
WORD = re.compile(r"\w+", re.UNICODE)
FTS_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # what FTS5's unicode61 keeps as a word
MAX_WORDS = 10
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0
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
        entries = _sqlite(base, project, query)
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


def match_expression(query: str) -> str:
    """The FTS5 query for the user's text: each word's stem as a quoted prefix, all
    required. Quoting makes every operator a user types plain text."""
    stems = dict.fromkeys(stem(word) for word in FTS_WORD.findall(query))
    return " AND ".join(f'"{part}"*' for part in list(stems)[:MAX_WORDS])


def _sqlite(base, project, query: str) -> list:
    """One query: the entries joined to their index rows (logbook/fts.py), best first."""
    expression = match_expression(query)
    if not expression:
        return []
    # A join to the FTS5 table (the ORM has no other way to it); the user text is a parameter.
    ranked = base.extra(  # noqa: S610
        tables=["logbook_entry_fts"],
        where=[
            "logbook_entry_fts.rowid = logbook_entry.id",
            "logbook_entry_fts MATCH %s",
            "logbook_entry_fts.project_id = %s",
        ],
        params=[expression, project.pk],
        select={"fts_rank": f"bm25(logbook_entry_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"},
        order_by=["fts_rank", "-occurred_on", "-id"],
    )
    try:
        return list(ranked[:MAX_RESULTS])
    except DatabaseError:  # quoted words cannot break it; should FTS5 still refuse: nothing
        return []


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
