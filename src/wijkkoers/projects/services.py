"""Every write in a project goes through these functions: one transaction, one audit entry."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wijkkoers.accounts.models import User
from wijkkoers.audit.services import record_event
from wijkkoers.core.errors import NotFound
from wijkkoers.core.mail import mail_context, mail_subject
from wijkkoers.method.markdown import linked_step_keys, render_markdown
from wijkkoers.method.models import PartyType
from wijkkoers.projects import freshness
from wijkkoers.projects.errors import (
    AlreadyMember,
    CloseWithAction,
    InvalidRole,
    InvalidStepStatus,
    InvitationAlreadyAccepted,
    InvitationExpired,
    InvitationHasAccount,
    InvitationInvalid,
    InvitationNotOpen,
    InvitationProblem,
    InvitationRevoked,
    InvitationUsed,
    InvitationWrongUser,
    LastProjectLeader,
    OwnerNotMember,
    PartyInUse,
    PartyIsStakeholder,
    PartyNameTaken,
    PartyNotAllowed,
    PartyNotInProject,
    PartyOtherTypeMissing,
    PartyTypeUnknown,
    ProgressConflict,
    ProjectClosed,
    ProjectNotClosed,
    ReasonRequired,
    SubProjectHasProgress,
    TargetDateInPast,
    UnknownStep,
)
from wijkkoers.projects.models import (
    Invitation,
    Membership,
    Neighbourhood,
    Party,
    Project,
    Role,
    StepProgress,
    StepStatus,
    SubProject,
)
from wijkkoers.projects.queries import step_exists, step_urls_for
from wijkkoers.projects.rules import can

PROJECT_FIELDS = ["name", "municipality", "description", "start_date", "status"]
PROGRESS_FIELDS = ["status", "reason", "owner", "target_date", "note"]
INVITATION_SALT = "wijkkoers.invitation"


__all__ = ["InvitationProblem", "ProgressConflict"]  # raised here, defined in errors.py


def _values(obj, fields) -> dict:
    return {field: getattr(obj, field) for field in fields}


def _lock_open_project(project: Project) -> Project:
    """The guard of every write: lock the project row, refuse if the project is closed.

    The lock serialises writes to one project (PostgreSQL; SQLite's IMMEDIATE transactions
    already do), so a rule that counts rows (one projectleider at least) or reads the
    project's state cannot be passed by two writers at the same moment. Call it first.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.status == Project.Status.CLOSED:
        raise ProjectClosed
    freshness.bump(locked, project)
    return locked


# The guard other apps' write services call first (the logbook, the tools).
lock_open_project = _lock_open_project


def lock_current(obj, *, queryset=None, expected_version=None, conflict=None):
    """The opening of a write to one row of a project: returns (locked project, the row now).

    Locks the project and refuses a closed one (`lock_open_project`), then reads the row
    afresh from `queryset` (default: its model's), since another request may have changed
    or removed it meanwhile (`NotFound`). With `expected_version` (the version the user
    saw) a row saved in between is refused with `conflict(current)`; nothing is written.
    """
    project = _lock_open_project(obj.project)
    rows = queryset if queryset is not None else type(obj)._default_manager
    current = rows.filter(pk=obj.pk).first()
    if current is None:
        raise NotFound
    if expected_version is not None and current.version != expected_version:
        raise conflict(current)
    return project, current


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
    """Change a project's settings; the old and new values go to the audit trail.

    Refused on a closed project; closing itself is `close_project` (it takes a reason).
    """
    # Read the old values from the database: a ModelForm has already changed the instance.
    locked = _lock_open_project(project)
    if changes.get("status") == Project.Status.CLOSED:
        raise CloseWithAction
    old = _values(locked, changes)
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


@transaction.atomic
def close_project(actor, project: Project, *, reason: str = "") -> Project:
    """Make the project read-only for everyone; it stays listed, archived, never deleted.

    Side effects: status becomes closed; audit "project.closed" with the reason.
    """
    locked = _lock_open_project(project)
    return _set_status(actor, project, locked.status, Project.Status.CLOSED, reason)


