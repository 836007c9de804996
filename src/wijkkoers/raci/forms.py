"""Forms of roles and RACI rows. They parse input; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import Membership
from wijkkoers.raci.models import Letter

LETTER_PREFIX = "rol_"


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.display_name


class RoleForm(forms.Form):
    name = forms.CharField(label=_("Name of the role"), max_length=120)
    description = forms.CharField(
        label=_("Short description"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What this role does in the project, in a sentence or two."),
    )
    member = MemberChoice(
        label=_("Filled by (member)"),
        queryset=Membership.objects.none(),
        required=False,
        to_field_name="public_id",
        empty_label=_("(nobody yet)"),
    )
    party = forms.ModelChoiceField(
        label=_("Filled by (party)"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        empty_label=_("(no party)"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = (
            Membership.objects.filter(project=project).select_related("user").order_by("user__name")
        )
        self.fields["party"].queryset = project.parties.order_by("name")


def step_choices() -> list:
    """("", none), then the live steps grouped by phase, in the method's order."""
    return [
        ("", _("(no step)")),
        *[
            (
                f"{phase.number}. {phase.title}",
                [(step.key, f"{step.display_number} {step.title}") for step in phase.steps],
            )
            for phase in get_catalogue().phases
        ],
    ]


class RowForm(forms.Form):
    """An activity and/or step, then one letter field per role (named rol_<public id>)."""

    activity = forms.CharField(
        label=_("Activity"),
        required=False,
        max_length=300,
        help_text=_("For example: write the communication plan. Or choose a step below."),
    )
    step = forms.ChoiceField(label=_("Step of the method"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0, required=False)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = roles
        self.letter_errors = []
        self.fields["step"].choices = step_choices()
        letters = [("", _("— (none)")), *Letter.choices]
        for role in roles:
            self.fields[LETTER_PREFIX + role.public_id] = forms.ChoiceField(
                label=role.name, required=False, choices=letters
            )

    def letter_fields(self):
        return [self[LETTER_PREFIX + role.public_id] for role in self.roles]

    def other_fields(self):
        return [self["activity"], self["step"]]

    def letters(self) -> dict:
        """{role: letter} from the cleaned data."""
        return {role: self.cleaned_data[LETTER_PREFIX + role.public_id] for role in self.roles}
