"""Project pages hold no inline code, so the strict Content-Security-Policy holds there."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.html import inline_code
from wijkkoers.projects.services import invite_member

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "with_project"),
    [
        ("projects:portfolio", False),
        ("projects:create", False),
        ("projects:compass", True),
        ("projects:members", True),
        ("projects:settings", True),
    ],
)
def test_project_pages_have_no_inline_code(client, alice, project, method, name, with_project):
    invite_member(alice, project, email="nieuw@example.org", role="teamlid")
    project.invitations.update(mail_failed_at=timezone.now())
    client.force_login(alice)

    response = client.get(reverse(name, args=[project.public_id] if with_project else []))

    assert response.status_code == 200
    assert inline_code(response.content.decode()) == []
