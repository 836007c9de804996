"""Background work for projects (django-tasks): thin wrappers around services."""

from django_tasks import task

from wijkkoers.projects.services import deliver_invitation


@task()
def send_invitation_mail(invitation_id: int, language: str) -> None:
    deliver_invitation(invitation_id, language)
