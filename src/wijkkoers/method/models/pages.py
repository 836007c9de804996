"""The method as Wagtail pages: the Kompas, its phases and their steps (knooppunten)."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from wijkkoers.method.models.snippets import PartyType, PracticeStory, Track
from wijkkoers.method.widgets import MarkdownEditor


class KeyLockedForm(WagtailAdminPageForm):
    """Keys are the identity the content files use: set once, then read-only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "key" in self.fields:
            self.fields["key"].disabled = True


def _cacheable_without_query(request, response):
    """A phase or step page is the same for every anonymous visitor when the URL has no
    query (see method/page_cache.py); a preview is never stored."""
    from wijkkoers.method.page_cache import mark_cacheable

    if not request.GET and not getattr(request, "is_preview", False):
        mark_cacheable(response)
    return response


class MethodIndexPage(RoutablePageMixin, Page):
    """The Kompas: every phase and step, the phases x tracks map, track pages and search."""

    intro = models.TextField(_("intro"), blank=True, help_text=_("Markdown."))

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["method.PhasePage"]
    max_count = 1

    class Meta:
        verbose_name = _("method home (Kompas)")

    # The views live in views.py; importing them lazily keeps models free of view code.
    @path("")
    def kompas(self, request):
        from wijkkoers.method import views

        return views.kompas(request, self)

    @path("spoor/<str:code>/")
    def track(self, request, code):
        from wijkkoers.method import views

        return views.track(request, self, code)

    @path("zoeken/")
    def search(self, request):
        from wijkkoers.method import views

        return views.search(request, self)

    @path("verhaal-delen/<str:key>/")
    def share_story(self, request, key):
        from wijkkoers.method import views

        return views.share_story(request, self, key)


