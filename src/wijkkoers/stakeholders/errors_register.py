"""The rules of the stakeholder register and its assessments, as errors the services raise."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class RegisterRuleError(DomainError):
    """Base of the register's rules; catch this to handle any of them."""

    code = "stakeholders_register_rule"


class RegisterNotAllowed(RegisterRuleError):
    """Only team members (teamlid, projectleider) write; a meelezer reads."""

    code = "stakeholders_not_allowed"
    message = _("Only team members can change the stakeholder register.")
    status = 403


class PartyNotOfProject(RegisterRuleError):
    code = "stakeholders_party_not_in_project"
    message = _("Choose one of this project's parties.")
    field = "party"


class AlreadyStakeholder(RegisterRuleError):
    code = "stakeholders_already_recorded"
    message = _("This party is already in the stakeholder register.")
    field = "party"
    status = 409


class ContactPurposeRequired(RegisterRuleError):
    """A contact name is personal data: the team says why it keeps it."""

    code = "stakeholders_contact_purpose_required"
    message = _("Say why you keep this contact person's name.")
    field = "contact_purpose"


class InvalidPosition(RegisterRuleError):
    code = "stakeholders_invalid_position"
    message = _("Choose one of the positions in the list.")
    field = "position"


class PriorityTextRequired(RegisterRuleError):
    code = "stakeholders_priority_empty"
    message = _("Write the priority, or remove the row.")
    field = "priorities"


class ScoreOutOfRange(RegisterRuleError):
    code = "stakeholders_score_out_of_range"
    message = _("Give a score from 1 to 5.")
    field = "power"


class AssessmentInFuture(RegisterRuleError):
    code = "stakeholders_assessment_in_future"
    message = _("An assessment cannot be dated in the future.")
    field = "assessed_on"


class StakeholderConflict(Conflict):
    """Someone saved the stakeholder since the form was opened; `current` is their version."""

    code = "stakeholders_conflict"
    message = _(
        "Someone else changed this stakeholder while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current
