"""The permission matrix: every project URL for every kind of user."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

USERS = ["anonymous", "outsider", "staff", "meelezer", "teamlid", "projectleider"]

# url name -> expected status per user, for GET.
GET_MATRIX = {
    "compass": [302, 404, 404, 200, 200, 200],
    "members": [302, 404, 404, 200, 200, 200],
    "audit": [302, 404, 404, 200, 200, 200],
    "settings": [302, 404, 404, 404, 404, 200],
    "step": [302, 404, 404, 200, 200, 200],
}


@pytest.fixture
def as_user(client, alice, bob, mila):
    def _as(kind):
        user = {
            "anonymous": None,
            "outsider": UserFactory(),
            "staff": UserFactory(is_staff=True, is_superuser=True),
            "meelezer": mila,
            "teamlid": bob,
            "projectleider": alice,
        }[kind]
        if user:
            client.force_login(user)
        return client

    return _as


# A write only the projectleider may do: others get 404, anonymous users the login page.
LEADER_ONLY = [
    ("anonymous", 302),
    ("outsider", 404),
    ("staff", 404),
    ("meelezer", 404),
    ("teamlid", 404),
    ("projectleider", 302),
]


def url_for(name, project):
    args = [project.public_id]
    if name == "step":
        args.append("helderheid-over-ambities")
    return reverse(f"projects:{name}", args=args)


@pytest.mark.parametrize("name", GET_MATRIX)
@pytest.mark.parametrize("user_index", range(len(USERS)))
def test_project_page_get_matrix(as_user, project, method, name, user_index):
    client = as_user(USERS[user_index])

    response = client.get(url_for(name, project))

    assert response.status_code == GET_MATRIX[name][user_index], USERS[user_index]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("staff", 404),
        ("meelezer", 404),
        ("teamlid", 302),
        ("projectleider", 302),
    ],
)
def test_setting_step_status_matrix(as_user, project, method, kind, expected):
    client = as_user(kind)

    response = client.post(url_for("step", project), {"status": "gestart", "version": 0})

    assert response.status_code == expected


@pytest.mark.parametrize(("kind", "expected"), LEADER_ONLY)
def test_inviting_matrix(as_user, project, kind, expected):
    client = as_user(kind)

    response = client.post(
        url_for("members", project), {"email": "nieuw@example.org", "role": "teamlid"}
    )

    assert response.status_code == expected


@pytest.mark.parametrize(("kind", "expected"), LEADER_ONLY)
def test_changing_roles_matrix(as_user, project, mila, kind, expected):
    membership = project.memberships.get(user=mila)
    client = as_user(kind)

    response = client.post(
        reverse("projects:member_role", args=[project.public_id, membership.public_id]),
        {"role": "teamlid"},
    )

    assert response.status_code == expected


def test_portfolio_lists_only_own_projects(client, project, method):
    stranger = UserFactory()
    client.force_login(stranger)

    response = client.get(reverse("projects:portfolio"))

    assert response.status_code == 200
    assert project.name not in response.content.decode()


def test_unknown_project_is_404_like_a_foreign_one(client, alice):
    client.force_login(alice)

    response = client.get(reverse("projects:compass", args=["bestaat-niet"]))

    assert response.status_code == 404


def test_unknown_step_in_project_is_404(client, alice, project, method):
    client.force_login(alice)

    response = client.get(reverse("projects:step", args=[project.public_id, "bestaat-niet"]))

    assert response.status_code == 404


@pytest.mark.parametrize(("kind", "expected"), LEADER_ONLY)
def test_removing_members_matrix(as_user, project, mila, kind, expected):
    membership = project.memberships.get(user=mila)
    client = as_user(kind)

    response = client.post(
        reverse("projects:member_remove", args=[project.public_id, membership.public_id])
    )

    assert response.status_code == expected
    assert project.memberships.filter(pk=membership.pk).exists() == (kind != "projectleider")


@pytest.mark.parametrize("action", ["opnieuw", "intrekken"])
@pytest.mark.parametrize(("kind", "expected"), LEADER_ONLY)
def test_invitation_actions_matrix(as_user, alice, project, kind, expected, action):
    invitation = project.invitations.create(email="x@example.org", role="teamlid", invited_by=alice)
    client = as_user(kind)

    response = client.post(
        reverse(
            "projects:invitation_action", args=[project.public_id, invitation.public_id, action]
        )
    )

    assert response.status_code == expected


@pytest.mark.parametrize(("kind", "expected"), LEADER_ONLY)
def test_settings_post_matrix(as_user, project, kind, expected):
    client = as_user(kind)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "subproject", "sub-name": "Hoogbouw"},
    )

    assert response.status_code == expected
    assert project.subprojects.exists() == (kind == "projectleider")


def test_creating_a_project_requires_login(client):
    response = client.get(reverse("projects:create"))

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_unknown_invitation_action_is_404(client, alice, project):
    invitation = project.invitations.create(email="x@example.org", role="teamlid", invited_by=alice)
    client.force_login(alice)

    response = client.post(
        reverse(
            "projects:invitation_action", args=[project.public_id, invitation.public_id, "wissen"]
        )
    )

    assert response.status_code == 404
