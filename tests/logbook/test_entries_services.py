"""Every rule of the logbook's entry services, called on the service itself."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook import errors
from wijkkoers.logbook.models import (
    AgreementRevision,
    DecisionRevision,
    Entry,
    EntryStep,
    MeetingKind,
)
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_at_meeting,
    record_decision,
    revise_agreement,
    revise_decision,
    set_action_done,
    update_action,
    update_meeting,
    withdraw_agreement,
    withdraw_decision,
)
from wijkkoers.projects.models import Project
from wijkkoers.projects.services import add_party, close_project, create_project

pytestmark = pytest.mark.django_db
STEP = "helderheid-over-ambities"
DAY = date(2026, 3, 1)


@pytest.fixture
def parties(alice, project):
    return [
        add_party(alice, project, name="Gemeente", party_type="gemeente"),
        add_party(alice, project, name="Corporatie", party_type="woningcorporatie"),
    ]


def decision(alice, project, title="Besluit", on=DAY, **extra):
    return record_decision(alice, project, DecisionData(title=title, decided_on=on, **extra))


def current(entry):
    entry.refresh_from_db()
    return entry.decision.current if entry.kind == "besluit" else entry.agreement.current


# --- Decisions ----------------------------------------------------------------------------


def test_record_decision_writes_revision_one_steps_and_audit(alice, project, parties, method):
    entry = decision(
        alice,
        project,
        text="Wij **kiezen** voor een warmtenet.",
        parties_agreed=[parties[0]],
        parties_objected=[parties[1]],
        step_keys=[STEP],
    )

    revision = current(entry)
    assert revision.number == 1
    assert revision.status == "genomen"
    assert "<strong>kiezen</strong>" in revision.text_html
    assert entry.status == "genomen"
    assert entry.occurred_on == DAY
    assert list(EntryStep.objects.filter(entry=entry).values_list("step_key", flat=True)) == [STEP]
    assert set(entry.parties.all()) == set(parties)
    event = AuditEvent.objects.get(action="decision.recorded")
    assert event.new["parties_agreed"] == ["Gemeente"]
    assert event.actor == alice


def test_revise_keeps_every_version(alice, bob, project, method):
    entry = decision(alice, project, title="Eerste")
    revise_decision(
        bob, entry, DecisionData(title="Tweede", decided_on=DAY), based_on=1, reason="r"
    )
    revise_decision(
        alice, entry, DecisionData(title="Derde", decided_on=DAY), based_on=2, reason="s"
    )

    revisions = list(DecisionRevision.objects.filter(decision__entry=entry).order_by("number"))
    assert [(r.number, r.title, r.change_reason) for r in revisions] == [
        (1, "Eerste", ""),
        (2, "Tweede", "r"),
        (3, "Derde", "s"),
    ]
    assert current(entry).title == "Derde"
    assert entry.title == "Derde"
    event = AuditEvent.objects.filter(action="decision.revised").order_by("id").first()
    assert event.old == {"title": "Eerste"}
    assert event.new["title"] == "Tweede"


def test_revise_based_on_an_old_version_is_a_conflict_and_writes_nothing(
    alice, bob, project, method
):
    entry = decision(alice, project)
    revise_decision(bob, entry, DecisionData(title="Bob", decided_on=DAY), based_on=1, reason="r")

    with pytest.raises(errors.RevisionConflict) as raised:
        revise_decision(
            alice, entry, DecisionData(title="Alice", decided_on=DAY), based_on=1, reason="x"
        )

    assert raised.value.current.title == "Bob"
    assert DecisionRevision.objects.filter(decision__entry=entry).count() == 2


def test_revise_needs_a_reason(alice, project, method):
    entry = decision(alice, project)
    with pytest.raises(errors.ChangeReasonRequired):
        revise_decision(
            alice, entry, DecisionData(title="X", decided_on=DAY), based_on=1, reason=" "
        )


def test_taken_decision_needs_a_date_proposed_does_not(alice, project, method):
    with pytest.raises(errors.DecisionDateRequired):
        record_decision(alice, project, DecisionData(title="X", status="genomen"))
    entry = record_decision(alice, project, DecisionData(title="X", status="voorgesteld"))
    assert entry.status == "voorgesteld"


def test_status_replaced_or_withdrawn_cannot_be_chosen(alice, project, method):
    for status in ["vervangen", "ingetrokken", "iets"]:
        with pytest.raises(errors.InvalidDecisionStatus):
            decision(alice, project, status=status)


def test_party_cannot_both_agree_and_object(alice, project, parties, method):
    with pytest.raises(errors.PartyAgreedAndObjected):
        decision(alice, project, parties_agreed=parties, parties_objected=[parties[0]])


def test_parties_must_be_of_the_project(alice, project, method):
    other = create_project(alice, name="Ander", municipality="X")
    stranger = add_party(alice, other, name="Vreemd", party_type="gemeente")
    with pytest.raises(errors.PartyNotOfProject):
        decision(alice, project, parties_agreed=[stranger])
    assert not Entry.objects.filter(project=project).exists()


def test_steps_must_be_in_the_method(alice, project, method):
    with pytest.raises(errors.StepNotInMethod):
        decision(alice, project, step_keys=["bestaat-niet"])


def test_replacing_sets_the_old_decision_to_replaced_with_a_new_revision(alice, project, method):
    old = decision(alice, project, title="Oud", on=DAY)
    new = decision(alice, project, title="Nieuw", on=DAY + timedelta(days=5), replaces=[old])

    revisions = list(DecisionRevision.objects.filter(decision__entry=old).order_by("number"))
    assert [r.status for r in revisions] == ["genomen", "vervangen"]
    assert revisions[1].change_reason == "vervangen door “Nieuw”"
    old.refresh_from_db()
    assert old.status == "vervangen"
    assert list(current(new).replaces.all()) == [old.decision]
    assert AuditEvent.objects.filter(action="decision.replaced", object_id=old.public_id).exists()


def test_proposed_decision_replaces_only_once_taken(alice, project, method):
    old = decision(alice, project, title="Oud")
    new = record_decision(
        alice, project, DecisionData(title="Voorstel", status="voorgesteld", replaces=[old])
    )
    old.refresh_from_db()
    assert old.status == "genomen"
    revise_decision(
        alice,
        new,
        DecisionData(
            title="Voorstel", status="genomen", decided_on=timezone.localdate(), replaces=[old]
        ),
        based_on=1,
        reason="aangenomen",
    )
    old.refresh_from_db()
    assert old.status == "vervangen"


def test_decision_cannot_replace_itself(alice, project, method):
    entry = decision(alice, project)
    with pytest.raises(errors.DecisionReplacesItself):
        revise_decision(
            alice,
            entry,
            DecisionData(title="X", decided_on=DAY, replaces=[entry]),
            based_on=1,
            reason="r",
        )
    with pytest.raises(errors.DecisionReplacesItself) as raised:
        revise_decision(
            alice,
            entry,
            DecisionData(title="X", decided_on=DAY, amends=[entry]),
            based_on=1,
            reason="r",
        )
    assert raised.value.field == "amends"


def test_decision_cannot_replace_a_later_decision(alice, project, method):
    later = decision(alice, project, title="Later", on=DAY + timedelta(days=10))
    with pytest.raises(errors.DecisionReplacesLater):
        decision(alice, project, title="Eerder", on=DAY, replaces=[later])
    assert DecisionRevision.objects.count() == 1


def test_decision_links_cannot_make_a_cycle(alice, project, method):
    a = decision(alice, project, title="A", on=DAY)
    b = decision(alice, project, title="B", on=DAY, amends=[a])
    c = decision(alice, project, title="C", on=DAY, amends=[b])
    with pytest.raises(errors.DecisionCycle):
        revise_decision(
            alice, a, DecisionData(title="A", decided_on=DAY, amends=[c]), based_on=1, reason="r"
        )


def test_decision_of_another_project_cannot_be_replaced(alice, project, method):
    other = create_project(alice, name="Ander", municipality="X")
    foreign = decision(alice, other)
    with pytest.raises(errors.DecisionNotOfProject):
        decision(alice, project, replaces=[foreign])


def test_withdraw_decision_needs_a_reason_and_keeps_everything(alice, project, method):
    entry = decision(alice, project)
    with pytest.raises(errors.WithdrawalReasonRequired):
        withdraw_decision(alice, entry, reason="  ", based_on=1)

    withdraw_decision(alice, entry, reason="Niet meer nodig", based_on=1)

    entry.refresh_from_db()
    assert entry.withdrawn_at
    assert entry.withdrawal_reason == "Niet meer nodig"
    assert entry.status == "ingetrokken"
    assert [r.status for r in DecisionRevision.objects.filter(decision__entry=entry)] == [
        "genomen",
        "ingetrokken",
    ]
    with pytest.raises(errors.EntryWithdrawn):
        revise_decision(
            alice, entry, DecisionData(title="X", decided_on=DAY), based_on=2, reason="r"
        )


def test_replaced_decision_cannot_be_revised(alice, project, method):
    old = decision(alice, project, title="Oud")
    decision(alice, project, title="Nieuw", replaces=[old])
    with pytest.raises(errors.DecisionClosed):
        revise_decision(alice, old, DecisionData(title="X", decided_on=DAY), based_on=2, reason="r")


# --- Agreements ---------------------------------------------------------------------------


def agreement(alice, project, **extra):
    owner = extra.pop("owner_member", None)
    if owner is None and "owner_party" not in extra:
        owner = project.memberships.get(user=alice)
    return record_agreement(
        alice, project, AgreementData(title="Afspraak", made_on=DAY, owner_member=owner, **extra)
    )


def test_record_agreement_and_revise_through_the_workflow(alice, bob, project, method):
    entry = agreement(alice, project, due_on=DAY + timedelta(days=30))
    owner = project.memberships.get(user=bob)
    for number, status in enumerate(["in_uitvoering", "afgerond"], start=1):
        revise_agreement(
            bob,
            entry,
            AgreementData(title="Afspraak", made_on=DAY, owner_member=owner, status=status),
            based_on=number,
            reason="voortgang",
        )
    revisions = AgreementRevision.objects.filter(agreement__entry=entry).order_by("number")
    assert [r.status for r in revisions] == ["open", "in_uitvoering", "afgerond"]
    entry.refresh_from_db()
    assert entry.status == "afgerond"
    event = AuditEvent.objects.filter(action="agreement.revised").order_by("id").first()
    assert event.old["owner_member"]["name"] == "Alice Projectleider"


def test_agreement_owner_is_a_member_or_a_party_of_this_project(alice, project, parties, method):
    with pytest.raises(errors.AgreementOwnerRequired):
        record_agreement(alice, project, AgreementData(title="A", made_on=DAY))
    with pytest.raises(errors.AgreementOwnerRequired):
        agreement(
            alice,
            project,
            owner_member=project.memberships.get(user=alice),
            owner_party=parties[0],
        )  # both a member and a party
    other = create_project(alice, name="Ander", municipality="X")
    with pytest.raises(errors.AgreementOwnerRequired):
        agreement(alice, project, owner_member=other.memberships.get())
    entry = record_agreement(
        alice, project, AgreementData(title="A", made_on=DAY, owner_party=parties[0])
    )
    assert current(entry).owner_party == parties[0]


def test_agreement_due_not_before_made(alice, project, method):
    with pytest.raises(errors.AgreementDueBeforeMade):
        agreement(alice, project, due_on=DAY - timedelta(days=1))
    agreement(alice, project, due_on=DAY)


def test_lapsed_or_referred_needs_a_reason_and_is_final(alice, project, method):
    entry = agreement(alice, project)
    owner = project.memberships.get(user=alice)
    data = AgreementData(title="A", made_on=DAY, owner_member=owner, status="doorverwezen")
    with pytest.raises(errors.AgreementStatusReasonRequired):
        revise_agreement(alice, entry, data, based_on=1, reason="r")
    data.status_reason = "Naar de wijkraad"
    revise_agreement(alice, entry, data, based_on=1, reason="r")
    with pytest.raises(errors.InvalidAgreementStatus):
        revise_agreement(
            alice,
            entry,
            AgreementData(title="A", made_on=DAY, owner_member=owner, status="open"),
            based_on=2,
            reason="r",
        )


def test_new_agreement_starts_open_or_in_progress(alice, project, method):
    with pytest.raises(errors.InvalidAgreementStatus):
        agreement(alice, project, status="afgerond")


def test_agreement_conflict_and_withdrawal(alice, bob, project, method):
    entry = agreement(alice, project)
    owner = project.memberships.get(user=alice)
    revise_agreement(
        bob,
        entry,
        AgreementData(title="B", made_on=DAY, owner_member=owner),
        based_on=1,
        reason="r",
    )
    with pytest.raises(errors.RevisionConflict):
        withdraw_agreement(alice, entry, reason="weg", based_on=1)
    with pytest.raises(errors.WithdrawalReasonRequired):
        withdraw_agreement(alice, entry, reason="", based_on=2)
    withdraw_agreement(alice, entry, reason="weg", based_on=2)
    entry.refresh_from_db()
    assert entry.withdrawn_at
    assert entry.status == "vervallen"
    assert AgreementRevision.objects.filter(agreement__entry=entry).count() == 3
    assert current(entry).status_reason == "weg"


# --- Actions and meetings -----------------------------------------------------------------


def test_actions_are_edited_in_place_and_audited(alice, bob, project, method):
    member = project.memberships.get(user=bob)
    entry = create_action(
        alice, project, ActionData(title="Bellen", owner=member, step_keys=[STEP])
    )
    update_action(alice, entry, ActionData(title="Mailen", owner=member, due_on=DAY))
    set_action_done(bob, entry, True)
    set_action_done(bob, entry, True)  # again: nothing happens
    entry.refresh_from_db()
    assert entry.title == "Mailen"
    assert entry.status == "gedaan"
    assert entry.action.done_by == bob
    assert not entry.steps.exists()
    set_action_done(bob, entry, False)
    actions = list(
        AuditEvent.objects.filter(object_id=entry.public_id)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["action.created", "action.updated", "action.done", "action.reopened"]


def test_action_owner_must_be_a_member_of_this_project(alice, project, method):
    other = create_project(alice, name="Ander", municipality="X")
    with pytest.raises(errors.MemberNotOfProject):
        create_action(alice, project, ActionData(title="A", owner=other.memberships.get()))


def meeting(alice, project, **extra):
    return create_meeting(
        alice,
        project,
        MeetingData(title="Startbijeenkomst", held_on=DAY, kind=MeetingKind.KICK_OFF, **extra),
    )


def test_meeting_created_and_edited(alice, bob, project, parties, method):
    entry = meeting(
        alice,
        project,
        attendee_members=list(project.memberships.filter(user__in=[alice, bob])),
        attendee_parties=[parties[0]],
        other_attendees=12,
        agenda="1. Welkom",
    )
    assert entry.meeting_detail.other_attendees == 12
    assert "<ol>" in entry.meeting_detail.agenda_html
    update_meeting(
        alice,
        entry,
        MeetingData(
            title="Startbijeenkomst", held_on=DAY, kind="startbijeenkomst", minutes="Goed."
        ),
    )
    event = AuditEvent.objects.get(action="meeting.updated")
    assert event.new["minutes"] == "Goed."
    assert event.old["other_attendees"] == 12


def test_meeting_attendees_of_this_project_only(alice, project, method):
    other = create_project(alice, name="Ander", municipality="X")
    with pytest.raises(errors.AttendeeNotOfProject):
        meeting(alice, project, attendee_members=[other.memberships.get()])
    with pytest.raises(errors.InvalidMeetingKind):
        create_meeting(alice, project, MeetingData(title="X", held_on=DAY, kind="feest"))


def test_record_at_meeting_in_one_go(alice, project, method):
    entry = meeting(alice, project)
    owner = project.memberships.get(user=alice)
    made = record_at_meeting(
        alice,
        entry,
        decisions=[DecisionData(title="B1"), DecisionData(title="B2")],
        agreements=[AgreementData(title="A1", made_on=None, owner_member=owner)],
        actions=[ActionData(title="Act")],
    )
    assert len(made.decisions) == 2
    assert len(made.agreements) == 1
    assert len(made.actions) == 1
    recorded = Entry.objects.filter(meeting=entry.meeting_detail)
    assert recorded.count() == 4
    assert {e.occurred_on for e in recorded if e.kind in {"besluit", "afspraak"}} == {DAY}


def test_record_at_meeting_is_all_or_nothing(alice, project, method):
    entry = meeting(alice, project)
    with pytest.raises(errors.AgreementOwnerRequired) as raised:
        record_at_meeting(
            alice,
            entry,
            decisions=[DecisionData(title="B1")],
            agreements=[AgreementData(title="A1", made_on=None)],
        )
    assert (raised.value.part, raised.value.index) == ("agreements", 0)
    assert Entry.objects.filter(project=project).count() == 1
    assert not AuditEvent.objects.filter(action="decision.recorded").exists()


def test_closed_project_refuses_every_write(alice, project, method):
    entry = decision(alice, project)
    act = create_action(alice, project, ActionData(title="A"))
    close_project(alice, project)
    project = Project.objects.get(pk=project.pk)
    from wijkkoers.projects.errors import ProjectClosed

    for write in [
        lambda: decision(alice, project),
        lambda: revise_decision(
            alice, entry, DecisionData(title="X", decided_on=DAY), based_on=1, reason="r"
        ),
        lambda: withdraw_decision(alice, entry, reason="r", based_on=1),
        lambda: set_action_done(alice, act, True),
        lambda: meeting(alice, project),
    ]:
        with pytest.raises(ProjectClosed):
            write()
    assert DecisionRevision.objects.count() == 1
