"""Roles and RACI rows: the rules live in the services, each refusal writes nothing."""

import pytest

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import add_party, close_project, create_project, remove_member
from wijkkoers.raci.errors import (
    MemberNotOfProject,
    NoAccountable,
    NoResponsible,
    RoleConflict,
    RoleNameRequired,
    RoleNameTaken,
    RoleNotOfProject,
    RowConflict,
    RowSubjectRequired,
    SeveralAccountable,
    StepNotInMethod,
    TwoAccountable,
)
from wijkkoers.raci.models import RaciCell, RaciRow, TeamRole
from wijkkoers.raci.queries import matrix
from wijkkoers.raci.services import (
    RoleData,
    RowData,
    add_role,
    add_row,
    remove_role,
    remove_row,
    update_role,
    update_row,
)
from wijkkoers.raci.tool import compass_flags, summary

pytestmark = pytest.mark.django_db
STEP = "verwachtingen-en-rollen"


@pytest.fixture
def roles(alice, project):
    names = ["Procesregisseur gemeente", "Projectleider corporatie", "Communicatieadviseur"]
    return [add_role(alice, project, RoleData(name=name)) for name in names]


def test_add_role_with_member_and_party_is_audited(alice, bob, project, method):
    party = add_party(alice, project, name="Woonstichting", party_type="woningcorporatie")
    member = project.memberships.get(user=bob)

    role = add_role(
        alice,
        project,
        RoleData(
            name=" Procesregisseur ", description="Trekt het proces", member=member, party=party
        ),
    )

    assert (role.name, role.member, role.party) == ("Procesregisseur", member, party)
    event = AuditEvent.objects.get(action="raci.role_added")
    assert event.new["member"]["name"] == bob.display_name
    assert event.new["party"]["name"] == "Woonstichting"


def test_add_role_without_name_or_with_taken_name_is_refused(alice, project, roles):
    with pytest.raises(RoleNameRequired):
        add_role(alice, project, RoleData(name="  "))
    with pytest.raises(RoleNameTaken):
        add_role(alice, project, RoleData(name="procesregisseur GEMEENTE"))
    assert TeamRole.objects.filter(project=project).count() == 3


def test_add_role_with_member_of_another_project_is_refused(alice, project):
    other = create_project(alice, name="Andere wijk", municipality="Teststad")
    with pytest.raises(MemberNotOfProject):
        add_role(alice, project, RoleData(name="Rol", member=other.memberships.get()))
    assert not TeamRole.objects.exists()


def test_update_role_based_on_an_old_version_is_refused(alice, bob, project, roles):
    update_role(bob, roles[0], RoleData(name="Regisseur"), expected_version=0)

    with pytest.raises(RoleConflict) as caught:
        update_role(alice, roles[0], RoleData(name="Anders"), expected_version=0)

    assert caught.value.current.name == "Regisseur"
    roles[0].refresh_from_db()
    assert (roles[0].name, roles[0].version) == ("Regisseur", 1)


def test_add_row_with_one_a_and_an_r_saves_letters_and_audit(alice, project, roles, method):
    row = add_row(
        alice,
        project,
        RowData(activity="Communicatieplan", step_key=STEP, letters=_letters(roles, "A", "R", "I")),
    )

    assert sorted(row.cells.values_list("letter", flat=True)) == ["A", "I", "R"]
    event = AuditEvent.objects.get(action="raci.row_added")
    assert event.new["letters"] == {
        "Communicatieadviseur": "I",
        "Procesregisseur gemeente": "A",
        "Projectleider corporatie": "R",
    }


def test_add_row_with_two_as_is_refused_naming_both(alice, project, roles):
    with pytest.raises(TwoAccountable) as caught:
        add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "A", "R")))

    assert "Procesregisseur gemeente" in str(caught.value)
    assert "Projectleider corporatie" in str(caught.value)
    assert not RaciRow.objects.exists()
    assert not RaciCell.objects.exists()


def test_add_row_with_three_as_is_refused(alice, project, roles):
    with pytest.raises(SeveralAccountable):
        add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "A", "A")))


def test_add_row_without_a_or_without_r_is_refused(alice, project, roles):
    with pytest.raises(NoAccountable):
        add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "R", "C", "")))
    with pytest.raises(NoResponsible):
        add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "C", "I")))
    assert not RaciRow.objects.exists()


