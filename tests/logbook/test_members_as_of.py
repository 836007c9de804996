"""The team as it stood on a day: roles and parties rolled back, removed members back."""

from datetime import timedelta

from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.report_queries import members_as_of, snapshot
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import (
    add_member,
    add_party,
    change_member_party,
    change_member_role,
    remove_member,
)

YESTERDAY = timezone.localdate() - timedelta(days=1)


def _backdate_all(project, days=2):
    """Move everything recorded so far to `days` ago, so 'yesterday' comes after it."""
    earlier = timezone.now() - timedelta(days=days)
    AuditEvent.objects.filter(project=project).update(at=earlier)
    project.memberships.update(joined_at=earlier)
    project.parties.update(created_at=earlier)


def _names(members):
    return {
        m.user.display_name: (m.get_role_display(), m.party.name if m.party else "")
        for m in members
    }


def test_a_member_removed_since_is_on_the_team_of_before(project, alice, bob, mila):
    _backdate_all(project)
    remove_member(alice, project.memberships.get(user=bob))

    then = members_as_of(project, YESTERDAY)
    today = members_as_of(project, timezone.localdate())

    assert "Bob Teamlid" in _names(then)
    assert _names(then)["Bob Teamlid"][0] == "teamlid"
    assert "Bob Teamlid" not in _names(today)


def test_role_and_party_changes_since_are_rolled_back(project, alice, bob, method):
    corporation = add_party(alice, project, name="Woonstad", party_type="woningcorporatie")
    _backdate_all(project)
    membership = project.memberships.get(user=bob)
    change_member_role(alice, membership, Role.PROJECTLEIDER)
    change_member_party(alice, project.memberships.get(user=bob), corporation)

    then = _names(members_as_of(project, YESTERDAY))
    now = _names(members_as_of(project, timezone.localdate()))

    assert then["Bob Teamlid"] == ("teamlid", "")
    assert now["Bob Teamlid"] == ("projectleider", "Woonstad")


def test_someone_who_joined_since_is_not_on_the_team_of_before(project, alice):
    _backdate_all(project)
    newcomer = UserFactory(name="Nadia Nieuw")
    add_member(alice, project, newcomer, role=Role.TEAMLID)

    assert "Nadia Nieuw" not in _names(members_as_of(project, YESTERDAY))


def test_the_snapshot_leaders_follow_the_roles_of_then(project, alice, bob, method):
    _backdate_all(project)
    change_member_role(alice, project.memberships.get(user=bob), Role.PROJECTLEIDER)

    leaders = {m.user.display_name for m in snapshot(project, YESTERDAY).leaders}

    assert leaders == {"Alice Projectleider"}


def test_members_as_of_costs_three_queries(project, alice, django_assert_num_queries):
    _backdate_all(project)
    with django_assert_num_queries(3):
        members_as_of(project, YESTERDAY)