@transaction.atomic
def reopen_project(actor, project: Project, *, reason: str = "") -> Project:
    """Open a closed project again (the only write a closed project accepts).

    Side effects: status becomes active; audit "project.reopened" with the reason.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.status != Project.Status.CLOSED:
        raise ProjectNotClosed
    freshness.bump(locked, project)
    return _set_status(actor, project, locked.status, Project.Status.ACTIVE, reason)


def _set_status(actor, project, old_status, new_status, reason) -> Project:
    project.status = new_status
    Project.objects.filter(pk=project.pk).update(status=new_status, updated_at=timezone.now())
    action = "project.closed" if new_status == Project.Status.CLOSED else "project.reopened"
    record_event(
        project=project,
        actor=actor,
        action=action,
        obj=project,
        old={"status": old_status},
        new={"status": new_status, "reason": reason.strip()},
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
    _lock_open_project(project)
    if role not in Role.values:
        raise InvalidRole
    _check_party(project, party)
    if project.memberships.filter(user=user).exists():
        raise AlreadyMember
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
    _lock_open_project(membership.project)
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


def _current(membership: Membership) -> Membership:
    """The membership as it is now (call after locking): another request may have changed it."""
    current = Membership.objects.filter(pk=membership.pk).first()
    if current is None:
        raise NotFound
    return current


@transaction.atomic
def change_member_role(actor, membership: Membership, role: str) -> Membership:
    """Give a member another role; the last projectleider cannot step down.

    Locks the project row first, then counts the leaders, so two leaders demoting each
    other at once cannot both pass. Side effects: the role; audit "member.role_changed".
    """
    _lock_open_project(membership.project)
    if role not in Role.values:
        raise InvalidRole
    old_role = _current(membership).role
    if (
        old_role == Role.PROJECTLEIDER
        and role != old_role
        and not _leaders_left(membership.project, membership)
    ):
        raise LastProjectLeader
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
    """Take someone off the team; the last projectleider cannot be removed.

    Locks the project row before counting (see change_member_role). Side effects: the
    membership is deleted; audit "member.removed".
    """
    _lock_open_project(membership.project)
    membership.role = _current(membership).role
    if membership.role == Role.PROJECTLEIDER and not _leaders_left(membership.project, membership):
        raise LastProjectLeader
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
            context = mail_context(invitation=invitation, url=invitation_url(invitation))
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
    actor, project: Project, *, email: str, role: str, party: Party | None = None
) -> Invitation:
    """Invite someone by e-mail, as a new or an existing account, for one of the parties.

    Side effects: an Invitation; audit "invitation.sent"; the mail after commit.
    """
    _lock_open_project(project)
    if role not in Role.values:
        raise InvalidRole
    _check_party(project, party)
    email = email.strip().lower()
    if project.memberships.filter(user__email__iexact=email).exists():
        raise AlreadyMember
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
    _send_invitation(invitation)
    return invitation


@transaction.atomic
def resend_invitation(actor, invitation: Invitation) -> Invitation:
    """Send a fresh link, valid for another 7 days; the previous link stops working."""
    _lock_open_project(invitation.project)
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationNotOpen
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
    """Withdraw an invitation; its link stops working. Audit "invitation.revoked"."""
    _lock_open_project(invitation.project)
    if invitation.accepted_at:
        raise InvitationAlreadyAccepted
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    record_event(
        project=invitation.project,
        actor=actor,
        action="invitation.revoked",
        obj=invitation,
    )
    return invitation


def invitation_from_token(token: str) -> Invitation:
    """The open invitation behind a link, or InvitationProblem(invalid/expired/used/revoked)."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT)
        invitation = Invitation.objects.select_related("project").get(public_id=data["id"])
    except (signing.BadSignature, Invitation.DoesNotExist, KeyError, ValueError, TypeError):
        raise InvitationInvalid from None
    if invitation.revoked_at:
        raise InvitationRevoked(invitation)
    if invitation.accepted_at:
        raise InvitationUsed(invitation)
    if data.get("sent") != invitation.sent_at.isoformat() or not invitation.is_open:
        raise InvitationExpired(invitation)
    return invitation


