"""The logbook search's full text on SQLite (FTS5) and odd input on both databases."""

from datetime import date

import pytest
from django.db import connection

from tests.logbook import test_documents_search as base
from tests.logbook.test_documents_search import decision, meeting, titles
from wijkkoers.logbook.search import match_expression, search_entries
from wijkkoers.logbook.services.entries import DecisionData, record_decision, revise_decision

pytestmark = pytest.mark.django_db
logbook = base.logbook  # the same small logbook (fixture)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 only")


@pytest.mark.parametrize(
    "query",
    [
        '"warmtenet',
        'warmte"net"',
        "warmte*",
        "*",
        "NEAR(warmte net)",
        "warmte NEAR net",
        "-warmtenet",
        "warmte - net",
        "AND OR NOT",
        "title:warmte",
        "{title body}: warmte",
        "^warmte",
        "warmte + net",
        "_",
        "a_b",
        "€ ½ ² ẞ ﬁ",
        "categorieën Ærø",
        "日本語 العربية",
        "\u0301\u0301",
        "\U0001f3e0 huis",
    ],
)
def test_odd_input_gives_results_or_none(project, logbook, query):
    result = search_entries(project, query)

    assert isinstance(result.entries, list)


def test_operators_are_plain_words(project, logbook):
    assert titles(project, "warmtenet*") == ["Besluit over de warmtevisie"]
    assert titles(project, '"warmtenet"') == ["Besluit over de warmtevisie"]


def test_the_match_expression_quotes_every_word():
    assert match_expression('warmte" OR net*') == '"warmt"* AND "or"* AND "net"*'
    assert match_expression("NEAR(a b)") == '"near"* AND "a"* AND "b"*'
    assert match_expression("!!! _ *") == ""


@sqlite_only
def test_a_word_finds_the_compounds_it_begins(project, logbook):
    assert titles(project, "warmte") == ["Besluit over de warmtevisie"]
    assert titles(project, "bewoner") == ["Bewonersbrief opstellen"]


@sqlite_only
def test_accents_do_not_matter(project, logbook):
    meeting(project, "Overleg over categorieën", agenda="Financiële zaken")

    assert titles(project, "categorieen") == ["Overleg over categorieën"]
    assert titles(project, "financiele") == ["Overleg over categorieën"]


@sqlite_only
def test_sqlite_ranks_title_hits_first(project, logbook):
    decision(project, "Verslag", "Het woord warmtevisie staat alleen in de tekst.")

    found = titles(project, "warmtevisie")

    assert found == ["Besluit over de warmtevisie", "Verslag"]


def test_a_revision_is_found_and_the_old_text_no_longer(project, alice, method):
    entry = record_decision(
        alice,
        project,
        DecisionData(
            title="Keuze warmtebron", text="Eerst een bodemwarmtepomp.", decided_on=date(2026, 1, 5)
        ),
    )
    assert titles(project, "bodemwarmtepomp") == ["Keuze warmtebron"]

    revise_decision(
        alice,
        entry,
        DecisionData(
            title="Keuze warmtebron herzien",
            text="Toch een luchtwarmtepomp.",
            decided_on=date(2026, 1, 5),
        ),
        based_on=1,
        reason="Nieuwe berekening",
    )

    assert titles(project, "bodemwarmtepomp") == []
    assert titles(project, "luchtwarmtepomp") == ["Keuze warmtebron herzien"]


@sqlite_only
def test_a_deleted_entry_leaves_the_index(project, logbook):
    logbook["bijeenkomst"].delete()

    assert titles(project, "enthousiast") == []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM logbook_entry_fts WHERE rowid = %s", [logbook["bijeenkomst"].pk]
        )
        assert cursor.fetchone()[0] == 0


def test_the_index_exists_on_sqlite_only(db):
    tables = connection.introspection.table_names(include_views=True)

    assert ("logbook_entry_fts" in tables) == (connection.vendor == "sqlite")
