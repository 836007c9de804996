"""The rules of the logbook's reports (timeline, briefing, PDF), as domain errors."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class ReportRuleError(DomainError):
    code = "report_rule"


class ReportDateInFuture(ReportRuleError):
    code = "report_date_in_future"
    message = _("Choose today or a day in the past: a report shows how the project stood.")
    field = "datum"


class ReportDateBeforeProject(ReportRuleError):
    code = "report_date_before_project"
    message = _("The project did not exist yet on that day.")
    field = "datum"


class ReportPartyNotInProject(ReportRuleError):
    code = "report_party_not_in_project"
    message = _("Choose one of this project's parties.")
    field = "partij"


class ReportBusy(ReportRuleError):
    code = "report_busy"
    message = _("A report for this day is already being made. Wait until it is ready.")
    status = 409
