"""Background work for projects (django-tasks): thin wrappers around services."""

from django_tasks import task

from wijkkoers.projects.notifications import deliver_step_owner_mail
from wijkkoers.projects.services import deliver_invitation


@task()
def send_invitation_mail(invitation_id: int, language: str) -> None:
    deliver_invitation(invitation_id, language)


@task()
def send_step_owner_mail(
    progress_id: int, owner_id: int, actor_id: int | None, language: str
) -> None:
    deliver_step_owner_mail(progress_id, owner_id, actor_id, language)
