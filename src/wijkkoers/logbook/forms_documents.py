"""Forms of the documents and links pages; the services decide, the forms only collect."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.logbook import filetypes
from wijkkoers.logbook.queries_documents import step_choices


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class _EntryFields(forms.Form):
    """Title, date, steps and parties: what every logbook entry has."""

    occurred_on = forms.DateField(label=_("Date"), widget=DateInput())
    steps = forms.MultipleChoiceField(
        label=_("Steps"),
        required=False,
        help_text=_("The steps of the method this belongs to. Hold Ctrl (or Cmd) to pick more."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"),
        queryset=None,
        required=False,
        help_text=_("The parties this concerns, if any."),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project, step=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("occurred_on", timezone.localdate())
        if step:
            kwargs["initial"].setdefault("steps", [step])
        super().__init__(*args, **kwargs)
        self.fields["steps"].choices = step_choices()
        self.fields["parties"].queryset = project.parties.order_by("name")
        if not self.fields["parties"].queryset.exists():
            del self.fields["parties"]


class DocumentForm(_EntryFields):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "At most 25 MB: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, "
            "CSV or plain text."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": filetypes.ACCEPT}),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Empty: the file name."),
    )
    field_order = ["file", "title", "occurred_on", "steps", "parties"]


class LinkForm(_EntryFields):
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.CharField(
        label=_("Web address"),
        max_length=2000,
        help_text=_("Starts with https:// or http://."),
        widget=forms.URLInput(),
    )
    field_order = ["title", "url", "occurred_on", "steps", "parties"]


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this withdrawn?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Members keep seeing it, marked as withdrawn, with this reason."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the logbook"), required=False, max_length=1000)
