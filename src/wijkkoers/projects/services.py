"""Every write in a project goes through these functions: one transaction, one audit entry."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkoers.accounts.models import User
from wijkkoers.audit.services import record_event
from wijkkoers.method.models import PartyType
from wijkkoers.projects.errors import (
    PartyNameTaken,
    PartyNotInProject,
    PartyOtherTypeMissing,
    PartyTypeUnknown,
)
from wijkkoers.projects.models import (
    Invitation,
    Membership,
    Neighbourhood,
    Party,
    Project,
    Role,
    StepProgress,
    StepProgressChange,
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
) -> Project:
    """Start a workspace; its creator becomes its first projectleider."""
    project = Project.objects.create(
        name=name, municipality=municipality, description=description, start_date=start_date
    )
    for hood_name, cbs_code in neighbourhoods:
        Neighbourhood.objects.create(project=project, name=hood_name, cbs_code=cbs_code)
    Membership.objects.create(project=project, user=actor, role=Role.PROJECTLEIDER)
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


def _check_party(project: Project, party: Party | None) -> None:
    """A member or invitee can only belong to one of this project's own parties."""
    if party is not None and party.project_id != project.pk:
        raise PartyNotInProject


@transaction.atomic
def add_member(actor, project: Project, user, *, role: str, party: Party | None = None):
    """Put an existing account on the team directly (the demo and tests; people are invited)."""
    _check_party(project, party)
    if project.memberships.filter(user=user).exists():
        raise ProjectRuleError(_("This person is already a member of the project."))
    membership = Membership.objects.create(project=project, user=user, role=role, party=party)
    record_event(
        project=project,
        actor=actor,
        action="member.added",
        obj=user,
        new={"role": role, "party": party},
    )
    return membership


@transaction.atomic
def change_member_party(actor, membership: Membership, party: Party | None) -> Membership:
    """Say which of the project's parties a member speaks for (or none)."""
    _check_party(membership.project, party)
    old_party = membership.party
    if old_party == party:
        return membership
    membership.party = party
    membership.save(update_fields=["party"])
    record_event(
        project=membership.project,
        actor=actor,
        action="member.party_changed",
        obj=membership.user,
        old={"party": old_party},
        new={"party": party},
    )
    return membership


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
    context = {"invitation": invitation, "url": invitation_url(invitation)}
    send_mail(
        subject=_("Invitation to join %(project)s on Wijkkoers")
        % {"project": invitation.project.name},
        message=render_to_string("projects/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invite_member(
    actor, project: Project, *, email: str, role: str, party: Party | None = None
) -> Invitation:
    """Invite someone by e-mail, as a new or an existing account, for one of the parties."""
    _check_party(project, party)
    email = email.strip().lower()
    if project.memberships.filter(user__email__iexact=email).exists():
        raise ProjectRuleError(_("This person is already a member of the project."))
    invitation = Invitation.objects.create(
        project=project, email=email, role=role, party=party, invited_by=actor
    )
    record_event(
        project=project,
        actor=actor,
        action="invitation.sent",
        obj=invitation,
        new={"email": email, "role": role, "party": party},
    )
    transaction.on_commit(lambda: _send_invitation(invitation))
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
    transaction.on_commit(lambda: _send_invitation(invitation))
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
        defaults={"role": invitation.role, "party": invitation.party},
    )
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
    StepProgressChange.objects.create(
        progress=progress,
        actor=actor,
        from_status=old["status"],
        to_status=new["status"],
        old=_plain(old),
        new=_plain(new),
    )
    record_event(
        project=project,
        actor=actor,
        action="progress.changed",
        obj=f"{step_key}{f' ({subproject})' if subproject else ''}",
        old=old,
        new=new,
    )
    return progress


def _finished_at(progress, old_status, new_status):
    if new_status != StepStatus.FINISHED:
        return None
    return progress.finished_at if old_status == StepStatus.FINISHED else timezone.now()


def _plain(values: dict) -> dict:
    return {k: (v if isinstance(v, (str, int, type(None))) else str(v)) for k, v in values.items()}


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


# --- Parties --------------------------------------------------------------------------------

PARTY_FIELDS = ["name", "party_type", "other_type", "description"]


def _check_party_type(party_type: str, other_type: str) -> None:
    if party_type == Party.OTHER:
        if not other_type.strip():
            raise PartyOtherTypeMissing
    elif not PartyType.objects.filter(key=party_type).exists():
        raise PartyTypeUnknown


def _check_party_name(project: Project, name: str, *, without: Party | None = None) -> None:
    same = project.parties.filter(name__iexact=name)
    if without is not None:
        same = same.exclude(pk=without.pk)
    if same.exists():
        raise PartyNameTaken


def _save_party(party: Party) -> None:
    # Two people adding the same name at once: the database constraint decides.
    try:
        with transaction.atomic():
            party.save()
    except IntegrityError:
        raise PartyNameTaken from None


@transaction.atomic
def add_party(
    actor,
    project: Project,
    *,
    name: str,
    party_type: str,
    other_type: str = "",
    description: str = "",
) -> Party:
    """Put a party at the project's table, typed by the method (or `Party.OTHER` + a label).

    Names are unique within the project, ignoring case; other projects are not looked at.
    Writes the party and a `party.added` audit entry.
    """
    name = name.strip()
    other_type = other_type.strip() if party_type == Party.OTHER else ""
    _check_party_type(party_type, other_type)
    _check_party_name(project, name)
    party = Party(
        project=project,
        name=name,
        party_type=party_type,
        other_type=other_type,
        description=description.strip(),
    )
    _save_party(party)
    record_event(
        project=project,
        actor=actor,
        action="party.added",
        obj=party,
        new=_values(party, PARTY_FIELDS),
    )
    return party


@transaction.atomic
def update_party(actor, party: Party, **changes) -> Party:
    """Rename or retype one of the project's parties, or change its description.

    The same rules as `add_party`; a kind that the method has since dropped may stay as it
    is. Writes a `party.updated` audit entry with the old and new values, if anything changed.
    """
    party = Party.objects.select_for_update().get(pk=party.pk)
    old = _values(party, PARTY_FIELDS)
    new = {**old, **{field: changes[field] for field in PARTY_FIELDS if field in changes}}
    new = {field: value.strip() for field, value in new.items()}
    if new["party_type"] != Party.OTHER:
        new["other_type"] = ""
    if (new["party_type"], new["other_type"]) != (old["party_type"], old["other_type"]):
        _check_party_type(new["party_type"], new["other_type"])
    if new["name"].lower() != old["name"].lower():
        _check_party_name(party.project, new["name"], without=party)
    if new == old:
        return party
    for field, value in new.items():
        setattr(party, field, value)
    _save_party(party)
    changed = [field for field in PARTY_FIELDS if old[field] != new[field]]
    record_event(
        project=party.project,
        actor=actor,
        action="party.updated",
        obj=party,
        old={field: old[field] for field in changed},
        new={field: new[field] for field in changed},
    )
    return party
