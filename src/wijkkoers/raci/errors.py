"""The rules of roles and the RACI matrix, as errors the services raise (one per rule)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class RaciRuleError(DomainError):
    code = "raci_rule"


class RoleNameRequired(RaciRuleError):
    code = "raci_role_name_required"
    message = _("Give the role a name.")
    field = "name"


class RoleNameTaken(RaciRuleError):
    code = "raci_role_name_taken"
    message = _("This project already has a role with this name.")
    field = "name"


class MemberNotOfProject(RaciRuleError):
    code = "raci_member_not_in_project"
    message = _("Choose a member of this project.")
    field = "member"


class PartyNotOfProject(RaciRuleError):
    code = "raci_party_not_in_project"
    message = _("Choose one of this project's parties.")
    field = "party"


class RowSubjectRequired(RaciRuleError):
    code = "raci_row_subject_required"
    message = _("Describe the activity or choose a step of the method.")
    field = "activity"


class StepNotInMethod(RaciRuleError):
    code = "raci_unknown_step"
    message = _("Choose a step of the method.")
    field = "step"


class RoleNotOfProject(RaciRuleError):
    code = "raci_role_not_in_project"
    message = _("Give letters to this project's roles only.")
    field = "letters"


class InvalidLetter(RaciRuleError):
    code = "raci_invalid_letter"
    message = _("Use only the letters R, A, C and I.")
    field = "letters"


class NoAccountable(RaciRuleError):
    code = "raci_no_accountable"
    message = _("No role has A: give exactly one role the A (accountable).")
    field = "letters"


class SeveralAccountable(RaciRuleError):
    code = "raci_several_accountable"
    message = _(
        "%(count)s roles have A: %(roles)s. Exactly one role is accountable; "
        "keep the A for one of them."
    )
    field = "letters"


class TwoAccountable(SeveralAccountable):
    code = "raci_two_accountable"
    message = _(
        "Two roles have A: %(roles)s. Exactly one role is accountable; keep the A for one of them."
    )


class NoResponsible(RaciRuleError):
    code = "raci_no_responsible"
    message = _("No role has R: give at least one role the R (responsible).")
    field = "letters"


class RoleConflict(Conflict):
    """Someone else changed the role since the form was opened; `current` is theirs."""

    code = "raci_role_conflict"
    message = _(
        "Someone else changed this role while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current


class RowConflict(Conflict):
    """Someone else changed the row since the form was opened; `current` is theirs."""

    code = "raci_row_conflict"
    message = _(
        "Someone else changed this row while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current
