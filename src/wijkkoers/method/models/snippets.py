"""The method's shared vocabulary: tracks, party types and practice stories (snippets)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from wijkkoers.method.widgets import MarkdownEditor


class Track(models.Model):
    """A perspective (A-G) that together make a good neighbourhood approach."""

    class Group(models.TextChoices):
        SOCIAL = "social", _("Social")
        TECHNICAL = "technical", _("Technical")

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=200)
    explanation = models.TextField(_("explanation"))
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    own_addition = models.BooleanField(
        _("our own addition"),
        default=False,
        help_text=_("Not part of the public method; added by Wijkkoers."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("group"), FieldPanel("own_addition")]),
        FieldPanel("name"),
        FieldPanel("explanation"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def slug(self):
        """The track's URL part: /kompas/spoor/b/."""
        return self.code.lower()


class PartyType(models.Model):
    """A kind of party involved in a step (municipality, housing corporation, ...)."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    # The order of partijen.yaml: the list reads from the municipality outwards.
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("key"), FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("party type")
        verbose_name_plural = _("party types")

    def __str__(self):
        return self.name


class PracticeStory(index.Indexed, models.Model):
    """A true story from practice, with its source; one story may serve several steps."""

    key = models.SlugField(_("key"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=255)
    place = models.CharField(_("place"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    source = models.CharField(_("source"), max_length=500)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)

    panels = [
        FieldPanel("key"),
        FieldPanel("title"),
        FieldPanel("place"),
        FieldPanel("text", widget=MarkdownEditor),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_url")]),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("practice story")
        verbose_name_plural = _("practice stories")

    def __str__(self):
        return f"{self.title} ({self.place})"


register_snippet(Track)
register_snippet(PartyType)
register_snippet(PracticeStory)
