"""Audit actions of the logbook: reports (asking for a PDF of the project as of a day)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.registry import (
    Field,
    register_action,
    register_group,
    register_object_type,
)


def register():
    from wijkkoers.audit import display
    from wijkkoers.logbook.models import ReportKind, ReportRun

    register_object_type(ReportRun, "report_run", describe=str)
    register_group("logbook_reports", _("Reports"))
    register_action(
        "report.requested",
        group="logbook_reports",
        summary=_("%(actor)s asked for a PDF: %(object)s"),
        fields={
            "kind": Field(label=_("kind"), show=display.choice(ReportKind.choices)),
            "as_of": Field(label=_("as it stood on"), show=display.date),
            "party": Field(label=_("party")),
        },
    )
