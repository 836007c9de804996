"""The rules of the goal and its indicators, as errors the services raise (one per rule)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class GoalRuleError(DomainError):
    """Base of the goal rules; catch this to handle any of them."""

    code = "goal_rule"


class GoalTypeInvalid(GoalRuleError):
    code = "goal_type_invalid"
    message = _("Choose the kind of goal.")
    field = "goal_type"


class GoalLabelRequired(GoalRuleError):
    code = "goal_label_required"
    message = _("Give your goal a name when it is another kind of goal.")
    field = "other_label"


class GoalDefinitionRequired(GoalRuleError):
    code = "goal_definition_required"
    message = _("Write down what the team means by this goal.")
    field = "definition"


class ScopeChoiceInvalid(GoalRuleError):
    code = "goal_scope_invalid"
    message = _("Choose one of the answers, or leave it open.")
    field = "energy_scope"


class ReferenceYearOutOfRange(GoalRuleError):
    code = "goal_reference_year"
    message = _("Give a reference year between 1990 and 2100.")
    field = "reference_year"


class GoalChangeReasonRequired(GoalRuleError):
    code = "goal_change_reason_required"
    message = _("Say why you change the goal.")
    field = "change_reason"


class GoalConflict(Conflict):
    """Someone else changed the goal since the form was opened; `current` is their version."""

    code = "goal_conflict"
    message = _(
        "Someone else changed the goal while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current


# --- Indicators ---------------------------------------------------------------------------


class IndicatorNameRequired(GoalRuleError):
    code = "indicator_name_required"
    message = _("Give the indicator a name.")
    field = "name"


class UnitRequired(GoalRuleError):
    code = "indicator_unit_required"
    message = _("Give the unit the target is counted in, for example “homes” or “%”.")
    field = "unit"


class TargetRequired(GoalRuleError):
    code = "indicator_target_required"
    message = _("Give the target value.")
    field = "target_value"


class DeadlineRequired(GoalRuleError):
    code = "indicator_deadline_required"
    message = _("Give the date by which the target must be reached.")
    field = "deadline"


class BaselineDateRequired(GoalRuleError):
    code = "indicator_baseline_date_required"
    message = _("Give the date of the baseline measurement.")
    field = "baseline_on"


class BaselineValueRequired(GoalRuleError):
    code = "indicator_baseline_value_required"
    message = _("Give the baseline value that belongs to this date.")
    field = "baseline_value"


class DeadlineBeforeBaseline(GoalRuleError):
    code = "indicator_deadline_before_baseline"
    message = _("The deadline must come after the baseline date.")
    field = "deadline"


class TargetEqualsBaseline(GoalRuleError):
    code = "indicator_target_equals_baseline"
    message = _("The target must differ from the baseline: otherwise there is nothing to reach.")
    field = "target_value"


class OwnerNotOfProject(GoalRuleError):
    code = "indicator_owner_not_in_project"
    message = _("Choose a member or a party of this project.")
    field = "owner"


class IndicatorRetired(GoalRuleError):
    code = "indicator_retired"
    message = _("This indicator has been retired: it can be read, not changed.")
    status = 409


class RetirementReasonRequired(GoalRuleError):
    code = "indicator_retirement_reason_required"
    message = _("Say why this indicator is retired.")
    field = "reason"


class IndicatorConflict(Conflict):
    """Someone else changed the indicator since the form was opened; `current` is theirs."""

    code = "indicator_conflict"
    message = _(
        "Someone else changed this indicator while you were editing. "
        "Its current values are shown below; yours are still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current


# --- Measurements -------------------------------------------------------------------------


class MeasurementInFuture(GoalRuleError):
    code = "measurement_in_future"
    message = _("A measurement cannot be dated in the future.")
    field = "measured_on"


class MeasurementValueRequired(GoalRuleError):
    code = "measurement_value_required"
    message = _("Give the measured value.")
    field = "value"


class MeasurementDateRequired(GoalRuleError):
    code = "measurement_date_required"
    message = _("Give the date of the measurement.")
    field = "measured_on"


class CorrectionNoteRequired(GoalRuleError):
    code = "measurement_correction_note_required"
    message = _("Say what was wrong with the measurement you correct.")
    field = "note"


class MeasurementAlreadyCorrected(GoalRuleError):
    code = "measurement_already_corrected"
    message = _("This measurement has already been corrected: correct the newest correction.")
    status = 409
