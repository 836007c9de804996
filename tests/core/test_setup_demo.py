"""`manage.py setup_demo` (what `make run` serves) builds a lived-in demo through the services."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from wijkkoers.accounts.models import User
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.demo import DEMO_NAME, PROGRESS
from wijkkoers.projects.models import Invitation, Membership, Party, Project, Role, StepProgress

pytestmark = pytest.mark.django_db

TABLES = [User, Project, Party, Membership, Invitation, StepProgress, AuditEvent]


def setup_demo() -> str:
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict:
    return {model.__name__: model.objects.count() for model in TABLES}


def test_setup_demo_builds_a_project_with_parties_members_and_progress(method):
    output = setup_demo()

    project = Project.objects.get(name=DEMO_NAME)
    members = {
        m.user.email: (m.role, m.party) for m in project.memberships.select_related("user", "party")
    }
    assert {role for role, _party in members.values()} == set(Role.values)
    assert all(party is not None and party.project == project for _role, party in members.values())
    assert project.parties.count() == 3
    assert project.progress.count() == len(PROGRESS)
    assert project.progress.filter(status="afgerond").exists()
    assert project.invitations.get().email == "adviseur@example.org"
    assert f"/projecten/{project.public_id}/" in output
    # Made through the services, so the audit trail tells how the demo came about.
    actions = set(AuditEvent.objects.filter(project=project).values_list("action", flat=True))
    assert {"project.created", "party.added", "member.added", "progress.changed"} <= actions


def test_setup_demo_twice_changes_nothing(method):
    setup_demo()
    before = row_counts()

    setup_demo()

    assert row_counts() == before


def test_setup_demo_prints_logins_that_work(client, method):
    output = setup_demo()
    password = re.search(r"password for all: (\S+)\)", output).group(1)
    emails = re.findall(r"^\s+(\S+@example\.org)\s", output, flags=re.MULTILINE)

    assert len(emails) == 4
    for email in emails:
        client.logout()
        response = client.post("/account/login/", {"login": email, "password": password})
        assert response.status_code == 302, email
        assert "/account/login/" not in response["Location"]


@override_settings(PRODUCTION=True)
def test_setup_demo_refused_in_production(method):
    with pytest.raises(CommandError):
        setup_demo()

    assert not User.objects.exists()
