"""Background work for the method (django-tasks): thin wrappers around services."""

from django_tasks import task

from wijkkoers.method.submissions import deliver_story_outcome_mail


@task()
def send_story_outcome_mail(submission_id: int) -> None:
    deliver_story_outcome_mail(submission_id)
