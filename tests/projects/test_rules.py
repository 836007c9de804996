"""Every rule of a project, enforced by the services themselves (the API will call them)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.core.errors import NotFound
from wijkkoers.projects import errors
from wijkkoers.projects.models import Invitation, Membership, Project, Role, StepProgress
from wijkkoers.projects.services import (
    ProgressChange,
    accept_invitation,
    add_neighbourhood,
    add_party,
    add_subproject,
    change_member_role,
    close_project,
    invitation_token,
    invite_member,
    remove_member,
    reopen_project,
    resend_invitation,
    revoke_invitation,
    set_step_progress,
    update_project,
)

pytestmark = pytest.mark.django_db
SEED = "helderheid-over-ambities"


def progress_of(project, key=SEED):
    return StepProgress.objects.filter(project=project, step_key=key).first()


# --- Progress ----------------------------------------------------------------------------


def test_set_step_progress_owner_not_a_member_is_refused(bob, project, method):
    stranger = UserFactory()

    with pytest.raises(errors.OwnerNotMember) as error:
        set_step_progress(
            bob, project, SEED, ProgressChange(status="gestart", owner=stranger), expected_version=0
        )

    assert error.value.field == "owner"
    assert progress_of(project) is None


def test_set_step_progress_owner_who_is_a_member_is_stored(bob, mila, project, method):
    progress = set_step_progress(
        bob, project, SEED, ProgressChange(status="gestart", owner=mila), expected_version=0
    )

    assert progress.owner == mila


def test_set_step_progress_unknown_status_is_refused(bob, project, method):
    with pytest.raises(errors.InvalidStepStatus):
        set_step_progress(bob, project, SEED, ProgressChange(status="klaar"), expected_version=0)

    assert progress_of(project) is None


def test_set_step_progress_unknown_step_is_refused(bob, project, method):
    with pytest.raises(errors.UnknownStep):
        set_step_progress(
            bob, project, "bestaat-niet", ProgressChange(status="gestart"), expected_version=0
        )

    assert not StepProgress.objects.filter(project=project).exists()


def test_set_step_progress_not_applicable_without_reason_is_refused(bob, project, method):
    with pytest.raises(errors.ReasonRequired) as error:
        set_step_progress(
            bob, project, SEED, ProgressChange(status="nvt", reason="  "), expected_version=0
        )

    assert error.value.field == "reason"
    assert progress_of(project) is None


def test_set_step_progress_target_date_in_the_past_is_refused(bob, project, method):
    yesterday = timezone.localdate() - timedelta(days=1)

    with pytest.raises(errors.TargetDateInPast):
        set_step_progress(
            bob,
            project,
            SEED,
            ProgressChange(status="gestart", target_date=yesterday),
            expected_version=0,
        )

    assert progress_of(project) is None


def test_set_step_progress_unchanged_past_date_of_an_overdue_step_is_fine(bob, project, method):
    set_step_progress(
        bob,
        project,
        SEED,
        ProgressChange(status="gestart", target_date=timezone.localdate()),
        expected_version=0,
    )
    past = timezone.localdate() - timedelta(days=3)
    StepProgress.objects.filter(project=project, step_key=SEED).update(target_date=past)

    progress = set_step_progress(
        bob,
        project,
        SEED,
        ProgressChange(status="gepauzeerd", target_date=past),
        expected_version=1,
    )

    assert progress.status == "gepauzeerd"
    assert progress.target_date == past


def test_set_step_progress_stores_the_note_rendered_and_sanitised(bob, project, method):
    progress = set_step_progress(
        bob,
        project,
        SEED,
        ProgressChange(
            status="gestart", note="**vet** <script>x</script> [a](knooppunt:" + SEED + ")"
        ),
        expected_version=0,
    )

    assert "<strong>vet</strong>" in progress.note_html
    assert "<script" not in progress.note_html
    assert f'/{SEED}/">a</a>' in progress.note_html


def test_set_step_progress_subproject_of_another_project_is_refused(alice, bob, project, method):
    other = Project.objects.create(name="Elders", municipality="Elders")
    foreign = other.subprojects.create(name="Vreemd")

    with pytest.raises(NotFound):
        set_step_progress(
            bob,
            project,
            SEED,
            ProgressChange(status="gestart"),
            expected_version=0,
            subproject=foreign,
        )

    assert not StepProgress.objects.exists()


# --- Members and invitations ---------------------------------------------------------------


def test_change_member_role_last_projectleider_is_refused(alice, project):
    leader = project.memberships.get(user=alice)

    with pytest.raises(errors.LastProjectLeader):
        change_member_role(alice, leader, Role.TEAMLID)

    leader.refresh_from_db()
    assert leader.role == Role.PROJECTLEIDER


def test_remove_member_last_projectleider_is_refused(alice, project):
    leader = project.memberships.get(user=alice)

    with pytest.raises(errors.LastProjectLeader):
        remove_member(alice, leader)

    assert Membership.objects.filter(pk=leader.pk).exists()


def test_change_member_role_unknown_role_is_refused(alice, mila, project):
    membership = project.memberships.get(user=mila)

    with pytest.raises(errors.InvalidRole):
        change_member_role(alice, membership, "baas")

    membership.refresh_from_db()
    assert membership.role == Role.MEELEZER


def test_change_member_role_reads_the_current_role_not_a_stale_one(alice, bob, project):
    """A second leader stepping down sees the role as stored, not as loaded earlier."""
    bob_membership = project.memberships.get(user=bob)
    change_member_role(alice, bob_membership, Role.PROJECTLEIDER)
    alice_membership = project.memberships.get(user=alice)
    stale_bob = project.memberships.get(user=bob)
    change_member_role(bob, alice_membership, Role.TEAMLID)

    with pytest.raises(errors.LastProjectLeader):
        change_member_role(bob, stale_bob, Role.TEAMLID)

    assert project.memberships.filter(role=Role.PROJECTLEIDER).count() == 1


def test_invite_member_already_a_member_is_refused(alice, project):
    with pytest.raises(errors.AlreadyMember) as error:
        invite_member(alice, project, email=" BOB@example.org ", role=Role.TEAMLID)

    assert error.value.field == "email"
    assert not project.invitations.exists()


def test_resend_invitation_that_is_no_longer_open_is_refused(alice, project):
    invitation = invite_member(alice, project, email="x@example.org", role=Role.TEAMLID)
    revoke_invitation(alice, invitation)

    with pytest.raises(errors.InvitationNotOpen):
        resend_invitation(alice, invitation)


def test_revoke_invitation_already_accepted_is_refused(alice, project):
    newcomer = UserFactory(email="nieuw@example.org")
    invitation = invite_member(alice, project, email=newcomer.email, role=Role.TEAMLID)
    accept_invitation(newcomer, invitation_token(invitation))
    invitation.refresh_from_db()

    with pytest.raises(errors.InvitationAlreadyAccepted):
        revoke_invitation(alice, invitation)


def test_accept_invitation_by_another_account_is_refused(alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role=Role.TEAMLID)
    someone_else = UserFactory()

    with pytest.raises(errors.InvitationWrongUser) as error:
        accept_invitation(someone_else, invitation_token(invitation))

    assert error.value.status == 403
    assert not project.memberships.filter(user=someone_else).exists()


def test_invitation_problem_messages_are_translated_words_not_codes(alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role=Role.TEAMLID)
    token = invitation_token(invitation)
    revoke_invitation(alice, invitation)

    with pytest.raises(errors.InvitationRevoked) as error:
        accept_invitation(UserFactory(email="nieuw@example.org"), token)

    assert str(error.value) == "De projectleider heeft deze uitnodiging ingetrokken."


# --- Lifecycle: a closed project accepts no writes -----------------------------------------


def test_close_project_is_audited_with_the_reason(alice, project):
    close_project(alice, project, reason="Wijk is klaar")

    project.refresh_from_db()
    event = AuditEvent.objects.get(project=project, action="project.closed")
    assert project.status == Project.Status.CLOSED
    assert event.actor == alice
    assert event.new == {"status": "closed", "reason": "Wijk is klaar"}


def test_reopen_project_is_audited(alice, project):
    close_project(alice, project)

    reopen_project(alice, project, reason="Nieuwe fase")

    project.refresh_from_db()
    assert project.status == Project.Status.ACTIVE
    assert AuditEvent.objects.filter(project=project, action="project.reopened").exists()


def test_reopen_project_that_is_open_is_refused(alice, project):
    with pytest.raises(errors.ProjectNotClosed):
        reopen_project(alice, project)


def test_update_project_cannot_close_without_the_close_act(alice, project):
    with pytest.raises(errors.CloseWithAction):
        update_project(alice, project, status=Project.Status.CLOSED)

    project.refresh_from_db()
    assert project.status == Project.Status.ACTIVE


@pytest.fixture
def closed(alice, project):
    close_project(alice, project)
    return project


@pytest.mark.parametrize(
    "write",
    [
        "update_project",
        "close_project",
        "set_step_progress",
        "change_member_role",
        "remove_member",
        "invite_member",
        "add_neighbourhood",
        "add_subproject",
        "add_party",
    ],
)
def test_closed_project_refuses_every_write(alice, mila, closed, method, write):
    membership = closed.memberships.get(user=mila)
    calls = {
        "update_project": lambda: update_project(alice, closed, name="Anders"),
        "close_project": lambda: close_project(alice, closed),
        "set_step_progress": lambda: set_step_progress(
            alice, closed, SEED, ProgressChange(status="gestart"), expected_version=0
        ),
        "change_member_role": lambda: change_member_role(alice, membership, Role.TEAMLID),
        "remove_member": lambda: remove_member(alice, membership),
        "invite_member": lambda: invite_member(
            alice, closed, email="x@example.org", role=Role.TEAMLID
        ),
        "add_neighbourhood": lambda: add_neighbourhood(alice, closed, name="Noord"),
        "add_subproject": lambda: add_subproject(alice, closed, name="Hoogbouw"),
        "add_party": lambda: add_party(alice, closed, name="Gemeente", party_type="gemeente"),
    }
    events_before = AuditEvent.objects.count()

    with pytest.raises(errors.ProjectClosed):
        calls[write]()

    closed.refresh_from_db()
    membership.refresh_from_db()
    assert closed.name == "Wijkaanpak Testwijk"
    assert membership.role == Role.MEELEZER
    assert not StepProgress.objects.filter(project=closed).exists()
    assert not closed.invitations.exists()
    assert not closed.neighbourhoods.exists()
    assert not closed.subprojects.exists()
    assert AuditEvent.objects.count() == events_before


def test_closed_project_refuses_invitation_and_resend(alice, project):
    invitation = invite_member(alice, project, email="nieuw@example.org", role=Role.TEAMLID)
    close_project(alice, project)
    newcomer = UserFactory(email="nieuw@example.org")

    with pytest.raises(errors.ProjectClosed):
        accept_invitation(newcomer, invitation_token(invitation))
    with pytest.raises(errors.ProjectClosed):
        resend_invitation(alice, Invitation.objects.get(pk=invitation.pk))

    assert not project.memberships.filter(user=newcomer).exists()
