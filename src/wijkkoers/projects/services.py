"""Every write in a project goes through these functions: one transaction, one audit entry."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkkoers.accounts.models import User
from wijkkoers.audit.services import record_event
from wijkkoers.core.mail import mail_subject
from wijkkoers.projects.models import (
    Invitation,
    Membership,
    Neighbourhood,
    Organisation,
    Project,
    Role,
    StepProgress,
    StepStatus,
)

PROJECT_FIELDS = ["name", "municipality", "description", "start_date", "status"]
PROGRESS_FIELDS = ["status", "reason", "owner", "target_date", "note"]
INVITATION_SALT = "wijkkoers.invitation"


class ProjectRuleError(Exception):
    """A change the project's rules do not allow; the message is for the user."""


class ProgressConflict(Exception):
    """Someone else changed the step since the form was opened."""

    def __init__(self, current: StepProgress):
        super().__init__("conflict")
        self.current = current


def _values(obj, fields) -> dict:
    return {field: getattr(obj, field) for field in fields}


# --- Projects -----------------------------------------------------------------------------


@transaction.atomic
def create_project(
    actor,
    *,
    name,
    municipality,
    description="",
    start_date=None,
    neighbourhoods=(),
    organisation=None,
) -> Project:
    """Start a workspace; its creator becomes its first projectleider."""
    project = Project.objects.create(
        name=name, municipality=municipality, description=description, start_date=start_date
    )
    for hood_name, cbs_code in neighbourhoods:
        Neighbourhood.objects.create(project=project, name=hood_name, cbs_code=cbs_code)
    Membership.objects.create(
        project=project, user=actor, role=Role.PROJECTLEIDER, organisation=organisation
    )
    if organisation:
        project.organisations.add(organisation)
    record_event(
        project=project,
        actor=actor,
        action="project.created",
        obj=project,
        new=_values(project, PROJECT_FIELDS),
    )
    return project


@transaction.atomic
def update_project(actor, project: Project, **changes) -> Project:
    """Change a project's settings; the old and new values go to the audit trail."""
    # Read the old values from the database: a ModelForm has already changed the instance.
    old = _values(Project.objects.get(pk=project.pk), changes)
    for field, value in changes.items():
        setattr(project, field, value)
    project.full_clean()
    project.save()
    if old != _values(project, changes):
        record_event(
            project=project,
            actor=actor,
            action="project.updated",
            obj=project,
            old=old,
            new=_values(project, changes),
        )
    return project


# --- Members ------------------------------------------------------------------------------


def _leaders_left(project, without: Membership) -> int:
    return project.memberships.filter(role=Role.PROJECTLEIDER).exclude(pk=without.pk).count()


@transaction.atomic
def change_member_role(actor, membership: Membership, role: str) -> Membership:
    """Give a member another role; the last projectleider cannot step down."""
    old_role = membership.role
    if (
        old_role == Role.PROJECTLEIDER
        and role != old_role
        and not _leaders_left(membership.project, membership)
    ):
        raise ProjectRuleError(_("A project always keeps at least one project leader."))
    membership.role = role
    membership.save(update_fields=["role"])
    record_event(
        project=membership.project,
        actor=actor,
        action="member.role_changed",
        obj=membership.user,
        old={"role": old_role},
        new={"role": role},
    )
    return membership


@transaction.atomic
def remove_member(actor, membership: Membership) -> None:
    """Take someone off the team; the last projectleider cannot be removed."""
    if membership.role == Role.PROJECTLEIDER and not _leaders_left(membership.project, membership):
        raise ProjectRuleError(_("A project always keeps at least one project leader."))
    record_event(
        project=membership.project,
        actor=actor,
        action="member.removed",
        obj=membership.user,
        old={"role": membership.role},
    )
    membership.delete()


# --- Invitations --------------------------------------------------------------------------


def invitation_token(invitation: Invitation) -> str:
    """A signed token for the current sending; a resend makes earlier links invalid."""
    return signing.dumps(
        {"id": str(invitation.public_id), "sent": invitation.sent_at.isoformat()},
        salt=INVITATION_SALT,
    )


