"""The logbook's entry pages through the client: forms call the services, errors show at
their field with the input kept, a conflict shows the other version."""

from datetime import date

import pytest
from django.urls import reverse

from tests.html import inline_code
from wijkkoers.logbook.models import DecisionRevision, Entry
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_decision,
    revise_decision,
)
from wijkkoers.projects.services import add_party

pytestmark = pytest.mark.django_db
STEP = "helderheid-over-ambities"
DAY = date(2026, 3, 1)


def url(name, project, *args):
    return reverse(f"logbook:{name}", args=[project.public_id, *args])


@pytest.fixture
def filled(alice, project, method):
    """One entry of every kind this part makes, linked to STEP."""
    party = add_party(alice, project, name="Gemeente", party_type="gemeente")
    owner = project.memberships.get(user=alice)
    meeting = create_meeting(
        alice,
        project,
        MeetingData(
            title="Startbijeenkomst",
            held_on=DAY,
            kind="startbijeenkomst",
            agenda="1. Welkom",
            minutes="Het ging **goed**.",
            attendee_parties=[party],
            step_keys=[STEP],
        ),
    )
    decision = record_decision(
        alice,
        project,
        DecisionData(
            title="Warmtenet verkennen",
            decided_on=DAY,
            text="We *verkennen* het.",
            parties_agreed=[party],
            step_keys=[STEP],
        ),
        meeting=meeting,
    )
    agreement = record_agreement(
        alice,
        project,
        AgreementData(
            title="Bewonersavond plannen",
            made_on=DAY,
            due_on=DAY,
            owner_member=owner,
            step_keys=[STEP],
        ),
    )
    action = create_action(
        alice, project, ActionData(title="Zaal huren", owner=owner, step_keys=[STEP])
    )
    return {
        "meeting": meeting,
        "decision": decision,
        "agreement": agreement,
        "action": action,
        "party": party,
    }


