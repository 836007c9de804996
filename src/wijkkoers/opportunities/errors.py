"""The rules of linking opportunities, as errors the services raise (one per rule)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class OpportunityRuleError(DomainError):
    code = "opportunity_rule"


class TitleRequired(OpportunityRuleError):
    code = "opportunity_title_required"
    message = _("Give the opportunity a title.")
    field = "title"


class InvalidKind(OpportunityRuleError):
    code = "opportunity_invalid_kind"
    message = _("Choose social or physical.")
    field = "kind"


class InvalidStatus(OpportunityRuleError):
    code = "opportunity_invalid_status"
    message = _("Choose one of the statuses.")
    field = "status"


class OwnerNotOfProject(OpportunityRuleError):
    code = "opportunity_owner_not_in_project"
    message = _("Choose a member or a party of this project as owner.")
    field = "owner"


class WindowEndBeforeStart(OpportunityRuleError):
    code = "opportunity_window_end_before_start"
    message = _("The window ends before it starts: the end must be on or after the start.")
    field = "window_end"


class StepNotInMethod(OpportunityRuleError):
    code = "opportunity_unknown_step"
    message = _("Choose steps of the method.")
    field = "steps"


class OpportunityConflict(Conflict):
    """Someone else changed the opportunity since the form was opened; `current` is theirs."""

    code = "opportunity_conflict"
    message = _(
        "Someone else changed this opportunity while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current
