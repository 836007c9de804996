"""Search within a project's logbook: on SQLite (the fallback) and PostgreSQL (full text)."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import UserFactory
from tests.logbook.documents_support import PDF, upload
from wijkkoers.logbook.models import (
    Agreement,
    AgreementRevision,
    Decision,
    DecisionRevision,
    Entry,
    EntryKind,
    Meeting,
    MeetingKind,
)
from wijkkoers.logbook.search import clean_query, search_entries, stem
from wijkkoers.logbook.services.documents import add_link, upload_document
from wijkkoers.projects.services import create_project


def decision(project, title, text="", on=date(2026, 1, 10)):
    entry = Entry.objects.create(
        project=project, kind=EntryKind.DECISION, title=title, occurred_on=on
    )
    detail = Decision.objects.create(entry=entry)
    detail.current = DecisionRevision.objects.create(
        decision=detail, number=1, title=title, text=text, decided_on=on
    )
    detail.save()
    return entry


def agreement(project, title, text=""):
    entry = Entry.objects.create(
        project=project, kind=EntryKind.AGREEMENT, title=title, occurred_on=date(2026, 1, 11)
    )
    detail = Agreement.objects.create(entry=entry)
    detail.current = AgreementRevision.objects.create(
        agreement=detail, number=1, title=title, text=text, made_on=date(2026, 1, 11)
    )
    detail.save()
    return entry


def meeting(project, title, agenda="", minutes=""):
    entry = Entry.objects.create(
        project=project, kind=EntryKind.MEETING, title=title, occurred_on=date(2026, 1, 12)
    )
    Meeting.objects.create(entry=entry, kind=MeetingKind.KICK_OFF, agenda=agenda, minutes=minutes)
    return entry


@pytest.fixture
def logbook(alice, bob, project, method):
    """A small logbook in `project`, and one look-alike entry in another project."""
    found = {
        "besluit": decision(
            project, "Besluit over de warmtevisie", "De stuurgroep kiest voor een warmtenet."
        ),
        "afspraak": agreement(project, "Bewonersbrief opstellen", "Voor de zomer rondsturen."),
        "bijeenkomst": meeting(
            project, "Startbijeenkomst", agenda="Kennismaking", minutes="Iedereen was enthousiast."
        ),
        "document": upload_document(
            bob, project, upload=upload("notulen.pdf", PDF), title="Notulen kernteam"
        ).entry,
        "link": add_link(
            bob, project, title="Wijkuitvoeringsplan gemeente", url="https://example.org/wup"
        ).entry,
    }
    other = create_project(alice, name="Ander project", municipality="Elders")
    decision(other, "Besluit over de warmtevisie elders", "Geheim warmtenet.")
    return found


def titles(project, query):
    return [entry.title for entry in search_entries(project, query).entries]


def test_each_kind_is_found_by_its_own_texts(project, logbook):
    assert titles(project, "warmtenet") == ["Besluit over de warmtevisie"]  # decision text
    assert titles(project, "zomer") == ["Bewonersbrief opstellen"]  # agreement text
    assert titles(project, "enthousiast") == ["Startbijeenkomst"]  # minutes
    assert titles(project, "kennismaking") == ["Startbijeenkomst"]  # agenda
    assert titles(project, "kernteam") == ["Notulen kernteam"]  # document title
    assert titles(project, "wijkuitvoeringsplan") == ["Wijkuitvoeringsplan gemeente"]  # link


def test_dutch_stemming_besluiten_finds_besluit(project, logbook):
    assert "Besluit over de warmtevisie" in titles(project, "besluiten")


def test_only_this_projects_entries_are_found(project, logbook):
    assert all("elders" not in title for title in titles(project, "warmtevisie"))
    assert "Geheim" not in str(titles(project, "geheim"))


def test_every_word_must_match(project, logbook):
    assert titles(project, "warmtevisie bewonersbrief") == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "\x00",
        "a\x00b",
        "'",
        '"',
        "!!!",
        "de het een",  # Dutch stop words only
        "warmte & | ! ( ) :*",
        '"unbalanced',
        "-warmtenet",
        "warmtenet OR startbijeenkomst",
        "%_%",
        "x" * 5000,
        "😀",
        "ü" * 50,
    ],
)
def test_any_text_gives_a_page(client, bob, project, logbook, query):
    client.force_login(bob)

    response = client.get(reverse("logbook:search", args=[project.public_id]), {"q": query})

    assert response.status_code == 200


def test_the_page_lists_results_with_their_kind(client, bob, project, logbook):
    client.force_login(bob)

    page = client.get(
        reverse("logbook:search", args=[project.public_id]), {"q": "warmtevisie"}
    ).content.decode()

    assert "Besluit over de warmtevisie" in page
    assert "Besluit ·" in page  # the kind, in Dutch
    assert "elders" not in page


def test_document_and_link_results_link_to_their_pages(client, bob, project, logbook):
    client.force_login(bob)

    page = client.get(
        reverse("logbook:search", args=[project.public_id]), {"q": "kernteam"}
    ).content.decode()

    assert (
        reverse("logbook:document", args=[project.public_id, logbook["document"].public_id]) in page
    )


def test_search_is_for_members_only(client, project, logbook):
    path = reverse("logbook:search", args=[project.public_id])
    assert client.get(path, {"q": "warmte"}).status_code == 302
    client.force_login(UserFactory(name="Vreemde"))
    assert client.get(path, {"q": "warmte"}).status_code == 404


def test_the_query_is_cleaned():
    assert clean_query("  warmte\x00net\r\n plan ") == "warmte net plan"
    assert len(clean_query("x" * 5000)) == 200


def test_the_fallback_stem():
    assert stem("besluiten") == "besluit"
    assert stem("woningen") == "woning"
    assert stem("plannen") == "plann"  # crude: still finds "plannen", not "plan"
    assert stem("wijk") == "wijk"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full text only")
def test_postgres_ranks_title_hits_first(project, logbook):
    decision(project, "Verslag", "Het woord warmtevisie staat alleen in de tekst.")

    found = titles(project, "warmtevisie")

    assert found[0] == "Besluit over de warmtevisie"
    assert "Verslag" in found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full text only")
def test_postgres_websearch_syntax(project, logbook):
    assert titles(project, '"warmtevisie" -stuurgroep') == []
    assert set(titles(project, "zomer or enthousiast")) == {
        "Bewonersbrief opstellen",
        "Startbijeenkomst",
    }