def invitation_url(invitation: Invitation) -> str:
    from django.conf import settings

    return settings.SITE_URL + reverse("projects:invitation", args=[invitation_token(invitation)])


def _send_invitation(invitation: Invitation) -> None:
    """Queue the invitation mail once the transaction commits; a worker sends it."""
    # Imported here: projects.tasks imports this module for deliver_invitation.
    from wijkkoers.projects.tasks import send_invitation_mail

    language = translation.get_language()
    transaction.on_commit(lambda: send_invitation_mail.enqueue(invitation.pk, language))


def deliver_invitation(invitation_id: int, language: str) -> None:
    """Send the mail of an open invitation, with a link for its latest sending.

    Runs outside the request (projects.tasks). Side effects: one e-mail; on success the
    invitation's `mail_failed_at` is cleared, on any failure it is set (the members page
    shows the projectleider) and the error is raised again, so the task is logged as failed.
    """
    related = Invitation.objects.select_related("project", "invited_by")
    invitation = related.filter(pk=invitation_id).first()
    if invitation is None or not invitation.is_open:
        return
    try:
        with translation.override(language):
            context = {"invitation": invitation, "url": invitation_url(invitation)}
            send_mail(
                subject=mail_subject(
                    _("Invitation to join %(project)s on Wijkkoers")
                    % {"project": invitation.project.name}
                ),
                message=render_to_string("projects/email/invitation.txt", context),
                from_email=None,
                recipient_list=[invitation.email],
            )
    except Exception:
        Invitation.objects.filter(pk=invitation.pk).update(mail_failed_at=timezone.now())
        raise
    if invitation.mail_failed_at:
        Invitation.objects.filter(pk=invitation.pk).update(mail_failed_at=None)


@transaction.atomic
def invite_member(
    actor, project: Project, *, email: str, role: str, organisation=None
) -> Invitation:
    """Invite someone by e-mail, as a new or an existing account."""
    email = email.strip().lower()
    if project.memberships.filter(user__email__iexact=email).exists():
        raise ProjectRuleError(_("This person is already a member of the project."))
    invitation = Invitation.objects.create(
        project=project, email=email, role=role, organisation=organisation, invited_by=actor
    )
    record_event(
        project=project,
        actor=actor,
        action="invitation.sent",
        obj=invitation,
        new={"email": email, "role": role, "organisation": organisation},
    )
    _send_invitation(invitation)
    return invitation


@transaction.atomic
def resend_invitation(actor, invitation: Invitation) -> Invitation:
    """Send a fresh link, valid for another 7 days; the previous link stops working."""
    if invitation.accepted_at or invitation.revoked_at:
        raise ProjectRuleError(_("This invitation is no longer open."))
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["sent_at"])
    record_event(
        project=invitation.project,
        actor=actor,
        action="invitation.resent",
        obj=invitation,
    )
    _send_invitation(invitation)
    return invitation


