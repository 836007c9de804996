from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.accounts.models import User
from wijkkoers.core.widgets import Select
from wijkkoers.method.models import PartyType
from wijkkoers.projects.errors import PartyNotInProject
from wijkkoers.projects.models import (
    Neighbourhood,
    Party,
    Project,
    Role,
    StepStatus,
    validate_cbs_code,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CbsCodeField(forms.CharField):
    """A CBS area code, accepted in any case and stored in capitals."""

    default_validators = [validate_cbs_code]

    def to_python(self, value):
        return super().to_python(value).strip().upper()


class ProjectForm(forms.ModelForm):
    neighbourhood = forms.CharField(label=_("Neighbourhood"), max_length=120, required=False)
    cbs_code = CbsCodeField(
        label=_("CBS area code"),
        max_length=10,
        required=False,
        help_text=_("Optional, e.g. BU03630001, WK0363AA or GM0200."),
    )

    class Meta:
        model = Project
        fields = ["name", "municipality", "description", "start_date"]
        widgets = {"start_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("cbs_code") and not data.get("neighbourhood"):
            self.add_error("neighbourhood", _("Name the neighbourhood this code belongs to."))
        return data


class ProjectSettingsForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["name", "municipality", "description", "start_date", "status"]
        widgets = {"start_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Closing has its own button with a confirmation (close_project), not this list.
        self.fields["status"].choices = [
            choice for choice in Project.Status.choices if choice[0] != Project.Status.CLOSED
        ]


class ProjectStatusForm(forms.Form):
    """Closing or reopening a project: a confirmation and an optional reason."""

    confirm = forms.BooleanField(label=_("Yes, I am sure"))
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NeighbourhoodForm(forms.ModelForm):
    class Meta:
        model = Neighbourhood
        fields = ["name", "cbs_code"]
        field_classes = {"cbs_code": CbsCodeField}


class SubProjectForm(forms.Form):
    name = forms.CharField(label=_("Name of the sub-project"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.TEAMLID)
    party = forms.ModelChoiceField(
        label=_("Party"),
        queryset=Party.objects.none(),
        to_field_name="public_id",
        required=False,
        empty_label=_("(none)"),
        help_text=_("Add parties to the project under Settings."),
        error_messages={"invalid_choice": PartyNotInProject.message},
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this project's parties: another project's id is refused at the field.
        self.fields["party"].queryset = project.parties.all()


class PartyForm(forms.Form):
    name = forms.CharField(label=_("Name of the party"), max_length=200)
    party_type = forms.ChoiceField(label=_("Kind of party"), choices=())
    other_type = forms.CharField(
        label=_("Kind of party, in your own words"),
        max_length=120,
        required=False,
        help_text=_("Only when you chose “Other kind”."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, party: Party | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(p.key, p.name) for p in PartyType.objects.all()]
        if party and party.party_type not in {key for key, _name in choices} | {Party.OTHER}:
            # A kind the method has since dropped stays choosable for the party that has it.
            choices.append((party.party_type, party.type_label))
        self.fields["party_type"].choices = [*choices, (Party.OTHER, _("Other kind"))]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class ProgressForm(forms.Form):
    """The team's status of one step. `version` is the version the user saw."""

    status = forms.ChoiceField(label=_("Status"), choices=StepStatus.choices, widget=Select)
    reason = forms.CharField(
        label=_("Reason it does not apply"),
        required=False,
        max_length=500,
        help_text=_("Required when the step does not apply."),
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=None,
        required=False,
        empty_label=_("(nobody)"),
        widget=Select,
    )
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Markdown: **bold**, *italic*, lists and links."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, project, current_target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(memberships__project=project).order_by(
            "name"
        )
        self.current_target = current_target

    def clean_target_date(self):
        target = self.cleaned_data["target_date"]
        # A date in the past is allowed only when it was already set (an overdue step).
        if target and target < timezone.localdate() and target != self.current_target:
            raise forms.ValidationError(_("Choose a date today or later."))
        return target

    def clean(self):
        data = super().clean()
        if data.get("status") == StepStatus.NOT_APPLICABLE and not data.get("reason", "").strip():
            self.add_error("reason", _("Say why this step does not apply."))
        return data


class InvitationSignupForm(forms.Form):
    """A new account for the invited address; opening the e-mailed link proves the address."""

    name = forms.CharField(
        label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields[
            "password1"
        ].help_text = password_validation.password_validators_help_text_html()

    def clean(self):
        data = super().clean()
        password = data.get("password1")
        if password and password != data.get("password2"):
            self.add_error("password2", _("The two passwords are not the same."))
        elif password:
            candidate = User(email=self.email, name=data.get("name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
