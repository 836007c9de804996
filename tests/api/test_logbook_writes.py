"""Logbook writes beyond creating: new versions and withdrawals of decisions and agreements,
meetings and links, through the web's services; the version check answers 409 with the
current version, and every refusal is JSON and changes nothing."""

from datetime import date

import pytest

from wijkkoers.api.tokens import create_api_token
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.models import DecisionRevision, Entry, EntryKind
from wijkkoers.logbook.services.entries import (
    AgreementData,
    DecisionData,
    record_agreement,
    record_decision,
)
from wijkkoers.projects.services import add_party, close_project


@pytest.fixture
def decision(alice, project):
    return record_decision(
        alice, project, DecisionData(title="Warmtenet als voorkeur", decided_on=date(2026, 3, 1))
    )


@pytest.fixture
def agreement(alice, project):
    owner = project.memberships.get(user=alice)
    return record_agreement(
        alice,
        project,
        AgreementData(title="Bewonersbrief sturen", made_on=date(2026, 3, 2), owner_member=owner),
    )


def _base(project):
    return f"/projects/{project.public_id}"


def _revise_decision_body(**more):
    return {
        "title": "Warmtenet als voorkeur, met all-electric waar nodig",
        "decided_on": "2026-03-01",
        "version": 1,
        "change_reason": "Uitkomst werksessie",
        **more,
    }


def test_teamlid_revises_a_decision_into_a_new_version(call, project, tokens, decision):
    response = call(
        "post",
        f"{_base(project)}/decisions/{decision.public_id}/revisions",
        token=tokens["teamlid"],
        json=_revise_decision_body(),
    )

    assert response.status_code == 201
    body = response.json()
    assert body["decision"]["version"] == 2
    assert body["title"].endswith("waar nodig")
    assert DecisionRevision.objects.filter(decision__entry=decision).count() == 2
    event = AuditEvent.objects.get(action="decision.revised")
    assert event.new["change_reason"] == "Uitkomst werksessie"


def test_stale_version_is_409_naming_the_current_one(call, project, tokens, decision):
    path = f"{_base(project)}/decisions/{decision.public_id}/revisions"
    call("post", path, token=tokens["teamlid"], json=_revise_decision_body())
    stale = call("post", path, token=tokens["leader"], json=_revise_decision_body(title="Anders"))

    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert "versie 2" in stale.json()["detail"]
    assert DecisionRevision.objects.filter(decision__entry=decision).count() == 2


def test_revision_without_reason_or_with_bad_input_is_refused(call, project, tokens, decision):
    path = f"{_base(project)}/decisions/{decision.public_id}/revisions"
    no_reason = call(
        "post", path, token=tokens["teamlid"], json=_revise_decision_body(change_reason=" ")
    )
    unknown = call("post", path, token=tokens["teamlid"], json=_revise_decision_body(extra=1))
    wrong_type = call(
        "post", path, token=tokens["teamlid"], json=_revise_decision_body(version="x")
    )

    assert no_reason.status_code == 400
    assert no_reason.json()["errors"][0]["field"] == "change_reason"
    assert unknown.status_code == 422
    assert wrong_type.status_code == 422
    assert DecisionRevision.objects.filter(decision__entry=decision).count() == 1


def test_withdraw_a_decision_with_reason(call, project, tokens, decision):
    path = f"{_base(project)}/decisions/{decision.public_id}/withdrawal"
    no_reason = call("post", path, token=tokens["teamlid"], json={"version": 1, "reason": ""})
    done = call("post", path, token=tokens["teamlid"], json={"version": 1, "reason": "Achterhaald"})
    again = call("post", path, token=tokens["teamlid"], json={"version": 2, "reason": "Nogmaals"})

    assert no_reason.status_code == 400
    assert done.status_code == 201
    body = done.json()
    assert body["withdrawn"] is True
    assert body["status"] == "ingetrokken"
    assert body["status_label"] == "ingetrokken"
    assert body["withdrawal_reason"] == "Achterhaald"
    assert again.status_code == 409


def test_revise_and_withdraw_an_agreement(call, project, tokens, agreement, alice):
    base = f"{_base(project)}/agreements/{agreement.public_id}"
    owner = project.memberships.get(user=alice).public_id
    body = {
        "title": "Bewonersbrief sturen",
        "made_on": "2026-03-02",
        "owner_member": owner,
        "status": "afgerond",
        "version": 1,
        "change_reason": "Brief is verstuurd",
    }
    revised = call("post", f"{base}/revisions", token=tokens["teamlid"], json=body)
    lapsed_without_reason = call(
        "post",
        f"{base}/revisions",
        token=tokens["teamlid"],
        json={**body, "status": "vervallen", "version": 2},
    )
    withdrawn = call(
        "post", f"{base}/withdrawal", token=tokens["teamlid"], json={"version": 2, "reason": "Weg"}
    )

    assert revised.status_code == 201
    assert (revised.json()["status"], revised.json()["agreement"]["version"]) == ("afgerond", 2)
    assert lapsed_without_reason.status_code == 400
    assert withdrawn.status_code == 201
    assert withdrawn.json()["agreement"]["version"] == 3
    assert withdrawn.json()["withdrawn"] is True


