"""Forms of the housing-cost pages. They parse input; the rules live in services.py.

Numbers are typed the Dutch way: a comma for decimals ("1,45"), optionally dots between
thousands ("1.200"). A dot followed by other than exactly three digits is read as a decimal
point ("1.45"), so a price typed the English way still means what it says.
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkoers.housingcost.explain import plain_number
from wijkkoers.housingcost.models import (
    INPUTS,
    Comparison,
    Component,
    Guarantee,
    Segment,
)
from wijkkoers.housingcost.services import ArchetypeData, DefinitionData

THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
YES_NO = [("nee", _("No")), ("ja", _("Yes"))]


def parse_number(text: str) -> Decimal:
    text = text.strip().replace(" ", "").replace("\u00a0", "").replace("€", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    value = Decimal(text)
    if not value.is_finite():
        raise InvalidOperation
    return value


class DutchDecimalField(forms.CharField):
    """A decimal number typed the Dutch way; empty is None."""

    default_error_messages = {"invalid": _("Enter a number, for example 1.200 or 1,45.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update(inputmode="decimal", maxlength="30")

    def prepare_value(self, value):
        return plain_number(value) if isinstance(value, Decimal) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 30:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_number(value)
        except (InvalidOperation, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DefinitionForm(forms.Form):
    components = forms.MultipleChoiceField(
        label=_("Cost components counted"),
        choices=Component.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reference = forms.CharField(
        label=_("Reference situation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_(
            "What you compare with: for example the current situation, or the situation in "
            "which the household would have replaced its gas boiler anyway."
        ),
    )
    gas_price = DutchDecimalField(label=_("Gas price (EUR per m³)"))
    electricity_price = DutchDecimalField(label=_("Electricity price (EUR per kWh)"))
    heat_fixed_monthly = DutchDecimalField(
        label=_("Heat: fixed charge (EUR per month)"),
        help_text=_("Counted only for a household that uses heat (more than 0 GJ)."),
    )
    heat_price_per_gj = DutchDecimalField(label=_("Heat price (EUR per GJ)"))
    prices_on = forms.DateField(label=_("Prices apply on"), required=False, widget=DateInput())
    price_note = forms.CharField(
        label=_("Where the prices come from"),
        required=False,
        max_length=1000,
        help_text=_("For example the supplier's rates or an agreed assumption, with its date."),
    )
    comparison = forms.ChoiceField(
        label=_("Moment or period of comparison"),
        choices=Comparison.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    period_years = forms.IntegerField(
        label=_("Period of comparison (years)"),
        required=False,
        help_text=_("Only when you compare over a period."),
    )
    segments = forms.MultipleChoiceField(
        label=_("Segments"),
        choices=Segment.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    subsidies_counted = forms.ChoiceField(
        label=_("Subsidies counted"), choices=YES_NO, widget=forms.RadioSelect, required=False
    )
    subsidies_which = forms.CharField(label=_("Which subsidies"), required=False, max_length=1000)
    guarantee = forms.ChoiceField(
        label=_("Who guarantees it"),
        choices=Guarantee.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    guarantor = forms.CharField(
        label=_("Guaranteeing party"),
        required=False,
        max_length=300,
        help_text=_("Only when a party guarantees it: its name and for how long."),
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=20000,
        help_text=_("Markdown. In plain words, as you would tell residents."),
    )
    change_reason = forms.CharField(label=_("Why this change"), required=False, max_length=1000)
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        if current is None:
            del self.fields["change_reason"]

    def definition_data(self) -> DefinitionData:
        data = self.cleaned_data
        return DefinitionData(
            components=list(data["components"]),
            reference=data["reference"],
            gas_price=data["gas_price"],
            electricity_price=data["electricity_price"],
            heat_fixed_monthly=data["heat_fixed_monthly"],
            heat_price_per_gj=data["heat_price_per_gj"],
            prices_on=data["prices_on"],
            price_note=data["price_note"].strip(),
            comparison=data["comparison"] or Comparison.MOMENT,
            period_years=data["period_years"],
            segments=list(data["segments"]),
            subsidies_counted=data["subsidies_counted"] == "ja",
            subsidies_which=data["subsidies_which"],
            guarantee=data["guarantee"] or Guarantee.NOBODY,
            guarantor=data["guarantor"],
            explanation=data["explanation"],
        )


def definition_initial(current) -> dict:
    """The form's starting values: the version in force, or sensible empty choices."""
    if current is None:
        return {"comparison": Comparison.MOMENT, "guarantee": Guarantee.NOBODY, "based_on": 0}
    own = [name for name in DefinitionForm.base_fields if name not in ("change_reason", "based_on")]
    initial = {name: getattr(current, name) for name in own}
    initial.update(
        subsidies_counted="ja" if current.subsidies_counted else "nee", based_on=current.number
    )
    return initial


class ArchetypeForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        help_text=_("For example: owner-occupied terraced house, or corporation flat."),
    )
    segment = forms.ChoiceField(label=_("Segment"), choices=Segment.choices, required=False)
    description = forms.CharField(label=_("Description"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for stem, _label in INPUTS:
            self.fields[f"{stem}_before"] = DutchDecimalField(label=_("Before"))
            self.fields[f"{stem}_after"] = DutchDecimalField(label=_("After"))
        self.input_groups = [
            (stem, label, self[f"{stem}_before"], self[f"{stem}_after"]) for stem, label in INPUTS
        ]

    def archetype_data(self) -> ArchetypeData:
        data = self.cleaned_data
        return ArchetypeData(
            name=data["name"],
            segment=data["segment"],
            description=data["description"],
            inputs={
                name: data[name] for name in self.fields if name.endswith(("_before", "_after"))
            },
        )


class CalculationNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note with the calculation"),
        required=False,
        max_length=1000,
        help_text=_("Optional: for example what this calculation was made for."),
    )
