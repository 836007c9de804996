"""Write services of the logbook's reports: asking for a PDF, and making it (a task).

A report is a read of the project, so asking for one is allowed to every member, also in a
closed project (it changes no project content); the project row is still locked first so two
requests for the same PDF at once queue and the second finds the first. Every request is
audited ("report.requested"): who exported what, as of which day.
"""

import logging
import time
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from wijkkoers.audit.services import record_event
from wijkkoers.logbook.errors_reports import (
    ReportBusy,
    ReportDateBeforeProject,
    ReportDateInFuture,
    ReportPartyNotInProject,
)
from wijkkoers.logbook.models import ReportKind, ReportRun, ReportRunStatus
from wijkkoers.projects.models import Project

logger = logging.getLogger(__name__)


def check_as_of(project: Project, as_of: date) -> None:
    if as_of > timezone.localdate():
        raise ReportDateInFuture
    if as_of < timezone.localdate(project.created_at) and (
        project.start_date is None or as_of < project.start_date
    ):
        raise ReportDateBeforeProject


@transaction.atomic
def request_report(actor, project: Project, *, kind: str, as_of: date, party=None) -> ReportRun:
    """Ask for a PDF of the project as it stood at the end of `as_of`.

    Rules: the day is not in the future nor before the project; the party (briefing only)
    is one of the project's; the same PDF is not already queued or being made (ReportBusy,
    the user waits for that one). Side effects: a ReportRun row, the audit entry, and after
    commit the task that makes the PDF (at once in development and tests).
    """
    Project.objects.select_for_update().filter(pk=project.pk).first()
    check_as_of(project, as_of)
    if kind not in ReportKind.values:
        raise ValueError(kind)
    if party is not None and party.project_id != project.pk:
        raise ReportPartyNotInProject
    if kind != ReportKind.BRIEFING:
        party = None
    fail_stale_runs(project)
    busy = ReportRun.objects.filter(
        project=project,
        kind=kind,
        as_of=as_of,
        party=party,
        status__in=[ReportRunStatus.QUEUED, ReportRunStatus.RUNNING],
    )
    if busy.exists():
        raise ReportBusy
    run = ReportRun.objects.create(
        project=project, kind=kind, as_of=as_of, party=party, requested_by=actor
    )
    record_event(
        project=project,
        actor=actor,
        action="report.requested",
        obj=run,
        new={"kind": kind, "as_of": as_of, "party": party},
    )
    language = translation.get_language()
    transaction.on_commit(lambda: _enqueue(run.pk, language))
    return run


def fail_stale_runs(project: Project) -> int:
    """Mark runs that waited or ran longer than ReportRun.STALE_AFTER as failed; how many.

    A run is made within seconds; one still busy after that lost its worker, and would
    otherwise block every new request for the same PDF (ReportBusy) forever.
    """
    now = timezone.now()
    return ReportRun.objects.filter(
        project=project,
        status__in=[ReportRunStatus.QUEUED, ReportRunStatus.RUNNING],
        requested_at__lt=now - ReportRun.STALE_AFTER,
    ).update(status=ReportRunStatus.FAILED, finished_at=now)


def _enqueue(run_id: int, language: str) -> None:
    from wijkkoers.logbook.tasks import make_report_pdf

    make_report_pdf.enqueue(run_id, language)


def make_report(run_id: int, language: str = "nl") -> ReportRun:
    """Render the PDF of a requested run and store it (the task's body).

    Marks the run "bezig", renders, stores the file through the storage API and marks it
    "klaar" with its timings; on any failure it is "mislukt" (logged), never half-stored.
    """
    from wijkkoers.logbook.pdf import render_pdf

    updated = ReportRun.objects.filter(pk=run_id, status=ReportRunStatus.QUEUED).update(
        status=ReportRunStatus.RUNNING, started_at=timezone.now()
    )
    run = ReportRun.objects.select_related("project", "party").get(pk=run_id)
    if not updated:
        return run  # made already, or by another worker
    started = time.perf_counter()
    try:
        with translation.override(language):
            pdf = render_pdf(run.project, run.kind, run.as_of, run.party)
    except Exception:
        logger.exception("Report %s could not be made", run.public_id)
        ReportRun.objects.filter(pk=run.pk).update(
            status=ReportRunStatus.FAILED, finished_at=timezone.now()
        )
        run.refresh_from_db()
        return run
    elapsed = round((time.perf_counter() - started) * 1000)
    run.file.save(f"{run.public_id}.pdf", ContentFile(pdf), save=False)
    try:
        ReportRun.objects.filter(pk=run.pk).update(
            file=run.file.name,
            size=len(pdf),
            status=ReportRunStatus.DONE,
            finished_at=timezone.now(),
            render_ms=elapsed,
        )
    except Exception:
        run.file.delete(save=False)  # no stored file without its row
        raise
    run.refresh_from_db()
    return run


def mark_briefing_opened(user, project: Project) -> bool:
    """Remember that a member opened (or dismissed) the briefing: the compass stops pointing
    them to it. A personal reading mark, not project content: not audited, allowed in a
    closed project. True if this was the first time."""
    from wijkkoers.projects.models import Membership

    return bool(
        Membership.objects.filter(
            project=project, user=user, briefing_opened_at__isnull=True
        ).update(briefing_opened_at=timezone.now())
    )