def test_add_row_needs_an_activity_or_a_known_step(alice, project, roles, method):
    letters = _letters(roles, "A", "R", "")
    with pytest.raises(RowSubjectRequired):
        add_row(alice, project, RowData(letters=letters))
    with pytest.raises(StepNotInMethod):
        add_row(alice, project, RowData(step_key="bestaat-niet", letters=letters))
    assert not RaciRow.objects.exists()


def test_add_row_with_another_projects_role_is_refused(alice, project, roles):
    other = create_project(alice, name="Andere wijk", municipality="Teststad")
    stranger = add_role(alice, other, RoleData(name="Vreemde rol"))
    letters = {roles[0]: "A", stranger: "R"}
    with pytest.raises(RoleNotOfProject):
        add_row(alice, project, RowData(activity="Plan", letters=letters))


def test_update_row_based_on_an_old_version_is_refused(alice, bob, project, roles):
    row = add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "R", "")))
    update_row(
        bob,
        row,
        RowData(activity="Plan", letters=_letters(roles, "R", "A", "")),
        expected_version=0,
    )

    with pytest.raises(RowConflict):
        update_row(
            alice,
            row,
            RowData(activity="Plan", letters=_letters(roles, "A", "R", "C")),
            expected_version=0,
        )

    assert dict(row.cells.values_list("role__name", "letter")) == {
        "Procesregisseur gemeente": "R",
        "Projectleider corporatie": "A",
    }
    assert AuditEvent.objects.filter(action="raci.row_changed").count() == 1


def test_update_row_refused_keeps_the_old_letters(alice, project, roles):
    row = add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "R", "")))
    with pytest.raises(TwoAccountable):
        update_row(
            alice,
            row,
            RowData(activity="Plan", letters=_letters(roles, "A", "A", "R")),
            expected_version=0,
        )
    assert sorted(row.cells.values_list("letter", flat=True)) == ["A", "R"]
    row.refresh_from_db()
    assert row.version == 0


def test_remove_role_holding_the_a_is_allowed_and_flags_the_step(alice, project, roles, method):
    add_row(alice, project, RowData(step_key=STEP, letters=_letters(roles, "A", "R", "")))
    add_row(alice, project, RowData(activity="Nieuwsbrief", letters=_letters(roles, "C", "A", "R")))

    broken = remove_role(alice, roles[0])

    assert [row.step_key for row in broken] == [STEP]
    assert compass_flags(project) == {STEP: "RACI: geen geldige A en R toegewezen"}
    event = AuditEvent.objects.get(action="raci.role_removed")
    assert event.new["rows_left_incomplete"] == [broken[0].label]
    assert summary(project).warnings


def test_remove_role_with_only_c_and_i_flags_nothing(alice, project, roles, method):
    add_row(alice, project, RowData(step_key=STEP, letters=_letters(roles, "A", "R", "I")))

    assert remove_role(alice, roles[2]) == []
    assert compass_flags(project) == {}


def test_removing_a_member_keeps_the_role_unfilled(alice, bob, project):
    role = add_role(alice, project, RoleData(name="Rol", member=project.memberships.get(user=bob)))
    remove_member(alice, project.memberships.get(user=bob))
    role.refresh_from_db()
    assert role.member is None


def test_remove_row_is_audited(alice, project, roles):
    row = add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "R", "")))
    remove_row(alice, row)
    assert not RaciRow.objects.exists()
    assert AuditEvent.objects.get(action="raci.row_removed").old["activity"] == "Plan"


def test_writes_in_a_closed_project_are_refused(alice, project, roles):
    close_project(alice, project, reason="Klaar")
    with pytest.raises(ProjectClosed):
        add_role(alice, project, RoleData(name="Nog een rol"))
    with pytest.raises(ProjectClosed):
        add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "R", "")))


def test_summary_and_matrix_count_roles_rows_and_flags(alice, project, roles):
    assert summary(project).lines[0][1] == "3"
    add_row(alice, project, RowData(activity="Plan", letters=_letters(roles, "A", "R", "")))
    remove_role(alice, roles[1])

    found = matrix(project)
    assert [line.problem for line in found.rows] == ["Geen R"]
    assert found.flagged == 1
    assert [value for _label, value in summary(project).lines] == ["2", "1", "1"]


def _letters(roles, *letters) -> dict:
    return dict(zip(roles, letters, strict=True))
