"""Logbook URLs: reports (timeline, briefing, project report and its PDFs)."""

from django.urls import path

from wijkkoers.logbook.models import ReportKind
from wijkkoers.logbook.views import reports

urlpatterns = [
    path("tijdlijn/", reports.timeline_page, name="timeline"),
    path("inwerkdossier/", reports.briefing, name="briefing"),
    path(
        "inwerkdossier/afdrukken/",
        reports.printable,
        {"kind": ReportKind.BRIEFING},
        name="briefing_print",
    ),
    path(
        "inwerkdossier/melding-verbergen/",
        reports.dismiss_briefing_notice,
        name="dismiss_briefing_notice",
    ),
    path("rapport/", reports.report, name="report"),
    path("rapport/afdrukken/", reports.printable, {"kind": ReportKind.REPORT}, name="report_print"),
    path("rapport/maken/", reports.make_pdf, name="make_pdf"),
    path("rapport/pdf/<str:run_id>/", reports.report_run, name="report_run"),
    path("rapport/pdf/<str:run_id>/download/", reports.report_download, name="report_download"),
]
