"""The migration that gives each project its own parties keeps every link it had."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("projects", "0004_note_html_and_longer_step_key")]
AFTER = [("projects", "0007_remove_organisation")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def migrating_db(transactional_db):
    """A database outside a test transaction, so the schema can move back and forth.

    pytest-django runs transactional tests after the others, so the flush afterwards (which
    also empties the loaded method) costs the tests before it nothing.
    """
    try:
        yield
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_world(apps):
    """Two projects sharing the global "Gemeente Utrecht"; a member names an unlisted one."""
    User = apps.get_model("accounts", "User")
    Organisation = apps.get_model("projects", "Organisation")
    Project = apps.get_model("projects", "Project")
    alice = User.objects.create(email="alice@migratie.test", username="alice", name="Alice")
    bob = User.objects.create(email="bob@migratie.test", username="bob", name="Bob")
    utrecht = Organisation.objects.create(name="Gemeente Utrecht", party_type="gemeente")
    corporation = Organisation.objects.create(name="Woonstichting", party_type="woningcorporatie")
    utrecht.members.add(alice)
    north = Project.objects.create(name="Migratie Noord", municipality="Utrecht")
    south = Project.objects.create(name="Migratie Zuid", municipality="Utrecht")
    north.organisations.add(utrecht, corporation)
    south.organisations.add(utrecht)
    north.memberships.create(user=alice, role="projectleider", organisation=utrecht)
    south.memberships.create(user=alice, role="projectleider", organisation=utrecht)
    south.memberships.create(user=bob, role="teamlid", organisation=corporation)
    north.invitations.create(email="c@migratie.test", role="meelezer", organisation=corporation)


def test_migration_gives_each_project_its_own_copy_of_its_organisations(migrating_db):
    _old_world(_migrate(BEFORE))

    apps = _migrate(AFTER)

    Project = apps.get_model("projects", "Project")
    north, south = (
        Project.objects.get(name="Migratie Noord"),
        Project.objects.get(name="Migratie Zuid"),
    )
    assert sorted(north.parties.values_list("name", "party_type")) == [
        ("Gemeente Utrecht", "gemeente"),
        ("Woonstichting", "woningcorporatie"),
    ]
    # South never listed the corporation, but Bob spoke for it there: it becomes South's too.
    assert sorted(south.parties.values_list("name", flat=True)) == [
        "Gemeente Utrecht",
        "Woonstichting",
    ]
    for membership in apps.get_model("projects", "Membership").objects.filter(
        project__in=[north, south]
    ):
        assert membership.party.project_id == membership.project_id
    assert north.memberships.get().party.name == "Gemeente Utrecht"
    assert south.memberships.get(role="teamlid").party.name == "Woonstichting"
    invitation = north.invitations.get()
    assert (invitation.party.project_id, invitation.party.name) == (north.pk, "Woonstichting")
