"""The register's services: rules, history of assessments, optimistic concurrency, audit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.tools.register_support import party, stakeholder
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import PartyIsStakeholder, ProjectClosed
from wijkkoers.projects.models import Party
from wijkkoers.projects.services import close_project, create_project, remove_party
from wijkkoers.stakeholders.errors_register import (
    AlreadyStakeholder,
    AssessmentInFuture,
    ContactPurposeRequired,
    PartyNotOfProject,
    RegisterNotAllowed,
    ScoreOutOfRange,
    StakeholderConflict,
)
from wijkkoers.stakeholders.models import Assessment, Position, Stakeholder
from wijkkoers.stakeholders.services.register import (
    OrganisationData,
    StakeholderData,
    record_assessment,
    record_new_organisation,
    record_stakeholder,
    remove_stakeholder,
    update_stakeholder,
)

pytestmark = pytest.mark.django_db


def events(project, action):
    return list(AuditEvent.objects.filter(project=project, action=action))


def test_record_stakeholder_keeps_values_priorities_and_audits(alice, project):
    made = stakeholder(
        alice,
        project,
        interests="Lage woonlasten",
        position=Position.SUPPORTIVE,
        priorities=[" Woonlasten ", "Planning"],
        contact_name="Fatima Kaya",
        contact_purpose="Vast aanspreekpunt voor de kernteamoverleggen",
    )

    assert [p.text for p in made.priorities.all()] == ["Woonlasten", "Planning"]
    assert [p.rank for p in made.priorities.all()] == [1, 2]
    (event,) = events(project, "stakeholder.added")
    assert event.new["priorities"] == ["Woonlasten", "Planning"]
    assert event.new["party"]["name"] == "Buurtvereniging De Linde"


def test_record_stakeholder_contact_name_without_purpose_refused(alice, project):
    with pytest.raises(ContactPurposeRequired) as error:
        stakeholder(alice, project, contact_name="Fatima Kaya")

    assert error.value.field == "contact_purpose"
    assert not Stakeholder.objects.exists()


def test_record_stakeholder_party_of_other_project_refused(alice, project):
    other = create_project(alice, name="Andere wijk", municipality="Teststad")
    foreign = party(alice, other, "Corporatie Elders")

    with pytest.raises(PartyNotOfProject):
        record_stakeholder(alice, project, party=foreign, data=StakeholderData())


def test_record_stakeholder_twice_refused(alice, project):
    made = stakeholder(alice, project)

    with pytest.raises(AlreadyStakeholder):
        record_stakeholder(alice, project, party=made.party, data=StakeholderData())


def test_record_stakeholder_by_reader_refused(alice, mila, project):
    found = party(alice, project, "Huurdersvereniging")

    with pytest.raises(RegisterNotAllowed):
        record_stakeholder(mila, project, party=found, data=StakeholderData())
    assert not Stakeholder.objects.exists()


def test_record_stakeholder_on_closed_project_refused(alice, project):
    found = party(alice, project, "Huurdersvereniging")
    close_project(alice, project)

    with pytest.raises(ProjectClosed):
        record_stakeholder(alice, project, party=found, data=StakeholderData())


def test_record_new_organisation_makes_party_and_stakeholder(bob, project):
    made = record_new_organisation(
        bob,
        project,
        organisation=OrganisationData(
            name="Buurthuis", party_type=Party.OTHER, other_type="buurthuis"
        ),
        data=StakeholderData(interests="Een plek voor bijeenkomsten"),
    )

    assert made.party.project == project
    assert made.party.name == "Buurthuis"
    assert len(events(project, "party.added")) == 1
    assert len(events(project, "stakeholder.added")) == 1


def test_record_new_organisation_refused_leaves_no_party(bob, project):
    with pytest.raises(ContactPurposeRequired):
        record_new_organisation(
            bob,
            project,
            organisation=OrganisationData(name="Buurthuis", party_type=Party.OTHER, other_type="x"),
            data=StakeholderData(contact_name="Iemand"),
        )

    assert not project.parties.exists()


def test_update_stakeholder_reorders_priorities_and_bumps_version(alice, project):
    made = stakeholder(alice, project, priorities=["A", "B", "C"])

    updated = update_stakeholder(
        alice, made, StakeholderData(priorities=["C", "A"]), expected_version=0
    )

    assert updated.version == 1
    assert [(p.rank, p.text) for p in updated.priorities.all()] == [(1, "C"), (2, "A")]
    (event,) = events(project, "stakeholder.updated")
    assert event.old == {"priorities": ["A", "B", "C"]}
    assert event.new == {"priorities": ["C", "A"]}


def test_update_stakeholder_position_change_has_its_own_action(alice, project):
    made = stakeholder(alice, project)

    update_stakeholder(
        alice, made, StakeholderData(position=Position.RESISTING), expected_version=0
    )

    (event,) = events(project, "stakeholder.position_changed")
    assert event.old == {"position": "neutraal"}
    assert event.new == {"position": "tegenwerkend"}


def test_update_stakeholder_stale_version_refused_and_nothing_written(alice, bob, project):
    made = stakeholder(alice, project, interests="Eerste")
    update_stakeholder(bob, made, StakeholderData(interests="Van Bob"), expected_version=0)

    with pytest.raises(StakeholderConflict) as error:
        update_stakeholder(alice, made, StakeholderData(interests="Van Alice"), expected_version=0)

    assert error.value.current.interests == "Van Bob"
    made.refresh_from_db()
    assert made.interests == "Van Bob"
    assert made.version == 1


def test_record_assessment_keeps_every_assessment(alice, bob, project):
    made = stakeholder(alice, project)
    today = timezone.localdate()

    record_assessment(alice, made, power=2, interest=3, assessed_on=today - timedelta(days=60))
    record_assessment(bob, made, power=4, interest=5, note="Na de bewonersavond")

    history = list(made.assessments.values_list("power", "interest", "assessed_on"))
    assert history == [(4, 5, today), (2, 3, today - timedelta(days=60))]
    assert len(events(project, "stakeholder.assessed")) == 2


@pytest.mark.parametrize(
    ("power", "interest", "field"), [(0, 3, "power"), (6, 3, "power"), (3, 7, "interest")]
)
def test_record_assessment_score_out_of_range_refused(alice, project, power, interest, field):
    made = stakeholder(alice, project)

    with pytest.raises(ScoreOutOfRange) as error:
        record_assessment(alice, made, power=power, interest=interest)

    assert error.value.field == field
    assert not Assessment.objects.exists()


def test_record_assessment_in_future_refused(alice, project):
    made = stakeholder(alice, project)

    with pytest.raises(AssessmentInFuture):
        record_assessment(
            alice, made, power=3, interest=3, assessed_on=timezone.localdate() + timedelta(days=1)
        )


def test_record_assessment_by_reader_refused(alice, mila, project):
    made = stakeholder(alice, project)

    with pytest.raises(RegisterNotAllowed):
        record_assessment(mila, made, power=3, interest=3)
    assert not Assessment.objects.exists()


def test_remove_stakeholder_keeps_party_and_audits_last_values(alice, project):
    made = stakeholder(alice, project, interests="Lage woonlasten")
    record_assessment(alice, made, power=4, interest=2)

    remove_stakeholder(alice, made)

    assert not Stakeholder.objects.exists()
    assert project.parties.filter(pk=made.party_id).exists()
    (event,) = events(project, "stakeholder.removed")
    assert event.old["interests"] == "Lage woonlasten"
    assert (event.old["power"], event.old["interest"]) == (4, 2)


def test_remove_party_refused_while_stakeholder(alice, project):
    made = stakeholder(alice, project)

    with pytest.raises(PartyIsStakeholder):
        remove_party(alice, made.party)

    assert Party.objects.filter(pk=made.party_id).exists()
    assert not events(project, "party.removed")


def test_remove_party_allowed_after_stakeholder_removed(alice, project):
    made = stakeholder(alice, project)
    remove_stakeholder(alice, made)

    remove_party(alice, made.party)

    assert not Party.objects.filter(pk=made.party_id).exists()


def test_record_stakeholder_by_outsider_refused(project):
    outsider = UserFactory()
    found = Party.objects.create(project=project, name="X", party_type=Party.OTHER, other_type="x")

    with pytest.raises(RegisterNotAllowed):
        record_stakeholder(outsider, project, party=found, data=StakeholderData())