def test_meeting_with_attendees(call, project, tokens, alice):
    party = add_party(alice, project, name="Woonbron", party_type="gemeente")
    member = project.memberships.get(user=alice).public_id
    response = call(
        "post",
        f"{_base(project)}/meetings",
        token=tokens["teamlid"],
        json={
            "title": "Bewonersavond",
            "held_on": "2026-04-01",
            "kind": "bewonersavond",
            "place": "Buurthuis",
            "attendee_members": [member],
            "attendee_parties": [party.public_id],
            "other_attendees": 40,
            "minutes": "Veel vragen over **kosten**.",
        },
    )

    assert response.status_code == 201
    meeting = response.json()["meeting"]
    assert meeting["kind_label"]
    assert [m["id"] for m in meeting["attendee_members"]] == [member]
    assert [p["name"] for p in meeting["attendee_parties"]] == ["Woonbron"]
    assert "<strong>kosten</strong>" in meeting["minutes_html"]
    assert AuditEvent.objects.filter(action="meeting.created").count() == 1


def test_meeting_attendee_of_another_project_is_400(call, project, tokens, alice):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Andere wijk", municipality="Elders")
    stranger = other.memberships.get(user=alice).public_id
    response = call(
        "post",
        f"{_base(project)}/meetings",
        token=tokens["teamlid"],
        json={"title": "Kernteam", "held_on": "2026-04-01", "attendee_members": [stranger]},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "attendee_members"
    assert not Entry.objects.filter(kind=EntryKind.MEETING).exists()


def test_link_added_read_and_withdrawn(call, project, tokens):
    added = call(
        "post",
        f"{_base(project)}/links",
        token=tokens["teamlid"],
        json={"url": "https://example.org/warmteplan", "step_keys": ["helderheid-over-ambities"]},
    )
    entry_id = added.json()["id"]
    read = call("get", f"{_base(project)}/logbook/{entry_id}", token=tokens["meelezer"])
    withdrawn = call(
        "post",
        f"{_base(project)}/links/{entry_id}/withdrawal",
        token=tokens["teamlid"],
        json={"reason": "Verouderd"},
    )

    assert added.status_code == 201
    assert added.json()["title"] == "https://example.org/warmteplan"
    assert read.json()["link"] == {"url": "https://example.org/warmteplan"}
    assert withdrawn.status_code == 201
    assert withdrawn.json()["withdrawn"] is True


def test_link_with_a_script_address_is_refused(call, project, tokens):
    response = call(
        "post",
        f"{_base(project)}/links",
        token=tokens["teamlid"],
        json={"url": "javascript:alert(1)"},
    )

    assert response.status_code == 400
    assert response.json()["code"] == "link_not_allowed"
    assert not Entry.objects.exists()


def _writes(project, decision, agreement):
    base = _base(project)
    withdraw = {"version": 1, "reason": "Weg"}
    return [
        (f"{base}/decisions/{decision.public_id}/revisions", _revise_decision_body()),
        (f"{base}/decisions/{decision.public_id}/withdrawal", withdraw),
        (f"{base}/agreements/{agreement.public_id}/withdrawal", withdraw),
        (f"{base}/meetings", {"title": "Kernteam", "held_on": "2026-04-01"}),
        (f"{base}/links", {"url": "https://example.org"}),
    ]


@pytest.fixture
def staff_token(staff_user):
    return create_api_token(staff_user, name="Staf")[1]


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("staff", 404), ("meelezer", 403)])
def test_writes_refused_without_the_right(
    call, project, tokens, staff_token, decision, agreement, who, status
):
    token = staff_token if who == "staff" else tokens[who]
    before = (Entry.objects.count(), DecisionRevision.objects.count())
    for path, body in _writes(project, decision, agreement):
        response = call("post", path, token=token, json=body)
        assert response.status_code == status, path
        assert response.json()["detail"]
    assert (Entry.objects.count(), DecisionRevision.objects.count()) == before


def test_writes_refused_in_a_closed_project(call, project, tokens, decision, agreement, alice):
    close_project(alice, project, reason="Klaar")
    before = (Entry.objects.count(), DecisionRevision.objects.count())
    for path, body in _writes(project, decision, agreement):
        response = call("post", path, token=tokens["teamlid"], json=body)
        assert response.status_code == 409, path
        assert response.json()["code"] == "project_closed"
    assert (Entry.objects.count(), DecisionRevision.objects.count()) == before


def test_entry_of_another_project_is_404(call, project, tokens, alice):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Andere wijk", municipality="Elders")
    hidden = record_decision(
        alice, other, DecisionData(title="Geheim", decided_on=date(2026, 1, 1))
    )
    path = f"{_base(project)}/decisions/{hidden.public_id}/withdrawal"

    response = call("post", path, token=tokens["teamlid"], json={"version": 1, "reason": "x"})

    assert response.status_code == 404
    assert not Entry.objects.get(pk=hidden.pk).withdrawn_at
