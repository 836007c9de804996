"""The rules of a project workspace, as errors the services raise.

Each class is one rule: a stable `code`, a translated `message` and the form `field` it
belongs to. Forms show them with `error.add_to_form(form)`; the API answers `status`.
"""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class ProjectRuleError(DomainError):
    """Base of the project rules; catch this to handle any of them."""

    code = "project_rule"


class ProjectClosed(ProjectRuleError):
    code = "project_closed"
    message = _(
        "This project is closed: it can be read, not changed. A project leader can reopen it."
    )
    status = 409


class ProjectNotClosed(ProjectRuleError):
    code = "project_not_closed"
    message = _("This project is not closed.")
    status = 409


class CloseWithAction(ProjectRuleError):
    code = "close_with_action"
    message = _("Close a project with its own button, below the settings.")
    field = "status"


class LastProjectLeader(ProjectRuleError):
    code = "last_project_leader"
    message = _("A project always keeps at least one project leader.")
    field = "role"
    status = 409


class AlreadyMember(ProjectRuleError):
    code = "already_member"
    message = _("This person is already a member of the project.")
    field = "email"
    status = 409


class OwnerNotMember(ProjectRuleError):
    code = "owner_not_member"
    message = _("The owner must be a member of the project.")
    field = "owner"


class UnknownStep(ProjectRuleError):
    code = "unknown_step"
    message = _("This step does not exist in the method.")
    status = 404


class ReasonRequired(ProjectRuleError):
    code = "reason_required"
    message = _("Say why this step does not apply.")
    field = "reason"


class TargetDateInPast(ProjectRuleError):
    code = "target_date_in_past"
    message = _("Choose a date today or later.")
    field = "target_date"


class InvalidRole(ProjectRuleError):
    code = "invalid_role"
    message = _("Choose a valid role.")
    field = "role"


class InvalidStepStatus(ProjectRuleError):
    code = "invalid_step_status"
    message = _("Choose a valid status.")
    field = "status"


class InvitationNotOpen(ProjectRuleError):
    code = "invitation_not_open"
    message = _("This invitation is no longer open.")
    status = 409


class InvitationAlreadyAccepted(ProjectRuleError):
    code = "invitation_already_accepted"
    message = _("This invitation has already been accepted.")
    status = 409


class ProgressConflict(Conflict):
    """Someone else changed the step since the form was opened; `current` is their version."""

    code = "progress_conflict"
    message = _(
        "Someone else changed this step while you were editing. "
        "Their change is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current


# --- Parties ------------------------------------------------------------------------------


class PartyNotInProject(ProjectRuleError):
    """A party of another project (or none that exists) was named for an invitation or member."""

    code = "party_not_in_project"
    message = _("Choose one of this project's parties.")
    field = "party"


class PartyNameTaken(ProjectRuleError):
    code = "party_name_taken"
    message = _("This project already has a party with this name.")
    field = "name"


class PartyTypeUnknown(ProjectRuleError):
    code = "party_type_unknown"
    message = _("Choose a kind of party from the list.")
    field = "party_type"


class PartyOtherTypeMissing(ProjectRuleError):
    code = "party_other_type_missing"
    message = _("Say what kind of party this is.")
    field = "other_type"


class PartyInUse(ProjectRuleError):
    """A party is removed only when no member belongs to it and no open invitation names it."""

    code = "party_in_use"
    message = _(
        "This party cannot be removed: members of the team or open invitations belong to it. "
        "Give them another party (or withdraw the invitations) first."
    )
    status = 409


class PartyNotAllowed(ProjectRuleError):
    """Only team members (teamlid, projectleider) put a party at the table; a meelezer reads."""

    code = "party_not_allowed"
    message = _("Only team members (team member or project leader) can add a party.")
    field = "name"
    status = 403


class PartyIsStakeholder(ProjectRuleError):
    """A party in the stakeholder register keeps its assessments: remove it there first."""

    code = "party_is_stakeholder"
    message = _(
        "This party cannot be removed: it is in the stakeholder register, with its interests "
        "and assessments. Remove it from the register first."
    )
    status = 409


class SubProjectHasProgress(ProjectRuleError):
    """A sub-project's progress per step would be lost with it, so it stays while it has any."""

    code = "subproject_has_progress"
    message = _("This sub-project cannot be removed: progress on steps has been recorded for it.")
    status = 409


# --- Why an invitation link cannot be used ------------------------------------------------


class InvitationProblem(DomainError):
    """A link that cannot be used; `invitation` is set when the link named a real one."""

    code = "invitation_invalid"
    message = _("The link is not valid. Check that you copied it completely.")
    status = 404

    def __init__(self, invitation=None):
        super().__init__()
        self.invitation = invitation


class InvitationInvalid(InvitationProblem):
    pass


class InvitationExpired(InvitationProblem):
    code = "invitation_expired"
    message = _("The link has expired. Ask the project leader to send you a new one.")
    status = 410


class InvitationUsed(InvitationProblem):
    code = "invitation_used"
    message = _("This invitation has already been accepted. Log in to open the project.")
    status = 410


class InvitationRevoked(InvitationProblem):
    code = "invitation_revoked"
    message = _("The project leader has withdrawn this invitation.")
    status = 410


class InvitationHasAccount(InvitationProblem):
    code = "invitation_has_account"
    message = _("There is already an account for this address. Log in to accept the invitation.")
    status = 409


class InvitationWrongUser(InvitationProblem):
    code = "invitation_wrong_user"
    message = _(
        "This invitation is for another e-mail address than the one you are logged in with. "
        "Nothing has been changed."
    )
    status = 403
