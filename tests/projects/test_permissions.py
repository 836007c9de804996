"""The permission matrix: every project URL for every kind of user, with its side effects.

Rights come from the membership alone: a superuser or staff member who is a meelezer in a
project can do exactly what a meelezer can. A refused write changes nothing in the
database; an allowed one changes what it should.
"""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.models import (
    Membership,
    Neighbourhood,
    Party,
    Project,
    Role,
    StepProgress,
    SubProject,
)
from wijkkoers.projects.services import (
    add_neighbourhood,
    add_party,
    add_subproject,
    close_project,
)

pytestmark = pytest.mark.django_db

# kind -> (role in the project or None, user attributes)
KINDS = {
    "anonymous": (None, None),
    "outsider": (None, {}),
    "superuser": (None, {"is_staff": True, "is_superuser": True}),
    "meelezer": (Role.MEELEZER, {}),
    "superuser-meelezer": (Role.MEELEZER, {"is_staff": True, "is_superuser": True}),
    "staff-meelezer": (Role.MEELEZER, {"is_staff": True}),
    "teamlid": (Role.TEAMLID, {}),
    "superuser-teamlid": (Role.TEAMLID, {"is_staff": True, "is_superuser": True}),
    "projectleider": (Role.PROJECTLEIDER, {}),
}
RANK = {None: 0, Role.MEELEZER: 1, Role.TEAMLID: 2, Role.PROJECTLEIDER: 3}
PAGE_NEEDS = {
    "compass": Role.MEELEZER,
    "members": Role.MEELEZER,
    "audit": Role.MEELEZER,
    "step": Role.MEELEZER,
    "settings": Role.PROJECTLEIDER,
}


def allowed(kind, needs) -> bool:
    return RANK[KINDS[kind][0]] >= RANK[needs]


def refused_status(kind) -> int:
    """Anonymous users are sent to log in; everyone else sees "not found"."""
    return 302 if kind == "anonymous" else 404


@pytest.fixture
def as_user(client, project, alice, bob, mila):
    def _as(kind):
        role, attributes = KINDS[kind]
        named = {"meelezer": mila, "teamlid": bob, "projectleider": alice}
        user = named.get(kind)
        if user is None and attributes is not None:
            user = UserFactory(**attributes)
            if role:
                Membership.objects.create(project=project, user=user, role=role)
        if user:
            client.force_login(user)
        return client

    return _as


def url_for(name, project):
    args = [project.public_id]
    if name == "step":
        args.append("helderheid-over-ambities")
    return reverse(f"projects:{name}", args=args)


@pytest.mark.parametrize("name", PAGE_NEEDS)
@pytest.mark.parametrize("kind", KINDS)
def test_project_page_get_matrix(as_user, project, method, name, kind):
    client = as_user(kind)

    response = client.get(url_for(name, project))

    expected = 200 if allowed(kind, PAGE_NEEDS[name]) else refused_status(kind)
    assert response.status_code == expected


@pytest.mark.parametrize("kind", [kind for kind, (role, _user) in KINDS.items() if role])
def test_project_header_offers_settings_only_to_the_projectleider(as_user, project, kind):
    client = as_user(kind)

    html = client.get(url_for("compass", project)).content.decode()

    assert (url_for("settings", project) in html) == allowed(kind, Role.PROJECTLEIDER)


@pytest.mark.parametrize("kind", KINDS)
def test_setting_step_status_matrix(as_user, project, method, kind):
    client = as_user(kind)

    response = client.post(url_for("step", project), {"status": "gestart", "version": 0})

    may = allowed(kind, Role.TEAMLID)
    progress = StepProgress.objects.filter(project=project).first()
    assert response.status_code == (302 if may else refused_status(kind))
    assert (progress is not None and progress.status == "gestart") == may


