"""The rules of the project logbook, as errors the services raise (one class per rule).

Shared by the logbook's parts: entries (decisions, agreements, actions, meetings) first;
other parts add their classes at the end of this file.
"""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import Conflict, DomainError


class LogbookRuleError(DomainError):
    """Base of the logbook rules; catch this to handle any of them."""

    code = "logbook_rule"


# --- Entries in general -------------------------------------------------------------------


class StepNotInMethod(LogbookRuleError):
    code = "logbook_unknown_step"
    message = _("Choose steps from the method.")
    field = "steps"


class PartyNotOfProject(LogbookRuleError):
    code = "logbook_party_not_in_project"
    message = _("Choose parties of this project.")
    field = "parties"


class MemberNotOfProject(LogbookRuleError):
    code = "logbook_member_not_in_project"
    message = _("Choose members of this project.")
    field = "owner"


class TitleRequired(LogbookRuleError):
    code = "logbook_title_required"
    message = _("Give it a title.")
    field = "title"


class WithdrawalReasonRequired(LogbookRuleError):
    code = "logbook_withdrawal_reason_required"
    message = _("Say why this is withdrawn.")
    field = "reason"


class ChangeReasonRequired(LogbookRuleError):
    code = "logbook_change_reason_required"
    message = _("Say why you change this.")
    field = "change_reason"


class EntryWithdrawn(LogbookRuleError):
    code = "logbook_entry_withdrawn"
    message = _("This has been withdrawn: it can be read, not changed.")
    status = 409


class EntryNotOfMeeting(LogbookRuleError):
    code = "logbook_not_a_meeting"
    message = _("Record these at a meeting of this project.")
    status = 404


class RevisionConflict(Conflict):
    """Someone else made a newer version since the form was opened; `current` is theirs."""

    code = "logbook_revision_conflict"
    message = _(
        "Someone else changed this while you were editing. "
        "Their version is shown below; yours is still in the form."
    )

    def __init__(self, current):
        super().__init__()
        self.current = current


# --- Decisions ----------------------------------------------------------------------------


class InvalidDecisionStatus(LogbookRuleError):
    code = "decision_invalid_status"
    message = _("Choose “proposed” or “taken”.")
    field = "status"


class DecisionClosed(LogbookRuleError):
    code = "decision_closed"
    message = _("This decision has been replaced or withdrawn: it can be read, not changed.")
    status = 409


class DecisionDateRequired(LogbookRuleError):
    code = "decision_date_required"
    message = _("Give the date the decision was taken.")
    field = "decided_on"


class DecisionReplacesItself(LogbookRuleError):
    code = "decision_replaces_itself"
    message = _("A decision cannot replace or amend itself.")
    field = "replaces"


class DecisionReplacesLater(LogbookRuleError):
    code = "decision_replaces_later"
    message = _("A decision can only replace or amend decisions taken on or before its own date.")
    field = "replaces"


class DecisionCycle(LogbookRuleError):
    code = "decision_cycle"
    message = _(
        "This would make a circle: one of these decisions already replaces or amends this one."
    )
    field = "replaces"


class DecisionNotOfProject(LogbookRuleError):
    code = "decision_not_in_project"
    message = _("Choose decisions of this project.")
    field = "replaces"


class PartyAgreedAndObjected(LogbookRuleError):
    code = "decision_party_agreed_and_objected"
    message = _("A party either agreed or objected, not both.")
    field = "parties_objected"


# --- Agreements ---------------------------------------------------------------------------


class AgreementOwnerRequired(LogbookRuleError):
    code = "agreement_owner_required"
    message = _("Choose who owns this agreement: a member or a party of this project.")
    field = "owner"


class AgreementDueBeforeMade(LogbookRuleError):
    code = "agreement_due_before_made"
    message = _("The due date cannot be before the date the agreement was made.")
    field = "due_on"


class AgreementStatusReasonRequired(LogbookRuleError):
    code = "agreement_status_reason_required"
    message = _("Say why the agreement lapsed or where it was referred to.")
    field = "status_reason"


class InvalidAgreementStatus(LogbookRuleError):
    code = "agreement_invalid_status"
    message = _("This status cannot follow the current one.")
    field = "status"


# --- Meetings -----------------------------------------------------------------------------


class InvalidMeetingKind(LogbookRuleError):
    code = "meeting_invalid_kind"
    message = _("Choose a kind of meeting.")
    field = "kind"


class AttendeeNotOfProject(LogbookRuleError):
    code = "meeting_attendee_not_in_project"
    message = _("Choose members and parties of this project.")
    field = "attendee_members"