@transaction.atomic
def accept_invitation(user, token: str) -> Membership:
    """Join the project as the invited person; another logged-in account is refused.

    Refused while the project is closed. Side effects: a Membership; the invitation is
    marked accepted; audit "member.joined".
    """
    invitation = invitation_from_token(token)
    _lock_open_project(invitation.project)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at:
        raise InvitationUsed(invitation)
    if user.email.lower() != invitation.email.lower():
        raise InvitationWrongUser(invitation)
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
        raise InvitationHasAccount(invitation)
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
    Rules (each its own error): the project is open, the step exists in the live method,
    the owner is a member, "not applicable" has a reason, a target date that is set or
    changed is not in the past. Side effects: the progress row (with the note rendered to
    `note_html` once, here), the audit entry "progress.changed" (its history) and, when the
    owner became someone other than the actor, a mail to the new owner after commit.
    """
    _lock_open_project(project)
    if subproject is not None and subproject.project_id != project.pk:
        raise NotFound
    if not step_exists(step_key):
        raise UnknownStep
    progress = StepProgress.objects.filter(
        project=project, subproject=subproject, step_key=step_key
    ).first()
    _check_progress_change(project, change, progress.target_date if progress else None)
    if progress is None:
        progress = StepProgress.objects.create(
            project=project, subproject=subproject, step_key=step_key
        )
    old = _values(progress, PROGRESS_FIELDS)
    new = {field: getattr(change, field) for field in PROGRESS_FIELDS}
    new["reason"] = change.reason.strip() if change.status == StepStatus.NOT_APPLICABLE else ""
    updated = StepProgress.objects.filter(pk=progress.pk, version=expected_version).update(
        **new,
        note_html=render_note(new["note"]),
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
    if new["owner"] is not None and new["owner"] != old["owner"] and new["owner"] != actor:
        _send_step_owner_mail(progress, actor)
    return progress


def _send_step_owner_mail(progress: StepProgress, actor) -> None:
    """Queue the mail to a step's new owner once the transaction commits; a worker sends it."""
    from wijkkoers.projects.tasks import send_step_owner_mail

    args = (progress.pk, progress.owner_id, getattr(actor, "pk", None), translation.get_language())
    transaction.on_commit(lambda: send_step_owner_mail.enqueue(*args))


def _check_progress_change(project, change: ProgressChange, current_target) -> None:
    if change.status not in StepStatus.values:
        raise InvalidStepStatus
    if change.owner is not None and not project.memberships.filter(user=change.owner).exists():
        raise OwnerNotMember
    if change.status == StepStatus.NOT_APPLICABLE and not (change.reason or "").strip():
        raise ReasonRequired
    target = change.target_date
    # A date in the past is allowed only when it was already set (an overdue step).
    if target and target < timezone.localdate() and target != current_target:
        raise TargetDateInPast


def render_note(note: str) -> str:
    """A note as sanitised HTML, rendered once when it is written (never per view)."""
    if not note:
        return ""
    return render_markdown(note, step_urls_for(linked_step_keys(note)))


def _finished_at(progress, old_status, new_status):
    if new_status != StepStatus.FINISHED:
        return None
    return progress.finished_at if old_status == StepStatus.FINISHED else timezone.now()


# --- Settings: neighbourhoods and sub-projects ---------------------------------------------


@transaction.atomic
def add_neighbourhood(actor, project: Project, *, name: str, cbs_code: str = "") -> Neighbourhood:
    """Name a neighbourhood of the project (CBS code checked). Audit "neighbourhood.added"."""
    _lock_open_project(project)
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
    """Add a part of the approach with its own progress. Audit "subproject.added"."""
    _lock_open_project(project)
    subproject = SubProject.objects.create(project=project, name=name, description=description)
    record_event(
        project=project,
        actor=actor,
        action="subproject.added",
        obj=subproject,
        new={"name": name},
    )
    return subproject


NEIGHBOURHOOD_FIELDS = ["name", "cbs_code"]
SUBPROJECT_FIELDS = ["name", "description"]


def _update_fields(actor, obj, fields, changes, action) -> None:
    """Set the changed `fields` of a locked `obj`, validate, save, and audit old and new."""
    old = _values(obj, fields)
    new = {**old, **{field: changes[field].strip() for field in fields if field in changes}}
    if new == old:
        return
    for field, value in new.items():
        setattr(obj, field, value)
    obj.full_clean(exclude=["project"])
    obj.save(update_fields=fields)
    changed = [field for field in fields if old[field] != new[field]]
    record_event(
        project=obj.project,
        actor=actor,
        action=action,
        obj=obj,
        old={field: old[field] for field in changed},
        new={field: new[field] for field in changed},
    )