def test_every_page_renders_for_a_member(client, mila, project, filled):
    client.force_login(mila)
    pages = [
        url("index", project),
        url("decisions", project),
        url("agreements", project),
        url("agreements", project) + "?toon=te-laat",
        url("actions", project) + "?toon=open",
        url("meetings", project),
        url("besluit", project, filled["decision"].public_id),
        url("afspraak", project, filled["agreement"].public_id),
        url("actie", project, filled["action"].public_id),
        url("bijeenkomst", project, filled["meeting"].public_id),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert not inline_code(html), page
    html = client.get(url("index", project)).content.decode()
    assert "Bewonersavond plannen" in html
    assert "over tijd" in html
    assert "Besluit toevoegen" not in html  # a meelezer gets no add links


def test_forms_render_for_a_teamlid(client, bob, project, filled):
    client.force_login(bob)
    for page in [
        url("decision_create", project) + f"?stap={STEP}",
        url("agreement_create", project),
        url("action_create", project),
        url("meeting_create", project),
        url("decision_revise", project, filled["decision"].public_id),
        url("decision_withdraw", project, filled["decision"].public_id),
        url("agreement_revise", project, filled["agreement"].public_id),
        url("agreement_withdraw", project, filled["agreement"].public_id),
        url("action_edit", project, filled["action"].public_id),
        url("meeting_edit", project, filled["meeting"].public_id),
        url("meeting_record", project, filled["meeting"].public_id),
    ]:
        response = client.get(page)
        assert response.status_code == 200, page
    html = client.get(url("decision_create", project) + f"?stap={STEP}").content.decode()
    assert f'value="{STEP}" id="id_steps_' in html
    assert "checked" in html.split(f'value="{STEP}"')[1].split(">")[0]


def test_create_decision_through_the_form(client, bob, project, filled):
    client.force_login(bob)
    response = client.post(
        url("decision_create", project),
        {
            "title": "Participatieplan vaststellen",
            "status": "genomen",
            "decided_on": "2026-03-10",
            "decided_by": "Stuurgroep",
            "parties_agreed": [filled["party"].public_id],
            "replaces": [filled["decision"].public_id],
            "steps": [STEP],
        },
    )
    entry = Entry.objects.get(title="Participatieplan vaststellen")
    assert response.status_code == 302
    assert response["Location"] == url("besluit", project, entry.public_id)
    filled["decision"].refresh_from_db()
    assert filled["decision"].status == "vervangen"


def test_rule_error_shows_at_its_field_and_keeps_input(client, bob, project, filled):
    client.force_login(bob)
    response = client.post(
        url("agreement_create", project),
        {
            "title": "Mijn eigen tekst",
            "owner": f"partij:{filled['party'].public_id}",
            "made_on": "2026-03-10",
            "due_on": "2026-03-01",
            "status": "open",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet vóór" in html or "kan niet" in html
    assert 'value="Mijn eigen tekst"' in html
    assert not Entry.objects.filter(title="Mijn eigen tekst").exists()


def test_revise_conflict_shows_the_other_version_and_keeps_input(
    client, alice, bob, project, filled
):
    entry = filled["decision"]
    revise_decision(
        alice, entry, DecisionData(title="Versie van Alice", decided_on=DAY), based_on=1, reason="a"
    )
    client.force_login(bob)
    response = client.post(
        url("decision_revise", project, entry.public_id),
        {
            "title": "Versie van Bob",
            "status": "genomen",
            "decided_on": "2026-03-01",
            "based_on": 1,
            "change_reason": "Bob past aan",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Versie van Alice" in html
    assert 'value="Versie van Bob"' in html
    assert 'name="based_on" value="2"' in html
    assert DecisionRevision.objects.filter(decision__entry=entry).count() == 2
    response = client.post(
        url("decision_revise", project, entry.public_id),
        {
            "title": "Versie van Bob",
            "status": "genomen",
            "decided_on": "2026-03-01",
            "based_on": 2,
            "change_reason": "Bob past aan",
        },
    )
    assert response.status_code == 302
    assert DecisionRevision.objects.filter(decision__entry=entry).count() == 3


def test_withdraw_needs_a_reason(client, bob, project, filled):
    client.force_login(bob)
    entry = filled["agreement"]
    response = client.post(
        url("agreement_withdraw", project, entry.public_id), {"based_on": 1, "reason": ""}
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.withdrawn_at is None
    response = client.post(
        url("agreement_withdraw", project, entry.public_id),
        {"based_on": 1, "reason": "Gaat niet door"},
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.withdrawal_reason == "Gaat niet door"
    html = client.get(url("afspraak", project, entry.public_id)).content.decode()
    assert "Gaat niet door" in html


def test_mark_action_done(client, bob, project, filled):
    client.force_login(bob)
    entry = filled["action"]
    client.post(url("action_done", project, entry.public_id), {"done": "1"})
    entry.refresh_from_db()
    assert entry.status == "gedaan"
    client.post(url("action_done", project, entry.public_id), {"done": "0"})
    entry.refresh_from_db()
    assert entry.status == "open"


def test_record_at_meeting_in_one_go_through_the_form(client, bob, project, filled):
    client.force_login(bob)
    meeting = filled["meeting"]
    owner = project.memberships.get(user=bob)
    data = {
        "besluit-0-title": "Besluit een",
        "besluit-0-status": "genomen",
        "besluit-1-title": "Besluit twee",
        "besluit-1-status": "voorgesteld",
        "besluit-2-status": "genomen",
        "afspraak-0-title": "Afspraak een",
        "afspraak-0-owner": f"lid:{owner.public_id}",
        "afspraak-0-due_on": "2026-04-01",
        "actie-0-title": "Actie een",
    }
    response = client.post(url("meeting_record", project, meeting.public_id), data)
    assert response.status_code == 302
    recorded = Entry.objects.filter(meeting=meeting.meeting_detail).exclude(
        pk=filled["decision"].pk
    )
    assert sorted(recorded.values_list("title", flat=True)) == [
        "Actie een",
        "Afspraak een",
        "Besluit een",
        "Besluit twee",
    ]
    assert all(STEP in e.steps.values_list("step_key", flat=True) for e in recorded)


def test_record_at_meeting_all_or_nothing_through_the_form(client, bob, project, filled):
    client.force_login(bob)
    meeting = filled["meeting"]
    before = Entry.objects.count()
    data = {
        "besluit-0-title": "Besluit een",
        "besluit-0-status": "genomen",
        "afspraak-0-title": "Afspraak zonder eigenaar",
        "afspraak-0-due_on": "2026-04-01",
    }
    for index in range(3):
        data.setdefault(f"besluit-{index}-status", "genomen")
    response = client.post(url("meeting_record", project, meeting.public_id), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Entry.objects.count() == before
    assert 'value="Besluit een"' in html
    assert "eigenaar" in html.lower()
