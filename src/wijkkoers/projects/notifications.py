"""Mail to members about their project, sent by tasks (projects.tasks), never in a request."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wijkkoers.accounts.models import User
from wijkkoers.core.mail import mail_context, mail_subject, site_url
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import StepProgress


def step_url(progress: StepProgress) -> str:
    """The absolute link to a step in its project (and sub-project), on SITE_URL."""
    path = reverse("projects:step", args=[progress.project.public_id, progress.step_key])
    if progress.subproject is not None:
        path += f"?deelproject={progress.subproject.public_id}"
    return site_url(path)


def deliver_step_owner_mail(
    progress_id: int, owner_id: int, actor_id: int | None, language: str
) -> None:
    """Tell a member they became the owner of a step, with a link to it.

    Sends nothing when the step has another owner by now (a later change wins) or the step
    left the method. Side effect: one e-mail to the owner.
    """
    related = StepProgress.objects.select_related("project", "subproject", "owner")
    progress = related.filter(pk=progress_id, owner_id=owner_id).first()
    step = get_catalogue().steps.get(progress.step_key) if progress else None
    if progress is None or step is None:
        return
    actor = User.objects.filter(pk=actor_id).first()
    with translation.override(language):
        context = mail_context(
            actor_name=actor.display_name if actor else _("Someone"),
            step_title=f"{step.display_number} {step.title}",
            project_name=progress.project.name,
            subproject_name=progress.subproject.name if progress.subproject else "",
            url=step_url(progress),
        )
        send_mail(
            subject=mail_subject(
                _("You are the owner of step %(step)s in %(project)s")
                % {"step": step.display_number, "project": progress.project.name}
            ),
            message=render_to_string("projects/email/step_owner.txt", context),
            from_email=None,
            recipient_list=[progress.owner.email],
        )