def _remove(actor, obj, fields, action) -> None:
    """Audit the removal (with the last values, so the trail still names it), then delete."""
    record_event(project=obj.project, actor=actor, action=action, obj=obj, old=_values(obj, fields))
    obj.delete()


@transaction.atomic
def update_neighbourhood(actor, hood: Neighbourhood, **changes) -> Neighbourhood:
    """Rename a neighbourhood or change its CBS code (checked by the model).

    Writes a `neighbourhood.updated` audit entry with the old and new values, if anything
    changed.
    """
    _lock_open_project(hood.project)
    hood = Neighbourhood.objects.select_for_update().select_related("project").get(pk=hood.pk)
    _update_fields(actor, hood, NEIGHBOURHOOD_FIELDS, changes, "neighbourhood.updated")
    return hood


@transaction.atomic
def remove_neighbourhood(actor, hood: Neighbourhood) -> None:
    """Delete a neighbourhood; nothing refers to one, so it can always go.

    Writes a `neighbourhood.removed` audit entry with its name and CBS code.
    """
    _lock_open_project(hood.project)
    hood = Neighbourhood.objects.select_related("project").get(pk=hood.pk)
    _remove(actor, hood, NEIGHBOURHOOD_FIELDS, "neighbourhood.removed")


@transaction.atomic
def update_subproject(actor, subproject: SubProject, **changes) -> SubProject:
    """Rename a sub-project or change its description.

    Writes a `subproject.updated` audit entry with the old and new values, if anything changed.
    """
    _lock_open_project(subproject.project)
    subproject = (
        SubProject.objects.select_for_update().select_related("project").get(pk=subproject.pk)
    )
    _update_fields(actor, subproject, SUBPROJECT_FIELDS, changes, "subproject.updated")
    return subproject


@transaction.atomic
def remove_subproject(actor, subproject: SubProject) -> None:
    """Delete a sub-project, refused (`SubProjectHasProgress`) while it has progress rows.

    Its progress would otherwise be lost with it. Writes a `subproject.removed` audit entry.
    """
    _lock_open_project(subproject.project)
    subproject = SubProject.objects.select_related("project").get(pk=subproject.pk)
    if subproject.progress.exists():
        raise SubProjectHasProgress
    _remove(actor, subproject, SUBPROJECT_FIELDS, "subproject.removed")


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

    The one rule for who may: `projects.add_party_project` (a teamlid or projectleider of
    the open project, `PartyNotAllowed` otherwise); the settings page and the stakeholder
    register both come here. Names are unique within the project, ignoring case; other
    projects are not looked at. Writes the party and a `party.added` audit entry.
    """
    _lock_open_project(project)  # refuses a closed project; the role is asked after the lock
    if not can(actor, "projects.add_party_project", project):
        raise PartyNotAllowed
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
    _lock_open_project(party.project)
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


def _open_invitations(party: Party):
    cutoff = timezone.now() - timedelta(days=Invitation.VALID_DAYS)
    return party.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, sent_at__gt=cutoff
    )


@transaction.atomic
def remove_party(actor, party: Party) -> None:
    """Take a party from the table, refused (`PartyInUse`) while members or open invitations
    belong to it, and (`PartyIsStakeholder`) while it is in the stakeholder register. Old
    (accepted, withdrawn, expired) invitations lose their party.

    Writes a `party.removed` audit entry with its last values.
    """
    _lock_open_project(party.project)
    party = Party.objects.select_related("project").get(pk=party.pk)
    if party.memberships.exists() or _open_invitations(party).exists():
        raise PartyInUse
    # The stakeholder register (stakeholders app) points at parties; asked by relation name,
    # so this app does not import the tools built on it.
    if Party.objects.filter(pk=party.pk, stakeholder__isnull=False).exists():
        raise PartyIsStakeholder
    _remove(actor, party, PARTY_FIELDS, "party.removed")
