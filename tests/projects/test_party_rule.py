"""One rule for putting a party at a project's table, whichever page a user adds it from.

`projects.add_party_project` (teamlid or projectleider of an open project) decides, inside
`projects.services.add_party`; the settings page (the projectleider's page) and the
stakeholder register (the team's tool) both call that service. A refused add leaves no
party and no audit entry; an allowed one leaves both.
"""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.projects.test_permissions import (
    KINDS,
    allowed,
    as_user,  # noqa: F401 - a fixture
    refused_status,
)
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import PartyNotAllowed, ProjectClosed
from wijkkoers.projects.models import Role
from wijkkoers.projects.rules import can
from wijkkoers.projects.services import add_party, close_project
from wijkkoers.stakeholders.models import Stakeholder

pytestmark = pytest.mark.django_db

NAME = "Energiecoöperatie Oost"


def _added(project) -> bool:
    party = project.parties.filter(name=NAME).first()
    audited = AuditEvent.objects.filter(project=project, action="party.added").first()
    assert (party is None) == (audited is None)
    if audited:
        assert audited.new["name"] == NAME
    return party is not None


# --- The rule, on the service ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "may"), [("alice", True), ("bob", True), ("mila", False), ("stranger", False)]
)
def test_add_party_rule_by_role(request, project, method, who, may):
    actor = UserFactory() if who == "stranger" else request.getfixturevalue(who)

    if may:
        add_party(actor, project, name=NAME, party_type="bewonersinitiatief")
    else:
        with pytest.raises(PartyNotAllowed):
            add_party(actor, project, name=NAME, party_type="bewonersinitiatief")

    assert can(actor, "projects.add_party_project", project) == may
    assert _added(project) == may


def test_add_party_refused_in_a_closed_project_even_for_the_leader(alice, project, method):
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        add_party(alice, project, name=NAME, party_type="gemeente")

    assert not _added(project)


def test_add_party_refusal_reads_dutch(mila, project, method):
    with pytest.raises(PartyNotAllowed) as refused:
        add_party(mila, project, name=NAME, party_type="gemeente")

    assert str(refused.value.message).startswith("Alleen leden van het team")


# --- Both entry points: the permission matrix ---------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_adding_a_party_from_settings_matrix(as_user, project, method, kind):  # noqa: F811
    client = as_user(kind)

    response = client.post(
        reverse("projects:settings", args=[project.public_id]),
        {"action": "party", "party-name": NAME, "party-party_type": "bewonersinitiatief"},
    )

    # The settings page is the projectleider's page (it also renames and removes parties).
    may = allowed(kind, Role.PROJECTLEIDER)
    assert response.status_code == (302 if may else refused_status(kind))
    assert _added(project) == may


@pytest.mark.parametrize("kind", KINDS)
def test_adding_a_party_from_the_register_matrix(as_user, project, method, kind):  # noqa: F811
    client = as_user(kind)

    response = client.post(
        reverse("stakeholders:register_add", args=[project.public_id]),
        {
            "party": "nieuw",
            "name": NAME,
            "party_type": "bewonersinitiatief",
            "position": "neutraal",
        },
    )

    may = allowed(kind, Role.TEAMLID)
    assert response.status_code == (302 if may else refused_status(kind))
    assert _added(project) == may
    assert Stakeholder.objects.filter(party__name=NAME).exists() == may
    assert AuditEvent.objects.filter(action="stakeholder.added").exists() == may


def test_register_offers_a_new_organisation_by_the_same_rule(client, bob, project, method):
    client.force_login(bob)

    page = client.get(reverse("stakeholders:register_add", args=[project.public_id]))

    choices = dict(page.context["form"].fields["party"].choices)
    assert "nieuw" in choices
