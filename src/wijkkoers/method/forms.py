from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkoers.method.catalogue import KompasFilters
from wijkkoers.method.models import submissions as limits
from wijkkoers.method.queries import MAX_QUERY_LENGTH


class KompasFilterForm(forms.Form):
    """The Kompas filters; a value that is not a known choice is simply ignored."""

    spoor = forms.ChoiceField(label=_("Track"), required=False)
    partij = forms.ChoiceField(label=_("Party"), required=False)
    gevoelig = forms.BooleanField(label=_("Only politically sensitive steps"), required=False)

    def __init__(self, data, *, tracks, parties):
        super().__init__(data)
        self.fields["spoor"].choices = [("", _("All tracks"))] + [(t.code, str(t)) for t in tracks]
        self.fields["partij"].choices = [("", _("All parties"))] + [
            (p.key, p.name) for p in parties
        ]

    def filters(self) -> KompasFilters:
        if not self.is_valid():
            # Keep whatever is valid: one bad value should not hide the other filters.
            data = {name: self.cleaned_data.get(name) for name in self.fields}
        else:
            data = self.cleaned_data
        return KompasFilters(
            track=data.get("spoor") or "",
            party=data.get("partij") or "",
            sensitive=bool(data.get("gevoelig")),
        )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the method"), required=False, max_length=MAX_QUERY_LENGTH)


class StorySubmissionForm(forms.Form):
    """A practice story to share; submissions.submit_story holds the rules."""

    title = forms.CharField(label=_("Title"), max_length=limits.TITLE_MAX)
    place = forms.CharField(
        label=_("Place"), max_length=limits.PLACE_MAX, help_text=_("Town or neighbourhood.")
    )
    what_happened = forms.CharField(
        label=_("What happened?"), max_length=limits.TEXT_MAX, widget=forms.Textarea
    )
    what_was_learned = forms.CharField(
        label=_("What did you learn from it?"), max_length=limits.TEXT_MAX, widget=forms.Textarea
    )
    source_url = forms.CharField(
        label=_("Link to the source"),
        required=False,
        max_length=limits.URL_MAX,
        help_text=_("A web page, report or article about this story."),
        widget=forms.URLInput,
    )
    involved_permission = forms.BooleanField(
        label=_("I was involved myself and give permission to publish this story"),
        required=False,
        help_text=_("Tick this when there is no link to a source."),
    )
