"""Background work of the logbook (django-tasks): thin wrappers around services."""

from django_tasks import task

from wijkkoers.logbook.services.reports import make_report


@task()
def make_report_pdf(run_id: int, language: str) -> None:
    make_report(run_id, language)
