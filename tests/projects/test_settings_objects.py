"""Neighbourhoods, sub-projects and parties are changed and removed through their services."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import PartyInUse, ProjectClosed, SubProjectHasProgress
from wijkkoers.projects.models import Invitation, Neighbourhood, Party, StepProgress, SubProject
from wijkkoers.projects.services import (
    add_neighbourhood,
    add_party,
    add_subproject,
    change_member_party,
    close_project,
    remove_neighbourhood,
    remove_party,
    remove_subproject,
    update_neighbourhood,
    update_subproject,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hood(alice, project):
    return add_neighbourhood(alice, project, name="Oost", cbs_code="BU03630000")


@pytest.fixture
def sub(alice, project):
    return add_subproject(alice, project, name="Warmtenet Oost")


@pytest.fixture
def party(alice, project, method):
    return add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")


def test_update_neighbourhood_changes_and_audits_old_and_new(alice, project, hood):
    update_neighbourhood(alice, hood, name="Oost-Noord", cbs_code="BU03630001")

    hood.refresh_from_db()
    assert (hood.name, hood.cbs_code) == ("Oost-Noord", "BU03630001")
    event = AuditEvent.objects.get(project=project, action="neighbourhood.updated")
    assert event.actor == alice
    assert event.old == {"name": "Oost", "cbs_code": "BU03630000"}
    assert event.new == {"name": "Oost-Noord", "cbs_code": "BU03630001"}


def test_update_neighbourhood_with_an_invalid_cbs_code_is_refused(alice, project, hood):
    with pytest.raises(ValidationError):
        update_neighbourhood(alice, hood, cbs_code="XX12")

    hood.refresh_from_db()
    assert hood.cbs_code == "BU03630000"
    assert not AuditEvent.objects.filter(action="neighbourhood.updated").exists()


def test_update_neighbourhood_without_changes_writes_no_audit(alice, project, hood):
    update_neighbourhood(alice, hood, name="Oost")

    assert not AuditEvent.objects.filter(action="neighbourhood.updated").exists()


def test_remove_neighbourhood_deletes_and_audits_its_last_values(alice, project, hood):
    remove_neighbourhood(alice, hood)

    assert not Neighbourhood.objects.filter(pk=hood.pk).exists()
    event = AuditEvent.objects.get(project=project, action="neighbourhood.removed")
    assert event.old == {"name": "Oost", "cbs_code": "BU03630000"}


def test_update_subproject_changes_and_audits(alice, project, sub):
    update_subproject(alice, sub, name="Warmtenet Oost-Noord", description="Fase twee")

    sub.refresh_from_db()
    assert sub.name == "Warmtenet Oost-Noord"
    event = AuditEvent.objects.get(project=project, action="subproject.updated")
    assert event.new == {"name": "Warmtenet Oost-Noord", "description": "Fase twee"}


def test_remove_subproject_without_progress_deletes_and_audits(alice, project, sub):
    remove_subproject(alice, sub)

    assert not SubProject.objects.filter(pk=sub.pk).exists()
    assert AuditEvent.objects.filter(project=project, action="subproject.removed").exists()


def test_remove_subproject_with_progress_is_refused(alice, project, sub):
    StepProgress.objects.create(project=project, subproject=sub, step_key="1-1")

    with pytest.raises(SubProjectHasProgress) as refused:
        remove_subproject(alice, sub)

    with translation.override("en"):
        assert "progress on steps has been recorded" in str(refused.value.message)
    assert SubProject.objects.filter(pk=sub.pk).exists()
    assert not AuditEvent.objects.filter(action="subproject.removed").exists()


def test_remove_party_without_members_deletes_and_audits(alice, project, party):
    remove_party(alice, party)

    assert not Party.objects.filter(pk=party.pk).exists()
    event = AuditEvent.objects.get(project=project, action="party.removed")
    assert event.old["name"] == "Woonstichting"


def test_remove_party_with_a_member_is_refused(alice, bob, project, party):
    change_member_party(alice, project.memberships.get(user=bob), party)

    with pytest.raises(PartyInUse) as refused:
        remove_party(alice, party)

    with translation.override("en"):
        assert "members of the team or open invitations" in str(refused.value.message)
    assert Party.objects.filter(pk=party.pk).exists()


def test_remove_party_with_an_open_invitation_is_refused(alice, project, party):
    Invitation.objects.create(
        project=project, email="nina@example.org", role="teamlid", party=party
    )

    with pytest.raises(PartyInUse):
        remove_party(alice, party)

    assert Party.objects.filter(pk=party.pk).exists()


def test_remove_party_with_only_an_expired_invitation_is_allowed(alice, project, party):
    old = timezone.now() - timedelta(days=Invitation.VALID_DAYS + 1)
    invitation = Invitation.objects.create(
        project=project, email="nina@example.org", role="teamlid", party=party, sent_at=old
    )

    remove_party(alice, party)

    invitation.refresh_from_db()
    assert invitation.party is None


@pytest.mark.parametrize(
    "change",
    [
        lambda actor, hood, sub, party: update_neighbourhood(actor, hood, name="Anders"),
        lambda actor, hood, sub, party: remove_neighbourhood(actor, hood),
        lambda actor, hood, sub, party: update_subproject(actor, sub, name="Anders"),
        lambda actor, hood, sub, party: remove_subproject(actor, sub),
        lambda actor, hood, sub, party: remove_party(actor, party),
    ],
)
def test_settings_objects_of_a_closed_project_are_refused(alice, project, hood, sub, party, change):
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        change(alice, hood, sub, party)

    assert Neighbourhood.objects.get(pk=hood.pk).name == "Oost"
    assert SubProject.objects.get(pk=sub.pk).name == "Warmtenet Oost"
    assert Party.objects.filter(pk=party.pk).exists()


# --- Views ------------------------------------------------------------------------------------


def test_remove_page_of_a_party_in_use_says_why_and_keeps_it(client, alice, bob, project, party):
    change_member_party(alice, project.memberships.get(user=bob), party)
    client.force_login(alice)
    url = reverse("projects:party_remove", args=[project.public_id, party.public_id])

    response = client.post(url)

    assert response.status_code == 409
    assert str(PartyInUse.message) in response.content.decode()
    assert Party.objects.filter(pk=party.pk).exists()


def test_settings_page_shows_the_cbs_code_with_a_link(client, alice, project, hood):
    client.force_login(alice)

    response = client.get(reverse("projects:settings", args=[project.public_id]))

    html = response.content.decode()
    assert "BU03630000" in html
    assert 'href="https://www.cbsinuwbuurt.nl/"' in html


def test_closed_project_edit_page_refuses_the_change(client, alice, project, hood):
    close_project(alice, project, reason="Klaar")
    client.force_login(alice)
    url = reverse("projects:neighbourhood_edit", args=[project.public_id, hood.public_id])

    response = client.post(url, {"edit-name": "Anders", "edit-cbs_code": ""})

    hood.refresh_from_db()
    assert response.status_code == 200
    assert hood.name == "Oost"
