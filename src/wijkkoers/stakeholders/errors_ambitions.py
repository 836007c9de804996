"""The rules of the ambitions matrix, tensions, mutual gains and the MGA checklist."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError
from wijkkoers.logbook.errors import RevisionConflict


class AmbitionsRuleError(DomainError):
    code = "ambitions_rule"


class NotAllowedToEdit(AmbitionsRuleError):
    code = "ambitions_not_allowed"
    message = _("Only project leaders and team members can change this.")
    status = 403


class TitleMissing(AmbitionsRuleError):
    code = "ambitions_title_missing"
    message = _("Give it a title.")
    field = "title"


class TooFewStakeholders(AmbitionsRuleError):
    code = "too_few_stakeholders"
    message = _("Choose at least two stakeholders: it takes two parties.")
    field = "stakeholders"


class StakeholderNotOfProject(AmbitionsRuleError):
    code = "stakeholder_not_of_project"
    message = _("Choose stakeholders of this project only.")
    field = "stakeholders"


class DecisionNotOfProject(AmbitionsRuleError):
    code = "decision_not_of_project"
    message = _("Link only decisions from this project's logbook.")
    field = "decisions"


class UnknownChoice(AmbitionsRuleError):
    code = "ambitions_unknown_choice"
    message = _("Choose one of the options.")


class UnknownChecklistItem(AmbitionsRuleError):
    code = "unknown_checklist_item"
    message = _("This item is not on the checklist.")
    status = 404


class EditConflict(RevisionConflict):
    """Someone else saved a newer version since the form was opened; `current` is theirs
    (the logbook's conflict: the same words and the same `current`)."""

    code = "ambitions_conflict"
