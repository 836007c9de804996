"""A project's lifecycle in the UI: closing makes it read-only and archived, never deleted."""

import pytest
from django.urls import reverse

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import Project, StepProgress
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db
SEED = "helderheid-over-ambities"


def status_url(project, change):
    return reverse("projects:project_status", args=[project.public_id, change])


def test_leader_closes_project_with_confirmation_and_reason(client, alice, project):
    client.force_login(alice)

    response = client.post(status_url(project, "afsluiten"), {"confirm": "on", "reason": "Klaar"})

    project.refresh_from_db()
    event = AuditEvent.objects.get(project=project, action="project.closed")
    assert response.status_code == 302
    assert project.status == Project.Status.CLOSED
    assert event.new["reason"] == "Klaar"


def test_closing_without_confirmation_changes_nothing(client, alice, project):
    client.force_login(alice)

    response = client.post(status_url(project, "afsluiten"), {"reason": "Klaar"}, follow=True)

    project.refresh_from_db()
    assert project.status == Project.Status.ACTIVE
    assert "Bevestig" in response.content.decode()


def test_closed_project_shows_banner_and_no_edit_forms(client, alice, bob, project, method):
    close_project(alice, project)
    client.force_login(bob)

    step = client.get(reverse("projects:step", args=[project.public_id, SEED])).content.decode()
    team = client.get(reverse("projects:members", args=[project.public_id])).content.decode()

    assert "Dit project is afgesloten." in step
    assert 'name="status"' not in step
    assert "Dit project is afgesloten." in team


def test_closed_project_settings_offer_only_reopening(client, alice, project):
    close_project(alice, project)
    client.force_login(alice)

    html = client.get(reverse("projects:settings", args=[project.public_id])).content.decode()

    assert status_url(project, "heropenen") in html
    assert status_url(project, "afsluiten") not in html
    assert 'name="project-name"' not in html


def test_closed_project_refuses_a_teamlid_saving_a_step(client, alice, bob, project, method):
    close_project(alice, project)
    client.force_login(bob)

    response = client.post(
        reverse("projects:step", args=[project.public_id, SEED]),
        {"status": "gestart", "version": 0},
    )

    assert response.status_code == 404
    assert not StepProgress.objects.filter(project=project).exists()


def test_closed_project_refuses_leader_settings_post_with_a_message(client, alice, project):
    close_project(alice, project)
    client.force_login(alice)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "subproject", "sub-name": "Hoogbouw"},
        follow=True,
    )

    assert not project.subprojects.exists()
    assert "afgesloten" in response.content.decode()


def test_closed_project_refuses_an_invitation_from_the_leader(client, alice, project):
    close_project(alice, project)
    client.force_login(alice)

    client.post(
        reverse("projects:members", args=[project.public_id]),
        {"email": "nieuw@example.org", "role": "teamlid"},
    )

    assert not project.invitations.exists()


def test_closed_project_stays_in_my_projects_marked_closed(client, alice, project, method):
    close_project(alice, project)
    client.force_login(alice)

    html = client.get(reverse("projects:portfolio")).content.decode()

    assert project.name in html
    assert "afgesloten" in html


def test_leader_reopens_project(client, alice, project):
    close_project(alice, project)
    client.force_login(alice)

    client.post(status_url(project, "heropenen"), {"confirm": "on"})

    project.refresh_from_db()
    assert project.status == Project.Status.ACTIVE
    assert AuditEvent.objects.filter(project=project, action="project.reopened").exists()


def test_settings_status_list_has_no_closed_choice(client, alice, project):
    client.force_login(alice)

    html = client.get(reverse("projects:settings", args=[project.public_id])).content.decode()

    assert 'value="paused"' in html
    assert 'value="closed"' not in html


def test_unknown_status_change_is_404(client, alice, project):
    client.force_login(alice)

    response = client.post(status_url(project, "wissen"), {"confirm": "on"})

    assert response.status_code == 404
