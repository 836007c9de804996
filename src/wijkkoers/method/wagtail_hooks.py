"""The CMS: the editor's path for shared stories (two actions on the submission's edit page)
and the Markdown editor's preview endpoint."""

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wijkkoers.core.errors import DomainError
from wijkkoers.method import submissions, views
from wijkkoers.method.models import StorySubmission
from wijkkoers.method.widgets import PREVIEW_URL_NAME

PUBLISH = "action-publish-story"
REJECT = "action-reject-story"


class _DecisionItem(ActionMenuItem):
    def is_shown(self, context):
        instance = context.get("instance")
        return (
            super().is_shown(context)
            and context.get("view") == "edit"
            and instance is not None
            and instance.status == StorySubmission.Status.SUBMITTED
        )


class PublishStoryItem(_DecisionItem):
    name = PUBLISH
    label = gettext_lazy("Publish as practice story")
    icon_name = "upload"
    order = 10


class RejectStoryItem(_DecisionItem):
    name = REJECT
    label = gettext_lazy("Reject")
    icon_name = "cross"
    order = 20


@hooks.register("register_snippet_action_menu_item")
def publish_story_item(model):
    return PublishStoryItem() if model is StorySubmission else None


@hooks.register("register_snippet_action_menu_item")
def reject_story_item(model):
    return RejectStoryItem() if model is StorySubmission else None


class StorySubmissionViewSet(SnippetViewSet):
    model = StorySubmission
    icon = "comment"
    add_to_admin_menu = True
    menu_label = gettext_lazy("Shared stories")
    list_display = ["title", "place", "step_key", "status", "submitted_at"]
    list_filter = ["status"]


register_snippet(StorySubmissionViewSet)


@hooks.register("after_edit_snippet")
def decide_story(request, instance):
    """The edit (the editor's corrections) is saved; now publish or reject as chosen."""
    if not isinstance(instance, StorySubmission):
        return
    try:
        if PUBLISH in request.POST:
            submissions.publish_story_submission(request.user, instance)
            messages.success(request, _("The story is published with its step."))
        elif REJECT in request.POST:
            submissions.reject_story_submission(request.user, instance)
            messages.success(request, _("The story is rejected; the submitter gets an e-mail."))
    except DomainError as error:
        messages.error(request, str(error))
    return


@hooks.register("register_admin_urls")
def markdown_preview_url():
    """/cms/markdown-voorbeeld/: Wagtail wraps admin URLs in its admin access check."""
    return [path("markdown-voorbeeld/", views.markdown_preview, name=PREVIEW_URL_NAME)]