@transaction.atomic
def revoke_invitation(actor, invitation: Invitation) -> Invitation:
    if invitation.accepted_at:
        raise ProjectRuleError(_("This invitation has already been accepted."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_event(
        project=invitation.project,
        actor=actor,
        action="invitation.revoked",
        obj=invitation,
    )
    return invitation


class InvitationProblem(Exception):
    """Why an invitation link cannot be used; `code` picks the message shown."""

    def __init__(self, code: str, invitation: Invitation | None = None):
        super().__init__(code)
        self.code = code
        self.invitation = invitation


def invitation_from_token(token: str) -> Invitation:
    """The open invitation behind a link, or InvitationProblem(invalid/expired/used/revoked)."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.select_related("project").get(public_id=data["id"])
    except (signing.BadSignature, Invitation.DoesNotExist, KeyError, ValueError, TypeError):
        raise InvitationProblem("invalid") from None
    if invitation.revoked_at:
        raise InvitationProblem("revoked", invitation)
    if invitation.accepted_at:
        raise InvitationProblem("used", invitation)
    if data.get("sent") != invitation.sent_at.isoformat() or not invitation.is_open:
        raise InvitationProblem("expired", invitation)
    return invitation


@transaction.atomic
def accept_invitation(user, token: str) -> Membership:
    """Join the project as the invited person; another logged-in account is refused."""
    invitation = invitation_from_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationProblem("used", invitation)
    if user.email.lower() != invitation.email.lower():
        raise InvitationProblem("wrong_user", invitation)
    membership, created = Membership.objects.get_or_create(
        project=invitation.project,
        user=user,
        defaults={"role": invitation.role, "organisation": invitation.organisation},
    )
    if invitation.organisation:
        invitation.organisation.members.add(user)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record_event(
        project=invitation.project,
        actor=user,
        action="member.joined",
        obj=user,
        new={"role": membership.role},
    )
    return membership


@transaction.atomic
def join_with_new_account(token: str, *, name: str, password: str):
    """Create an account for the invited address and accept the invitation with it.

    The person opened the signed link sent to that address, which proves they own it, so
    the address is stored as verified. An address that already has an account must log in.
    """
    invitation = invitation_from_token(token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationProblem("has_account", invitation)
    user = User(email=invitation.email, name=name.strip())
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return accept_invitation(user, token)


# --- Progress -----------------------------------------------------------------------------


@dataclass
class ProgressChange:
    status: str
    reason: str = ""
    owner: object = None
    target_date: object = None
    note: str = ""


@transaction.atomic
def set_step_progress(
    actor,
    project: Project,
    step_key: str,
    change: ProgressChange,
    *,
    expected_version: int,
    subproject=None,
) -> StepProgress:
    """Record where the team stands on a step.

    `expected_version` is the version the user saw. If someone saved in between, nothing is
    written and ProgressConflict carries their change, so the user can compare and retry.
    """
    progress, _created = StepProgress.objects.get_or_create(
        project=project, subproject=subproject, step_key=step_key
    )
    old = _values(progress, PROGRESS_FIELDS)
    new = {field: getattr(change, field) for field in PROGRESS_FIELDS}
    if change.status != StepStatus.NOT_APPLICABLE:
        new["reason"] = ""
    updated = StepProgress.objects.filter(pk=progress.pk, version=expected_version).update(
        **new,
        version=F("version") + 1,
        updated_by=actor,
        updated_at=timezone.now(),
        finished_at=_finished_at(progress, old["status"], new["status"]),
    )
    progress.refresh_from_db()
    if not updated:
        raise ProgressConflict(progress)
    if old == new:
        return progress
    record_event(
        project=project,
        actor=actor,
        action="progress.changed",
        obj=progress,
        old=old,
        new=new,
    )
    return progress


def _finished_at(progress, old_status, new_status):
    if new_status != StepStatus.FINISHED:
        return None
    return progress.finished_at if old_status == StepStatus.FINISHED else timezone.now()


# --- Settings: neighbourhoods and sub-projects ---------------------------------------------


@transaction.atomic
def add_neighbourhood(actor, project: Project, *, name: str, cbs_code: str = "") -> Neighbourhood:
    hood = Neighbourhood(project=project, name=name, cbs_code=cbs_code)
    hood.full_clean()
    hood.save()
    record_event(
        project=project,
        actor=actor,
        action="neighbourhood.added",
        obj=hood,
        new={"name": name, "cbs_code": cbs_code},
    )
    return hood


@transaction.atomic
def add_subproject(actor, project: Project, *, name: str, description: str = ""):
    from wijkkoers.projects.models import SubProject

    subproject = SubProject.objects.create(project=project, name=name, description=description)
    record_event(
        project=project,
        actor=actor,
        action="subproject.added",
        obj=subproject,
        new={"name": name},
    )
    return subproject


@transaction.atomic
def add_organisation(actor, project: Project, *, name: str, party_type: str) -> Organisation:
    """Put a party at the project's table; an organisation known by name is reused."""
    organisation, _created = Organisation.objects.get_or_create(
        name=name.strip(), defaults={"party_type": party_type}
    )
    project.organisations.add(organisation)
    record_event(
        project=project,
        actor=actor,
        action="organisation.added",
        obj=organisation,
        new={"name": organisation.name, "party_type": organisation.party_type},
    )
    return organisation
