"""Forms of the goal, indicators and measurements. They parse input; the services hold the
rules (most fields are optional here so the service's own message shows at the field)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.core.widgets import Select
from wijkkoers.goals.models import MARKDOWN_HELP, EnergyScope, GoalType, ScopeAnswer
from wijkkoers.projects.forms import DateInput
from wijkkoers.projects.models import Membership

OPEN = ("", _("not decided yet"))


def _number(label, help_text=""):
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=16,
        decimal_places=3,
        localize=True,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def _text(label, *, rows=4, max_length=10000, help_text=MARKDOWN_HELP):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class GoalForm(forms.Form):
    goal_type = forms.ChoiceField(
        label=_("Kind of goal"), choices=GoalType.choices, widget=forms.RadioSelect
    )
    other_label = forms.CharField(
        label=_("Name of the goal"),
        required=False,
        max_length=200,
        help_text=_("Only for another kind of goal."),
    )
    definition = _text(_("What the team means by it"), rows=5)
    scope = _text(_("Scope: which area, which buildings, which period"), rows=4)
    energy_scope = forms.ChoiceField(
        label=_("Which energy use counts?"),
        required=False,
        choices=[OPEN, *EnergyScope.choices],
        widget=Select,
        help_text=_("For CO2-neutral only, as are the next three questions."),
    )
    electricity_counted = forms.ChoiceField(
        label=_("Does the CO2 of electricity count?"),
        required=False,
        choices=[OPEN, *ScopeAnswer.choices],
        widget=Select,
    )
    compensation_allowed = forms.ChoiceField(
        label=_("May emissions be compensated elsewhere?"),
        required=False,
        choices=[OPEN, *ScopeAnswer.choices],
        widget=Select,
    )
    reference_year = forms.IntegerField(
        label=_("Reference year"),
        required=False,
        help_text=_("The year you compare with, for example the year of the baseline."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    change_reason = forms.CharField(
        label=_("Why this change?"),
        required=False,
        max_length=1000,
        help_text=_("The history shows it with your change."),
    )

    def __init__(self, *args, first=True, **kwargs):
        super().__init__(*args, **kwargs)
        if first:
            del self.fields["change_reason"]


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=50,
        help_text=_("What you count in, for example “homes”, “%” or “tonnes of CO2”."),
    )
    baseline_value = _number(_("Baseline value"), _("Where you start from."))
    baseline_on = forms.DateField(label=_("Baseline date"), required=False, widget=DateInput())
    target_value = _number(_("Target value"))
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=DateInput())
    owner = forms.ChoiceField(
        label=_("Owner"),
        required=False,
        widget=Select,
        help_text=_("A member of the team or one of the parties."),
    )
    verification = _text(
        _("How it is verified"),
        rows=3,
        max_length=2000,
        help_text=_("Source and method, for example connection data from the grid operator."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {
            m.public_id: m
            for m in Membership.objects.filter(project=project).select_related("user")
        }
        self.parties = {p.public_id: p for p in project.parties.order_by("name")}
        members = sorted(
            ((f"lid:{key}", m.user.display_name) for key, m in self.members.items()),
            key=lambda choice: str(choice[1]).lower(),
        )
        self.fields["owner"].choices = [
            ("", _("(nobody yet)")),
            (_("Members"), members),
            (_("Parties"), [(f"partij:{key}", p.name) for key, p in self.parties.items()]),
        ]

    def chosen_owner(self) -> tuple:
        """(member, party) chosen by the owner field."""
        kind, _sep, key = (self.cleaned_data.get("owner") or "").partition(":")
        if kind == "lid":
            return self.members.get(key), None
        if kind == "partij":
            return None, self.parties.get(key)
        return None, None


def owner_value(indicator) -> str:
    if indicator.owner_member_id:
        return f"lid:{indicator.owner_member.public_id}"
    if indicator.owner_party_id:
        return f"partij:{indicator.owner_party.public_id}"
    return ""


class RetireForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this indicator retired?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeasurementForm(forms.Form):
    value = _number(_("Measured value"))
    measured_on = forms.DateField(label=_("Date measured"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        help_text=_("Source or remark, for example “count of the grid operator, March”."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("measured_on", timezone.localdate())
        super().__init__(*args, **kwargs)


class CorrectionForm(MeasurementForm):
    note = forms.CharField(
        label=_("What was wrong?"),
        required=False,
        max_length=1000,
        help_text=_("Required: the history shows it with the correction."),
    )
