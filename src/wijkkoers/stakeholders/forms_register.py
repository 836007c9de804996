"""Forms of the stakeholder register. They parse input; the rules are in services/register.py."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.core.widgets import Select
from wijkkoers.method.models import PartyType
from wijkkoers.projects.forms import DateInput
from wijkkoers.projects.models import Party
from wijkkoers.stakeholders.models import SCORE_MAX, SCORE_MIN, Position, Stakeholder
from wijkkoers.stakeholders.services.register import OrganisationData, StakeholderData

NEW = "nieuw"  # the party choice that makes a new organisation


class StakeholderFields(forms.Form):
    """The register's own values, shared by the add and the edit form."""

    role_in_project = forms.CharField(
        label=_("Role in the project"),
        max_length=300,
        required=False,
        help_text=_("For example: initiator, owner of most homes, grid operator."),
    )
    interests = forms.CharField(
        label=_("Interests"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What this party wants to gain or keep, and what it could lose."),
    )
    position = forms.ChoiceField(
        label=_("Position towards the approach"),
        choices=Position.choices,
        initial=Position.NEUTRAL,
        widget=Select,
    )
    contact_name = forms.CharField(
        label=_("Contact person (optional)"),
        max_length=200,
        required=False,
        help_text=_("We record organisations and groups, not private persons."),
    )
    contact_purpose = forms.CharField(
        label=_("Why we keep this contact"),
        max_length=300,
        required=False,
        help_text=_("Required when you give a contact person."),
    )

    def stakeholder_data(self, priorities=()) -> StakeholderData:
        data = self.cleaned_data
        return StakeholderData(
            role_in_project=data["role_in_project"],
            contact_name=data["contact_name"],
            contact_purpose=data["contact_purpose"],
            interests=data["interests"],
            position=data["position"],
            priorities=list(priorities),
        )


class StakeholderAddForm(StakeholderFields):
    """Record a party at the table, or a new organisation, as a stakeholder."""

    party = forms.ChoiceField(label=_("Party"), widget=Select)
    name = forms.CharField(label=_("Name of the new organisation"), max_length=200, required=False)
    party_type = forms.ChoiceField(label=_("Kind of party"), required=False, widget=Select)
    other_type = forms.CharField(
        label=_("Kind of party, in your own words"),
        max_length=120,
        required=False,
        help_text=_("Only when you chose “Other kind”."),
    )
    field_order = ["party", "name", "party_type", "other_type"]

    def __init__(self, *args, project, new_organisation=True, **kwargs):
        """`new_organisation`: whether the user may add a party (projects' add_party rule)."""
        super().__init__(*args, **kwargs)
        self.parties = {
            party.public_id: party
            for party in project.parties.filter(stakeholder__isnull=True).order_by("name")
        }
        self.fields["party"].choices = [
            *((public_id, party.name) for public_id, party in self.parties.items()),
            *([(NEW, _("A new organisation (fill in below)"))] if new_organisation else []),
        ]
        kinds = [(kind.key, kind.name) for kind in PartyType.objects.all()]
        self.fields["party_type"].choices = [
            ("", _("(choose)")),
            *kinds,
            (Party.OTHER, _("Other kind")),
        ]

    def clean(self):
        data = super().clean()
        if data.get("party") == NEW:
            if not data.get("name", "").strip():
                self.add_error("name", _("Give the name of the new organisation."))
            if not data.get("party_type"):
                self.add_error("party_type", _("Choose the kind of party."))
        return data

    @property
    def chosen_party(self) -> Party | None:
        return self.parties.get(self.cleaned_data["party"])

    def organisation(self) -> OrganisationData:
        data = self.cleaned_data
        return OrganisationData(
            name=data["name"], party_type=data["party_type"], other_type=data["other_type"]
        )


class StakeholderEditForm(StakeholderFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class PriorityForm(forms.Form):
    text = forms.CharField(label=_("Priority"), max_length=300, required=False)
    rank = forms.IntegerField(
        label=_("Rank"),
        min_value=1,
        max_value=99,
        required=False,
        widget=forms.NumberInput(attrs={"class": "input--rank"}),
    )


PriorityFormSet = forms.formset_factory(PriorityForm, extra=2, can_delete=True, max_num=30)


def priority_initial(stakeholder: Stakeholder) -> list[dict]:
    return [{"text": p.text, "rank": p.rank} for p in stakeholder.priorities.all()]


def ranked_priorities(formset) -> list[str]:
    """The texts in their new order: by the rank given (blank last), then by row; empty and
    removed rows left out. Ranks are renumbered 1..n by the service."""
    rows = []
    for index, form in enumerate(formset.forms):
        data = form.cleaned_data
        if not data or data.get("DELETE") or not data.get("text", "").strip():
            continue
        rows.append((data.get("rank") or 100, index, data["text"]))
    return [text for _rank, _index, text in sorted(rows)]


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("Date of the assessment"), widget=DateInput())
    # No bounds here: the service refuses a score outside 1-5 with its own message.
    power = forms.IntegerField(
        label=_("Power (1-5)"),
        widget=forms.NumberInput(attrs={"min": SCORE_MIN, "max": SCORE_MAX}),
        help_text=_("How much this party can influence the approach: 1 little, 5 much."),
    )
    interest = forms.IntegerField(
        label=_("Interest (1-5)"),
        widget=forms.NumberInput(attrs={"min": SCORE_MIN, "max": SCORE_MAX}),
        help_text=_("How much the approach matters to this party: 1 little, 5 much."),
    )
    note = forms.CharField(
        label=_("Explanation (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"assessed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class MovementForm(forms.Form):
    """The map's "movement since" date, from the query string."""

    sinds = forms.DateField(label=_("Show movement since"), required=False, widget=DateInput())

    def clean_sinds(self):
        since = self.cleaned_data["sinds"]
        if since and since > timezone.localdate():
            raise forms.ValidationError(_("Choose a date today or earlier."))
        return since
