import pytest
from django.urls import reverse

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Membership, Role
from wijkkoers.projects.services import add_party, create_project

pytestmark = pytest.mark.django_db


def test_last_projectleider_cannot_be_removed(client, alice, project):
    leader = project.memberships.get(user=alice)
    client.force_login(alice)

    response = client.post(
        reverse("projects:member_remove", args=[project.public_id, leader.public_id]), follow=True
    )

    assert Membership.objects.filter(pk=leader.pk).exists()
    assert "altijd minstens één projectleider" in response.content.decode()


def test_last_projectleider_cannot_step_down(client, alice, project):
    leader = project.memberships.get(user=alice)
    client.force_login(alice)

    response = client.post(
        reverse("projects:member_role", args=[project.public_id, leader.public_id]),
        {"role": "teamlid"},
        follow=True,
    )

    leader.refresh_from_db()
    assert leader.role == Role.PROJECTLEIDER
    assert "altijd minstens één projectleider" in response.content.decode()


def test_role_change_is_audited(client, alice, mila, project):
    membership = project.memberships.get(user=mila)
    client.force_login(alice)

    client.post(
        reverse("projects:member_role", args=[project.public_id, membership.public_id]),
        {"role": "teamlid"},
    )

    event = AuditEvent.objects.get(project=project, action="member.role_changed")
    assert event.actor == alice
    assert event.old == {"role": "meelezer"}
    assert event.new == {"role": "teamlid"}


def test_removing_a_member_is_audited(client, alice, mila, project):
    membership = project.memberships.get(user=mila)
    client.force_login(alice)

    client.post(reverse("projects:member_remove", args=[project.public_id, membership.public_id]))

    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(project=project, action="member.removed").exists()


def create(client, **data):
    return client.post(reverse("projects:create"), data)


def test_create_project_makes_creator_projectleider(client, alice):
    client.force_login(alice)

    response = create(
        client,
        name="Wijkaanpak Noord",
        municipality="Apeldoorn",
        neighbourhood="Noord",
        cbs_code="wk0200aa",
    )

    membership = Membership.objects.get(user=alice, project__name="Wijkaanpak Noord")
    assert response.status_code == 302
    assert membership.role == Role.PROJECTLEIDER
    assert membership.project.neighbourhoods.get().cbs_code == "WK0200AA"


@pytest.mark.parametrize("code", ["BU0363", "XX12345678", "GM12345", "WK03630"])
def test_create_project_refuses_bad_cbs_code(client, alice, code):
    client.force_login(alice)

    response = create(
        client,
        name="Wijkaanpak Noord",
        municipality="Apeldoorn",
        neighbourhood="Noord",
        cbs_code=code,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "CBS-code" in html
    assert 'value="Wijkaanpak Noord"' in html


@pytest.mark.parametrize("code", ["GM0363", "WK036301", "WK0363AA", "BU03630001", "BU0363AB12"])
def test_create_project_accepts_cbs_codes(client, alice, code):
    client.force_login(alice)

    response = create(
        client, name="Wijkaanpak", municipality="Amsterdam", neighbourhood="Buurt", cbs_code=code
    )

    assert response.status_code == 302


def test_settings_changes_are_audited_with_old_and_new(client, alice, project):
    client.force_login(alice)

    client.post(
        reverse("projects:settings", args=[project.public_id]),
        {
            "action": "project",
            "project-name": "Nieuwe naam",
            "project-municipality": "Teststad",
            "project-status": "paused",
        },
    )

    event = AuditEvent.objects.get(project=project, action="project.updated")
    assert event.old["name"] == "Wijkaanpak Testwijk"
    assert event.new["name"] == "Nieuwe naam"
    assert event.new["status"] == "paused"


def test_audit_log_filters_by_member_and_kind(client, alice, mila, project):
    membership = project.memberships.get(user=mila)
    client.force_login(alice)
    client.post(
        reverse("projects:member_role", args=[project.public_id, membership.public_id]),
        {"role": "teamlid"},
    )
    leader = project.memberships.get(user=alice)

    by_kind = client.get(
        reverse("projects:audit", args=[project.public_id]), {"soort": "membership"}
    )
    by_member = client.get(
        reverse("projects:audit", args=[project.public_id]),
        {"lid": leader.public_id, "soort": "project"},
    )

    # Readable sentences, not action codes (the trail shows words since issue 8).
    assert "wijzigde de rol van Mila Meelezer" in by_kind.content.decode()
    assert "maakte het project" not in by_kind.content.decode()
    assert "maakte het project Wijkaanpak Testwijk aan" in by_member.content.decode()
    assert "wijzigde de rol van" not in by_member.content.decode()


def test_leader_adds_party_and_invites_on_its_behalf(client, alice, project, method):
    client.force_login(alice)

    client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "party", "party-name": "Gemeente Teststad", "party-party_type": "gemeente"},
    )
    party = project.parties.get()
    client.post(
        reverse("projects:members", args=[project.public_id]),
        {"email": "wethouder@example.org", "role": "meelezer", "party": party.public_id},
    )

    assert party.party_type == "gemeente"
    assert project.invitations.get().party == party
    assert AuditEvent.objects.filter(project=project, action="party.added").exists()


def test_invitation_cannot_name_another_projects_party(client, alice, project, method):
    other = create_project(alice, name="Elders", municipality="Elders")
    foreign = add_party(alice, other, name="Elders BV", party_type="marktpartijen")
    client.force_login(alice)

    response = client.post(
        reverse("projects:members", args=[project.public_id]),
        {"email": "iemand@example.org", "role": "teamlid", "party": foreign.public_id},
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("party")
    assert "Kies een van de partijen van dit project" in response.content.decode()
    assert not project.invitations.exists()
    assert not other.invitations.exists()


def test_settings_error_in_one_form_leaves_the_others_unbound(client, alice, project):
    client.force_login(alice)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "neighbourhood", "hood-name": "Noord", "hood-cbs_code": "XX1"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("errorlist") == 1
    assert "CBS-code" in html
    assert 'value="Noord"' in html


@pytest.mark.parametrize("code", ["GM٠٣٦٣", "WK٠٣٦٣AA", "GM0363\n"])
def test_cbs_code_refuses_non_ascii_digits_and_trailing_newline(code):
    from django.core.exceptions import ValidationError

    from wijkkoers.projects.models import validate_cbs_code

    with pytest.raises(ValidationError):
        validate_cbs_code(code)


def test_each_member_row_offers_its_own_role_and_actions(client, alice, bob, mila, project):
    client.force_login(alice)

    html = client.get(reverse("projects:members", args=[project.public_id])).content.decode()

    for membership in project.memberships.all():
        role_url = reverse("projects:member_role", args=[project.public_id, membership.public_id])
        remove_url = reverse(
            "projects:member_remove", args=[project.public_id, membership.public_id]
        )
        row = html[html.index(f'action="{role_url}"') :]
        assert row.index(f'action="{remove_url}"') < row.index("</tr>")
        menu = row[row.index("<select") : row.index("</select>")]
        assert f'<option value="{membership.role}" selected>' in menu
        assert menu.count(" selected") == 1