class PhasePage(Page):
    """One of the six phases of the neighbourhood approach."""

    key = models.SlugField(_("key"), max_length=80, unique=True)
    number = models.PositiveSmallIntegerField(_("number"))
    intro = models.TextField(_("intro"), help_text=_("Markdown."))
    own_addition = models.BooleanField(
        _("our own addition"),
        default=False,
        help_text=_("Not part of the public method; added by Wijkkoers."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("key"), FieldPanel("number"), FieldPanel("own_addition")]),
        FieldPanel("intro"),
    ]
    base_form_class = KeyLockedForm
    parent_page_types = ["method.MethodIndexPage"]
    subpage_types = ["method.StepPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def serve(self, request, *args, **kwargs):
        return _cacheable_without_query(request, super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from wijkkoers.method.catalogue import get_catalogue

        context = super().get_context(request, *args, **kwargs)
        # A phase that is not live (a preview) has no steps in the catalogue yet.
        phase = next((p for p in get_catalogue().phases if p.page_id == self.pk), None)
        context["steps"] = phase.steps if phase else ()
        return context


class StepPage(Page):
    """A step (knooppunt): what it is for, how to go about it, tips and practice."""

    key = models.SlugField(
        _("key"),
        max_length=120,
        unique=True,
        help_text=_("Stable identifier used by the content files; it never changes."),
    )
    number = models.PositiveSmallIntegerField(_("number within the phase"))
    subtitle = models.CharField(
        _("subtitle"), max_length=300, help_text=_("One line: the purpose.")
    )
    doel = models.TextField(_("goal (Doel)"), help_text=_("Markdown."))
    aanpak = models.TextField(_("approach (Aanpak)"), help_text=_("Markdown."))
    sensitive = models.BooleanField(
        _("politically sensitive (bestuurlijk gevoelig)"), default=False
    )
    tracks = ParentalManyToManyField(Track, related_name="steps", verbose_name=_("tracks"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        FieldRowPanel([FieldPanel("key"), FieldPanel("number"), FieldPanel("sensitive")]),
        FieldPanel("tracks", widget=forms.CheckboxSelectMultiple),
        InlinePanel("step_parties", label=_("Parties involved")),
        FieldPanel("doel", widget=MarkdownEditor),
        FieldPanel("aanpak", widget=MarkdownEditor),
        InlinePanel("tips", label=_("Tips")),
        InlinePanel("step_stories", label=_("Practice stories")),
        InlinePanel("resources", label=_("Sources and tools")),
        MultiFieldPanel([InlinePanel("links", label=_("Links to other steps"))], _("Links")),
    ]
    base_form_class = KeyLockedForm
    parent_page_types = ["method.PhasePage"]
    subpage_types = []
    # Page's title has boost 2, so title and subtitle weigh more than body text on
    # PostgreSQL; SQLite's backend weighs only the title against one body of text, so
    # method/search.py ranks the candidates itself (title > subtitle > doel > aanpak > tips).
    search_fields = [
        *Page.search_fields,
        index.SearchField("subtitle", boost=2),
        index.SearchField("doel"),
        index.SearchField("aanpak"),
        index.RelatedFields("tips", [index.SearchField("text")]),
        index.RelatedFields(
            "step_stories",
            [index.RelatedFields("story", [index.SearchField("title"), index.SearchField("text")])],
        ),
    ]

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def serve(self, request, *args, **kwargs):
        return _cacheable_without_query(request, super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from wijkkoers.method import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.step_detail(self, request))
        return context


class StepParty(Orderable):
    """A party involved in a step; ordered, because the lead party comes first."""

    step = ParentalKey(StepPage, on_delete=models.CASCADE, related_name="step_parties")
    party = models.ForeignKey(
        PartyType, on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )

    panels = [FieldPanel("party")]

    class Meta(Orderable.Meta):
        verbose_name = _("party")


class StepTip(Orderable):
    step = ParentalKey(StepPage, on_delete=models.CASCADE, related_name="tips")
    text = models.TextField(
        _("tip"), help_text=_("Markdown, one paragraph; link a step with (knooppunt:key).")
    )

    panels = [FieldPanel("text", widget=MarkdownEditor)]

    class Meta(Orderable.Meta):
        verbose_name = _("tip")


class StepLink(Orderable):
    """A typed link from one step to another."""

    class Kind(models.TextChoices):
        REQUIRES = "requires", _("Requires")
        LEADS_TO = "leads_to", _("Leads to")
        RELATED = "related", _("Related")

        @property
        def heading_out(self):
            """The heading over the steps this step links to with this kind."""
            return LINK_HEADINGS[self.value][0]

        @property
        def heading_in(self):
            """The heading over the steps that link to this step with this kind."""
            return LINK_HEADINGS[self.value][1]

    step = ParentalKey(StepPage, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    target = models.ForeignKey(
        StepPage,
        on_delete=models.CASCADE,
        related_name="incoming_links",
        verbose_name=_("step"),
    )

    panels = [FieldPanel("kind"), PageChooserPanel("target", "method.StepPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")


# Per link kind: (heading for links out, heading for links in), as the step page shows them.
LINK_HEADINGS = {
    StepLink.Kind.REQUIRES: (_("Needed first"), _("Needed for")),
    StepLink.Kind.LEADS_TO: (_("Leads to"), _("Follows from")),
    StepLink.Kind.RELATED: (_("Related"), _("Refers to this step")),
}


class StepStory(Orderable):
    step = ParentalKey(StepPage, on_delete=models.CASCADE, related_name="step_stories")
    story = models.ForeignKey(
        PracticeStory,
        on_delete=models.PROTECT,
        related_name="step_stories",
        verbose_name=_("story"),
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("practice story")


class StepResource(Orderable):
    """A public guide or tool for a step, shown under "Sources and tools" with its publisher."""

    step = ParentalKey(StepPage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(
        _("title"), max_length=300, help_text=_("The title as the publisher names it.")
    )
    publisher = models.CharField(_("publisher"), max_length=200)
    url = models.URLField(_("web address"), max_length=500)

    panels = [FieldPanel("title"), FieldPanel("publisher"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("source or tool")
        verbose_name_plural = _("sources and tools")
