"""The briefing and the report "as it stood on date X" show only what was in force then."""

from datetime import date

import pytest
from django.urls import reverse

from tests.logbook.report_rows import (
    agreement,
    decision,
    document,
    meeting,
    progress,
    revise_agreement,
    revise_decision,
    withdraw,
)
from wijkkoers.logbook.report_queries import (
    agreements_as_of,
    decisions_in_force,
    progress_as_of,
    snapshot,
)
from wijkkoers.projects.services import add_party

pytestmark = pytest.mark.django_db

STEP = "helderheid-over-ambities"
MARCH, APRIL, MAY, JUNE = date(2025, 3, 10), date(2025, 4, 10), date(2025, 5, 10), date(2025, 6, 10)


@pytest.fixture
def history(project, alice, method):
    """A project with a past: decisions replaced and withdrawn, agreements finished later."""
    project.start_date = date(2025, 1, 1)
    project.save()
    corporation = add_party(alice, project, name="Woonstede", party_type="woningcorporatie")
    kept = decision(project, "Warmtenet als voorkeur", MARCH, user=alice, parties=[corporation])
    replaced = decision(project, "Eerst isoleren", MARCH, user=alice)
    revise_decision(replaced, MAY, status="vervangen", reason="vervangen door nieuw besluit")
    successor = decision(project, "Isoleren en warmtenet samen", MAY, user=alice)
    gone = decision(project, "Bewonersavond elke maand", MARCH, user=alice)
    revise_decision(gone, APRIL, status="ingetrokken", reason="Te vaak")
    proposed = decision(project, "Alleen een voorstel", MARCH, status="voorgesteld")
    retitled = decision(project, "Oude titel", MARCH)
    revise_decision(retitled, MAY, title="Nieuwe titel")
    late = decision(project, "Na april genomen", MAY)
    withdrawn_entry = decision(project, "Later ingetrokken", MARCH)
    withdraw(withdrawn_entry.entry, MAY)
    work = agreement(project, "Enquête uitzetten", MARCH, owner_party=corporation)
    revise_agreement(work, MAY, status="afgerond")
    lapsed = agreement(project, "Flyers drukken", MARCH)
    revise_agreement(lapsed, APRIL, status="vervallen", reason="Niet nodig")
    meeting(project, "Startbijeenkomst", MARCH, parties=[corporation])
    meeting(project, "Tweede bijeenkomst", MAY)
    document(project, "Plan van aanpak", MARCH)
    progress(alice, project, STEP, "gestart", MARCH, note="Eerste stap")
    progress(alice, project, STEP, "afgerond", MAY)
    return {
        "kept": kept,
        "replaced": replaced,
        "successor": successor,
        "gone": gone,
        "proposed": proposed,
        "retitled": retitled,
        "late": late,
        "withdrawn": withdrawn_entry,
        "work": work,
        "lapsed": lapsed,
        "party": corporation,
    }


def titles(items):
    return {item.revision.title for item in items}


def test_decisions_in_force_on_a_past_day(project, history):
    assert titles(decisions_in_force(project, APRIL)) == {
        "Warmtenet als voorkeur",
        "Eerst isoleren",
        "Oude titel",
        "Later ingetrokken",
    }


def test_decisions_in_force_later(project, history):
    assert titles(decisions_in_force(project, JUNE)) == {
        "Warmtenet als voorkeur",
        "Isoleren en warmtenet samen",
        "Nieuwe titel",
        "Na april genomen",
    }


def test_decisions_before_anything_was_recorded(project, history):
    assert decisions_in_force(project, date(2025, 2, 1)) == []


def test_decisions_of_one_party(project, history):
    assert titles(decisions_in_force(project, JUNE, history["party"])) == {"Warmtenet als voorkeur"}


def test_agreements_as_they_stood(project, history):
    in_april = {a.revision.title: a.revision.status for a in agreements_as_of(project, APRIL)}
    in_june = {a.revision.title: a.revision.status for a in agreements_as_of(project, JUNE)}

    assert in_april == {"Enquête uitzetten": "open", "Flyers drukken": "vervallen"}
    assert in_june == {"Enquête uitzetten": "afgerond", "Flyers drukken": "vervallen"}


