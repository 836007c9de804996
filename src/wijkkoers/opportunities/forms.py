"""The opportunity form and the list's filter. They parse input; the services hold the rules."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.opportunities.models import Kind, Status
from wijkkoers.opportunities.windows import parse_moment
from wijkkoers.projects.models import Membership

WINDOW_HELP = _("A year (2027), a month (03-2027 or maart 2027) or a date (15-03-2027).")


class MomentField(forms.CharField):
    """One end of a window as written; cleaned to (date, precision) or None."""

    def __init__(self, *, end=False, **kwargs):
        super().__init__(required=False, max_length=40, help_text=WINDOW_HELP, **kwargs)
        self.end = end

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        try:
            return parse_moment(value, end=self.end)
        except ValueError:
            raise ValidationError(
                _("Write a year, a month or a date, e.g. 2027, 03-2027 or 15-03-2027."),
                code="invalid_moment",
            ) from None


class OpportunityForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    owner = forms.ChoiceField(
        label=_("Owner"), required=False, help_text=_("A member of the team or one of the parties.")
    )
    window_start = MomentField(label=_("Window from"))
    window_end = MomentField(label=_("Window until"), end=True)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    steps = forms.MultipleChoiceField(
        label=_("Steps"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The steps of the method this opportunity belongs to."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {
            m.public_id: m
            for m in Membership.objects.filter(project=project)
            .select_related("user")
            .order_by("user__name")
        }
        self.parties = {p.public_id: p for p in project.parties.order_by("name")}
        self.fields["owner"].choices = [
            ("", _("(nobody yet)")),
            (_("Members"), [(f"lid:{k}", m.user.display_name) for k, m in self.members.items()]),
            (_("Parties"), [(f"partij:{k}", p.name) for k, p in self.parties.items()]),
        ]
        self.fields["steps"].choices = [
            (step.key, f"{step.display_number} {step.title}")
            for phase in get_catalogue().phases
            for step in phase.steps
        ]

    def owner_of(self, value: str) -> tuple:
        """(member, party) chosen by the owner field."""
        kind, _sep, public_id = (value or "").partition(":")
        if kind == "lid":
            return self.members.get(public_id), None
        if kind == "partij":
            return None, self.parties.get(public_id)
        return None, None


def owner_value(opportunity) -> str:
    if opportunity.owner_member_id:
        return f"lid:{opportunity.owner_member.public_id}"
    if opportunity.owner_party_id:
        return f"partij:{opportunity.owner_party.public_id}"
    return ""


class FilterForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("all kinds")), *Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("all statuses")), *Status.choices]
    )