@pytest.mark.parametrize("kind", KINDS)
def test_inviting_matrix(as_user, project, kind):
    client = as_user(kind)

    response = client.post(
        url_for("members", project), {"email": "nieuw@example.org", "role": "projectleider"}
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    assert response.status_code == (302 if may else refused_status(kind))
    assert project.invitations.filter(email="nieuw@example.org").exists() == may


@pytest.mark.parametrize("kind", KINDS)
def test_changing_roles_matrix(as_user, project, mila, kind):
    membership = project.memberships.get(user=mila)
    client = as_user(kind)

    response = client.post(
        reverse("projects:member_role", args=[project.public_id, membership.public_id]),
        {"role": "projectleider"},
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    membership.refresh_from_db()
    assert response.status_code == (302 if may else refused_status(kind))
    assert membership.role == (Role.PROJECTLEIDER if may else Role.MEELEZER)


@pytest.mark.parametrize("kind", KINDS)
def test_removing_members_matrix(as_user, project, mila, kind):
    membership = project.memberships.get(user=mila)
    client = as_user(kind)

    response = client.post(
        reverse("projects:member_remove", args=[project.public_id, membership.public_id])
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    assert response.status_code == (302 if may else refused_status(kind))
    assert project.memberships.filter(pk=membership.pk).exists() != may


@pytest.mark.parametrize("action", ["opnieuw", "intrekken"])
@pytest.mark.parametrize("kind", KINDS)
def test_invitation_actions_matrix(as_user, alice, project, kind, action):
    invitation = project.invitations.create(email="x@example.org", role="teamlid", invited_by=alice)
    client = as_user(kind)

    response = client.post(
        reverse(
            "projects:invitation_action", args=[project.public_id, invitation.public_id, action]
        )
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    before = invitation.sent_at
    invitation.refresh_from_db()
    assert response.status_code == (302 if may else refused_status(kind))
    changed = invitation.sent_at != before if action == "opnieuw" else bool(invitation.revoked_at)
    assert changed == may


@pytest.mark.parametrize("kind", KINDS)
def test_settings_post_matrix(as_user, project, kind):
    client = as_user(kind)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {
            "action": "project",
            "project-name": "Overgenomen",
            "project-municipality": "Teststad",
            "project-status": "active",
        },
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    project.refresh_from_db()
    assert response.status_code == (302 if may else refused_status(kind))
    assert (project.name == "Overgenomen") == may


@pytest.mark.parametrize("kind", KINDS)
def test_adding_a_party_matrix(as_user, project, method, kind):
    client = as_user(kind)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {
            "action": "party",
            "party-name": "Woonstichting Noord",
            "party-party_type": "woningcorporatie",
        },
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    assert response.status_code == (302 if may else refused_status(kind))
    assert project.parties.filter(name="Woonstichting Noord").exists() == may


@pytest.mark.parametrize("kind", KINDS)
def test_editing_a_party_matrix(as_user, alice, project, method, kind):
    party = add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    url = reverse("projects:party_edit", args=[project.public_id, party.public_id])
    client = as_user(kind)

    page = client.get(url)
    response = client.post(url, {"party-name": "Gemeente Anders", "party-party_type": "gemeente"})

    may = allowed(kind, Role.PROJECTLEIDER)
    party.refresh_from_db()
    assert page.status_code == (200 if may else refused_status(kind))
    assert response.status_code == (302 if may else refused_status(kind))
    assert (party.name == "Gemeente Anders") == may


@pytest.mark.parametrize("kind", KINDS)
def test_editing_a_neighbourhood_matrix(as_user, alice, project, kind):
    hood = add_neighbourhood(alice, project, name="Oost", cbs_code="BU03630000")
    url = reverse("projects:neighbourhood_edit", args=[project.public_id, hood.public_id])
    client = as_user(kind)

    page = client.get(url)
    response = client.post(url, {"edit-name": "Oost-Noord", "edit-cbs_code": "BU03630001"})

    may = allowed(kind, Role.PROJECTLEIDER)
    hood.refresh_from_db()
    assert page.status_code == (200 if may else refused_status(kind))
    assert response.status_code == (302 if may else refused_status(kind))
    assert (hood.name == "Oost-Noord") == may


@pytest.mark.parametrize("kind", KINDS)
def test_editing_a_subproject_matrix(as_user, alice, project, kind):
    sub = add_subproject(alice, project, name="Warmtenet")
    url = reverse("projects:subproject_edit", args=[project.public_id, sub.public_id])
    client = as_user(kind)

    page = client.get(url)
    response = client.post(url, {"edit-name": "Warmtenet Noord"})

    may = allowed(kind, Role.PROJECTLEIDER)
    sub.refresh_from_db()
    assert page.status_code == (200 if may else refused_status(kind))
    assert response.status_code == (302 if may else refused_status(kind))
    assert (sub.name == "Warmtenet Noord") == may


def _removable(alice, project, what):
    if what == "party":
        obj = add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
        return obj, Party
    if what == "neighbourhood":
        return add_neighbourhood(alice, project, name="Oost"), Neighbourhood
    return add_subproject(alice, project, name="Warmtenet"), SubProject


@pytest.mark.parametrize("what", ["party", "neighbourhood", "subproject"])
@pytest.mark.parametrize("kind", KINDS)
def test_removing_a_settings_object_matrix(as_user, alice, project, method, kind, what):
    obj, model = _removable(alice, project, what)
    url = reverse(f"projects:{what}_remove", args=[project.public_id, obj.public_id])
    client = as_user(kind)

    page = client.get(url)
    response = client.post(url)

    may = allowed(kind, Role.PROJECTLEIDER)
    assert page.status_code == (200 if may else refused_status(kind))
    assert response.status_code == (302 if may else refused_status(kind))
    assert model.objects.filter(pk=obj.pk).exists() != may
    assert AuditEvent.objects.filter(action=f"{what}.removed").exists() == may


@pytest.mark.parametrize("kind", KINDS)
def test_closing_matrix(as_user, project, kind):
    client = as_user(kind)

    response = client.post(
        reverse("projects:project_status", args=[project.public_id, "afsluiten"]),
        {"confirm": "on", "reason": "klaar"},
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    project.refresh_from_db()
    assert response.status_code == (302 if may else refused_status(kind))
    assert (project.status == Project.Status.CLOSED) == may
    assert AuditEvent.objects.filter(project=project, action="project.closed").exists() == may


@pytest.mark.parametrize("kind", KINDS)
def test_reopening_matrix(as_user, alice, project, kind):
    close_project(alice, project)
    client = as_user(kind)

    response = client.post(
        reverse("projects:project_status", args=[project.public_id, "heropenen"]),
        {"confirm": "on"},
    )

    may = allowed(kind, Role.PROJECTLEIDER)
    project.refresh_from_db()
    assert response.status_code == (302 if may else refused_status(kind))
    assert (project.status == Project.Status.ACTIVE) == may


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
