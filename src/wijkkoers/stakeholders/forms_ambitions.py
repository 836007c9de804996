"""Forms of the ambitions pages: they collect input; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkoers.stakeholders.models import Severity, TensionStatus
from wijkkoers.stakeholders.queries_ambitions import decision_choices

TEXT_LIMIT = 4000


def _text(label, help_text="", required=False, rows=4):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class AmbitionsForm(forms.Form):
    interests = _text(_("Interests"), _("What this party needs to gain or must not lose."))
    ambition_neighbourhood = _text(
        _("Ambition for the whole neighbourhood"),
        _("What this party wants for the neighbourhood as a whole."),
    )
    ambition_own_property = _text(
        _("Ambition for its own property"),
        _("What this party wants for the buildings and land it owns in the neighbourhood."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, municipality=False, **kwargs):
        super().__init__(*args, **kwargs)
        if municipality:
            self.fields["ambition_neighbourhood"].label = _(
                "Ambition for the whole neighbourhood (as director of the approach)"
            )
            self.fields["ambition_neighbourhood"].help_text = _(
                "What the municipality wants for the neighbourhood as the party that directs "
                "the neighbourhood approach."
            )
            self.fields["ambition_own_property"].label = _(
                "Ambition for its own property (as owner)"
            )
            self.fields["ambition_own_property"].help_text = _(
                "What the municipality wants for the public property it owns in the "
                "neighbourhood, as any owner would."
            )


class StakeholderChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.party.name


class DecisionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.occurred_on:%d-%m-%Y})"


class _LinkedForm(forms.Form):
    """Title, description, stakeholders and decisions: what tensions and gains share."""

    title = forms.CharField(label=_("Title"), max_length=300)
    stakeholders = StakeholderChoice(
        label=_("Stakeholders"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("At least two."),
    )
    decisions = DecisionChoice(
        label=_("Linked decisions"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Decisions from this project's logbook about this, if any."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stakeholders"].queryset = project.stakeholders.select_related(
            "party"
        ).order_by("party__name", "pk")
        self.fields["decisions"].queryset = decision_choices(project)


class TensionForm(_LinkedForm):
    description = _text(_("Description"), _("Which interests clash, and how."), rows=5)
    severity = forms.ChoiceField(label=_("How serious"), choices=Severity.choices)
    status = forms.ChoiceField(label=_("Status"), choices=TensionStatus.choices)
    field_order = ["title", "description", "stakeholders", "severity", "status", "decisions"]


class GainForm(_LinkedForm):
    description = _text(
        _("Description"), _("Where the parties reinforce each other, and how."), rows=5
    )
    field_order = ["title", "description", "stakeholders", "decisions"]


class TensionFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("all"))] + list(TensionStatus.choices),
    )
    ernst = forms.ChoiceField(
        label=_("How serious"),
        required=False,
        choices=[("", _("all"))] + list(Severity.choices),
    )


class MarkForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        help_text=_("How or when you did this, optional."),
    )
