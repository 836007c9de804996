"""A project's parties are its own: named and typed by its team, invisible to other projects."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import (
    PartyNameTaken,
    PartyNotInProject,
    PartyOtherTypeMissing,
    PartyTypeUnknown,
)
from wijkkoers.projects.models import Invitation, Membership, Party, Role
from wijkkoers.projects.services import (
    accept_invitation,
    add_member,
    add_party,
    change_member_party,
    create_project,
    invitation_token,
    invite_member,
    update_party,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_project(alice, method):
    return create_project(alice, name="Wijkaanpak Elders", municipality="Elderstad")


@pytest.fixture
def foreign_party(alice, other_project):
    return add_party(alice, other_project, name="Elders BV", party_type="marktpartijen")


# --- Services: adding and changing parties -------------------------------------------------


def test_add_party_same_name_in_two_projects_gives_two_parties(alice, project, other_project):
    mine = add_party(alice, project, name="Gemeente Utrecht", party_type="gemeente")

    theirs = add_party(alice, other_project, name="Gemeente Utrecht", party_type="provincie")

    assert mine.pk != theirs.pk
    assert list(project.parties.values_list("party_type", flat=True)) == ["gemeente"]
    assert list(other_project.parties.values_list("party_type", flat=True)) == ["provincie"]


def test_add_party_name_taken_in_project_ignoring_case_is_refused(alice, project, method):
    add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")

    with pytest.raises(PartyNameTaken):
        add_party(alice, project, name="  gemeente TESTSTAD ", party_type="provincie")

    assert project.parties.count() == 1


def test_add_party_unknown_kind_is_refused(alice, project, method):
    with pytest.raises(PartyTypeUnknown):
        add_party(alice, project, name="Het Koningshuis", party_type="koning")

    assert not project.parties.exists()


def test_add_party_other_kind_without_label_is_refused(alice, project, method):
    with pytest.raises(PartyOtherTypeMissing):
        add_party(alice, project, name="Buurthuis", party_type=Party.OTHER, other_type="  ")

    assert not project.parties.exists()


def test_add_party_other_kind_shows_the_teams_label(alice, project, method):
    party = add_party(
        alice, project, name="Buurthuis De Schakel", party_type=Party.OTHER, other_type="buurthuis"
    )

    assert party.type_label == "buurthuis"


def test_audit_of_other_kind_never_shows_the_stored_key(client, alice, project, method):
    add_party(
        alice, project, name="Buurthuis De Schakel", party_type=Party.OTHER, other_type="buurthuis"
    )
    client.force_login(alice)

    response = client.get(reverse("projects:audit", args=[project.public_id]))

    text = response.content.decode()
    assert "een ander soort partij (eigen omschrijving)" in text
    assert ">anders<" not in text
    assert "anders</" not in text


def test_add_party_is_audited(alice, project, method):
    party = add_party(alice, project, name="Netbeheer Test", party_type="netbeheerder")

    event = AuditEvent.objects.get(project=project, action="party.added")
    assert event.actor == alice
    assert event.object_id == party.public_id
    assert event.new["name"] == "Netbeheer Test"


def test_database_refuses_same_name_in_project_ignoring_case(alice, project, method):
    Party.objects.create(project=project, name="Waterschap", party_type="waterschap")

    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(project=project, name="WATERSCHAP", party_type="waterschap")


def test_update_party_renames_and_audits_old_and_new(alice, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")

    update_party(alice, party, name="Woonstichting Thuis", description="Eigenaar van 400 woningen")

    party.refresh_from_db()
    assert party.name == "Woonstichting Thuis"
    event = AuditEvent.objects.get(project=project, action="party.updated")
    assert event.old == {"name": "Woonstichting", "description": ""}
    assert event.new == {"name": "Woonstichting Thuis", "description": "Eigenaar van 400 woningen"}


def test_update_party_to_a_name_taken_in_project_is_refused(alice, project, method):
    add_party(alice, project, name="Gemeente", party_type="gemeente")
    party = add_party(alice, project, name="Provincie", party_type="provincie")

    with pytest.raises(PartyNameTaken):
        update_party(alice, party, name="gemeente")

    party.refresh_from_db()
    assert party.name == "Provincie"


def test_update_party_may_change_the_case_of_its_own_name(alice, project, method):
    party = add_party(alice, project, name="gemeente teststad", party_type="gemeente")

    update_party(alice, party, name="Gemeente Teststad")

    party.refresh_from_db()
    assert party.name == "Gemeente Teststad"


def test_update_party_keeps_a_kind_the_method_no_longer_has(alice, project, method):
    party = Party.objects.create(project=project, name="Oud", party_type="verdwenen-soort")

    update_party(alice, party, name="Oud en vertrouwd")

    party.refresh_from_db()
    assert party.party_type == "verdwenen-soort"
    assert party.type_label == "een soort die niet meer in de methode staat"


def test_update_party_to_an_unknown_kind_is_refused(alice, project, method):
    party = add_party(alice, project, name="Gemeente", party_type="gemeente")

    with pytest.raises(PartyTypeUnknown):
        update_party(alice, party, party_type="koning")

    party.refresh_from_db()
    assert party.party_type == "gemeente"


def test_update_party_without_change_writes_no_audit_entry(alice, project, method):
    party = add_party(alice, project, name="Gemeente", party_type="gemeente")

    update_party(alice, party, name="Gemeente", party_type="gemeente")

    assert not AuditEvent.objects.filter(action="party.updated").exists()


# --- Services: a member's or invitee's party is one of the project's -----------------------


def test_invite_member_with_another_projects_party_is_refused(alice, project, foreign_party):
    with pytest.raises(PartyNotInProject) as refused:
        invite_member(
            alice, project, email="iemand@example.org", role="teamlid", party=foreign_party
        )

    assert refused.value.field == "party"
    assert not Invitation.objects.exists()


def test_add_member_with_another_projects_party_is_refused(alice, project, foreign_party):
    newcomer = UserFactory()

    with pytest.raises(PartyNotInProject):
        add_member(alice, project, newcomer, role=Role.TEAMLID, party=foreign_party)

    assert not Membership.objects.filter(user=newcomer).exists()


def test_change_member_party_to_another_projects_party_is_refused(
    alice, bob, project, foreign_party
):
    membership = project.memberships.get(user=bob)

    with pytest.raises(PartyNotInProject):
        change_member_party(alice, membership, foreign_party)

    membership.refresh_from_db()
    assert membership.party is None


def test_change_member_party_is_audited(alice, bob, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")
    membership = project.memberships.get(user=bob)

    change_member_party(alice, membership, party)

    membership.refresh_from_db()
    assert membership.party == party
    event = AuditEvent.objects.get(action="member.party_changed")
    assert event.new["party"]["name"] == "Woonstichting"


def test_accepted_invitation_gives_the_member_the_invitations_party(alice, project, method):
    party = add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    newcomer = UserFactory(email="wethouder@example.org")
    invitation = invite_member(
        alice, project, email="wethouder@example.org", role=Role.MEELEZER, party=party
    )

    membership = accept_invitation(newcomer, invitation_token(invitation))

    assert membership.party == party
    assert list(party.memberships.all()) == [membership]


# --- Views --------------------------------------------------------------------------------


def test_settings_lists_parties_with_the_kind_in_words(client, alice, project, method):
    add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    add_party(alice, project, name="Buurthuis", party_type=Party.OTHER, other_type="buurthuis")
    client.force_login(alice)

    html = client.get(reverse("projects:settings", args=[project.public_id])).content.decode()

    assert 'Gemeente Teststad <span class="hint">· Gemeente</span>' in html
    assert 'Buurthuis <span class="hint">· buurthuis</span>' in html
    assert "anders" not in html.split("<select")[0]


def test_settings_add_party_with_taken_name_shows_error_at_the_name(client, alice, project, method):
    add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    client.force_login(alice)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "party", "party-name": "GEMEENTE teststad", "party-party_type": "gemeente"},
    )

    assert response.status_code == 200
    assert response.context["forms"]["party"].has_error("name")
    assert 'value="GEMEENTE teststad"' in response.content.decode()
    assert project.parties.count() == 1


def test_settings_add_party_other_kind_needs_words(client, alice, project, method):
    client.force_login(alice)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "party", "party-name": "Buurthuis", "party-party_type": Party.OTHER},
    )

    assert response.context["forms"]["party"].has_error("other_type")
    assert not project.parties.exists()


@pytest.mark.parametrize("who", ["bob", "mila", "outsider"])
def test_settings_add_party_refused_for_all_but_the_leader(client, who, request, project, method):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "party", "party-name": "Gemeente", "party-party_type": "gemeente"},
    )

    assert response.status_code == 404
    assert not Party.objects.exists()


def test_invitation_form_offers_only_this_projects_parties(client, alice, project, foreign_party):
    add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    client.force_login(alice)

    html = client.get(reverse("projects:members", args=[project.public_id])).content.decode()

    assert "Gemeente Teststad" in html
    assert "Elders BV" not in html
    assert foreign_party.public_id not in html


def test_members_page_shows_each_members_party(client, alice, bob, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")
    change_member_party(alice, project.memberships.get(user=bob), party)
    client.force_login(bob)

    html = client.get(reverse("projects:members", args=[project.public_id])).content.decode()

    assert "<td>Woonstichting</td>" in html


def _settings_queries(client, project):
    url = reverse("projects:settings", args=[project.public_id])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_settings_queries_flat_in_the_number_of_parties(client, alice, project, method):
    client.force_login(alice)
    add_party(alice, project, name="Partij 0", party_type="gemeente")
    with_one = _settings_queries(client, project)
    add_party(alice, project, name="Partij 1", party_type="provincie")
    add_party(alice, project, name="Partij 2", party_type=Party.OTHER, other_type="buurthuis")

    assert _settings_queries(client, project) == with_one


# --- The edit page ------------------------------------------------------------------------


def edit_url(project, party):
    return reverse("projects:party_edit", args=[project.public_id, party.public_id])


def test_party_edit_renames_and_retypes_the_party(client, alice, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")
    client.force_login(alice)

    response = client.post(
        edit_url(project, party),
        {
            "party-name": "Woonstichting Thuis",
            "party-party_type": Party.OTHER,
            "party-other_type": "particuliere verhuurder",
        },
    )

    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.name, party.party_type, party.other_type) == (
        "Woonstichting Thuis",
        Party.OTHER,
        "particuliere verhuurder",
    )
    assert AuditEvent.objects.filter(action="party.updated", actor=alice).exists()


def test_party_edit_shows_the_current_values(client, alice, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")
    client.force_login(alice)

    html = client.get(edit_url(project, party)).content.decode()

    assert 'value="Woonstichting"' in html
    assert '<option value="woningcorporatie" selected>' in html


def test_party_edit_with_a_taken_name_shows_error_at_the_name(client, alice, project, method):
    add_party(alice, project, name="Gemeente", party_type="gemeente")
    party = add_party(alice, project, name="Provincie", party_type="provincie")
    client.force_login(alice)

    response = client.post(
        edit_url(project, party), {"party-name": "GEMEENTE", "party-party_type": "provincie"}
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("name")
    assert "Dit project heeft al een partij met deze naam." in response.content.decode()
    party.refresh_from_db()
    assert party.name == "Provincie"


def test_party_edit_keeps_a_kind_the_method_dropped_choosable(client, alice, project, method):
    party = Party.objects.create(project=project, name="Oud", party_type="verdwenen-soort")
    client.force_login(alice)

    response = client.post(
        edit_url(project, party),
        {"party-name": "Oud en wijs", "party-party_type": "verdwenen-soort"},
    )

    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.name, party.party_type) == ("Oud en wijs", "verdwenen-soort")


@pytest.mark.parametrize("who", ["bob", "mila", "outsider", "staff_user"])
def test_party_edit_refused_for_all_but_the_leader(client, who, request, alice, project, method):
    party = add_party(alice, project, name="Gemeente", party_type="gemeente")
    client.force_login(request.getfixturevalue(who))

    page = client.get(edit_url(project, party))
    write = client.post(
        edit_url(project, party), {"party-name": "Kaping", "party-party_type": "gemeente"}
    )

    assert (page.status_code, write.status_code) == (404, 404)
    party.refresh_from_db()
    assert party.name == "Gemeente"


def test_party_edit_of_another_projects_party_is_404(client, alice, project, foreign_party):
    client.force_login(alice)  # alice leads both projects, but the URL names this one

    response = client.post(
        edit_url(project, foreign_party), {"party-name": "Kaping", "party-party_type": "gemeente"}
    )

    assert response.status_code == 404
    foreign_party.refresh_from_db()
    assert foreign_party.name == "Elders BV"
