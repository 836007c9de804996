"""Practice stories that visitors share, waiting for an editor (moderation in the CMS)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel

from wijkkoers.method.models.snippets import PracticeStory

TITLE_MAX = 200
PLACE_MAX = 120
TEXT_MAX = 4000
URL_MAX = 500


class StorySubmission(models.Model):
    """A story as a logged-in visitor sent it, for one step; an editor publishes or rejects it.

    Publishing makes a PracticeStory from it (services.publish_story_submission), so the
    method's own stories stay plain snippets and a rejected text never enters the method.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    step_key = models.CharField(_("step"), max_length=120)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    place = models.CharField(_("place"), max_length=PLACE_MAX)
    what_happened = models.TextField(_("what happened"), max_length=TEXT_MAX)
    what_was_learned = models.TextField(_("what was learned"), max_length=TEXT_MAX)
    source_url = models.URLField(_("source link"), max_length=URL_MAX, blank=True)
    involved_permission = models.BooleanField(
        _("submitter was involved and allows publication"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    story = models.ForeignKey(
        PracticeStory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published as"),
    )
    # The submitter's language when sending, so the outcome mail speaks it.
    language = models.CharField(_("language"), max_length=10, default="nl")
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    panels = [
        HelpPanel(
            content=_(
                'Check the story and correct it where needed. Then choose "Publish as '
                'practice story" or "Reject" in the menu at the bottom: the submitter '
                "gets an e-mail either way."
            )
        ),
        FieldRowPanel([FieldPanel("title"), FieldPanel("place")]),
        FieldPanel("what_happened"),
        FieldPanel("what_was_learned"),
        FieldRowPanel([FieldPanel("source_url"), FieldPanel("involved_permission")]),
        FieldRowPanel(
            [FieldPanel("step_key", read_only=True), FieldPanel("status", read_only=True)]
        ),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("shared practice story")
        verbose_name_plural = _("shared practice stories")

    def __str__(self):
        return f"{self.title} ({self.place})"