def test_progress_replayed_from_the_trail(project, history):
    assert progress_as_of(project, date(2025, 2, 1)) == {}
    assert progress_as_of(project, APRIL)[STEP].status == "gestart"
    assert progress_as_of(project, APRIL)[STEP].note == "Eerste stap"
    assert progress_as_of(project, JUNE)[STEP].status == "afgerond"


def test_snapshot_lists_meetings_and_documents_of_then(project, history):
    snap = snapshot(project, APRIL)

    assert [m.title for m in snap.meetings] == ["Startbijeenkomst"]
    assert [d.title for d in snap.documents] == ["Plan van aanpak"]
    assert [a.revision.title for a in snap.open_agreements] == ["Enquête uitzetten"]
    assert snap.compass.overall.finished == 0
    assert snapshot(project, JUNE).compass.overall.finished == 1


def test_briefing_page_for_a_past_day(client, project, history, mila):
    client.force_login(mila)
    url = reverse("logbook:briefing", args=[project.public_id])

    html = client.get(url, {"datum": APRIL.isoformat()}).content.decode()

    assert "Eerst isoleren" in html
    assert "Oude titel" in html
    assert "Isoleren en warmtenet samen" not in html
    assert "Bewonersavond elke maand" not in html
    assert "Alleen een voorstel" not in html
    assert "Nieuwe titel" not in html


def test_briefing_for_one_party(client, project, history, bob):
    client.force_login(bob)
    url = reverse("logbook:briefing", args=[project.public_id])

    html = client.get(url, {"datum": JUNE.isoformat(), "partij": history["party"].public_id})

    assert "Warmtenet als voorkeur" in html.content.decode()
    assert "Na april genomen" not in html.content.decode()


def test_report_printable_for_a_past_day(client, project, history, bob):
    client.force_login(bob)
    url = reverse("logbook:report_print", args=[project.public_id])

    html = client.get(url, {"datum": APRIL.isoformat()}).content.decode()

    assert "Eerst isoleren" in html
    assert "Isoleren en warmtenet samen" not in html
    assert "Tweede bijeenkomst" not in html
    assert "Startbijeenkomst" in html
    assert "Eerste stap" in html


@pytest.mark.parametrize("text", ["gisteren", "2025-13-01", "0001-01-01", "9999-12-31", "\x00"])
def test_any_date_text_gives_a_page(client, project, bob, method, text):
    client.force_login(bob)
    for name in ("logbook:briefing", "logbook:report", "logbook:report_print"):
        response = client.get(reverse(name, args=[project.public_id]), {"datum": text})
        assert response.status_code == 200


def test_a_future_day_shows_today(client, project, bob, method):
    client.force_login(bob)
    url = reverse("logbook:briefing", args=[project.public_id])

    response = client.get(url, {"datum": "2200-01-01"})

    assert response.status_code == 200
    assert response.context["as_of"] != date(2200, 1, 1)
    assert response.context["problem"]


def test_report_lists_decisions_one_line_each_and_the_briefing_keeps_their_text(
    client, project, history, bob
):
    # The report is a list of decisions (day, title, version); text and rationale stay in
    # the briefing and the logbook, so a large project's report stays short and quick.
    client.force_login(bob)
    day = {"datum": JUNE.isoformat()}

    report = client.get(reverse("logbook:report_print", args=[project.public_id]), day)
    briefing = client.get(reverse("logbook:briefing", args=[project.public_id]), day)

    report_html, briefing_html = report.content.decode(), briefing.content.decode()
    assert "10 maart 2025 — Warmtenet als voorkeur</li>" in report_html
    assert "Nieuwe titel · versie 2</li>" in report_html
    assert "<p>Tekst</p>" not in report_html
    assert "<p>Tekst</p>" in briefing_html
