"""Forms of the logbook's entries. They parse input; the services hold the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.logbook.models import AgreementStatus, DecisionStatus, Entry, MeetingKind
from wijkkoers.logbook.queries import decision_choices, step_choices
from wijkkoers.projects.forms import DateInput
from wijkkoers.projects.models import Membership

PARTY_FIELDS = {"parties", "parties_agreed", "parties_objected", "attendee_parties"}
MARKDOWN_HELP = _("Markdown: **bold**, *italic*, lists and links.")


def _text(label, *, rows=4, max_length=10000, help_text=MARKDOWN_HELP, required=False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


def _parties(label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=None,
        to_field_name="public_id",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _steps():
    return forms.MultipleChoiceField(
        label=_("Steps"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The steps of the method this belongs to."),
    )


class EntryForm(forms.Form):
    """Sets up the project's choices: parties, members, steps, decisions."""

    def __init__(self, *args, project, entry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        for name in PARTY_FIELDS & set(self.fields):
            self.fields[name].queryset = project.parties.order_by("name")
        if "steps" in self.fields:
            self.fields["steps"].choices = step_choices()


class RevisionForm(forms.Form):
    """What a revision adds: the version the user based it on, and why."""

    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    change_reason = forms.CharField(
        label=_("Why this change?"),
        max_length=1000,
        help_text=_("The history shows it with your change."),
    )


class DecisionForm(EntryForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (DecisionStatus.TAKEN.value, DecisionStatus.TAKEN.label),
            (DecisionStatus.PROPOSED.value, DecisionStatus.PROPOSED.label),
        ],
    )
    decided_on = forms.DateField(
        label=_("Date decided"),
        required=False,
        widget=DateInput(),
        help_text=_("Required for a decision that has been taken."),
    )
    decided_by = forms.CharField(
        label=_("Decided by"),
        required=False,
        max_length=200,
        help_text=_("The body or meeting that decided, e.g. the steering group."),
    )
    text = _text(_("The decision"), rows=5, max_length=20000)
    rationale = _text(_("Rationale"), rows=3)
    parties_agreed = _parties(_("Parties that agreed"))
    parties_objected = _parties(_("Parties that objected"))
    replaces = forms.ModelMultipleChoiceField(
        label=_("Replaces"),
        queryset=None,
        to_field_name="public_id",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Earlier decisions this one replaces: they are marked as replaced."),
    )
    amends = forms.ModelMultipleChoiceField(
        label=_("Amends"),
        queryset=None,
        to_field_name="public_id",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Earlier decisions this one changes in part."),
    )
    steps = _steps()

    def __init__(self, *args, project, entry=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        choices = decision_choices(project, without=entry)
        self.fields["replaces"].queryset = choices
        self.fields["amends"].queryset = choices
        self.fields["replaces"].label_from_instance = _decision_label
        self.fields["amends"].label_from_instance = _decision_label


def _decision_label(entry: Entry) -> str:
    return f"{entry.title} ({entry.occurred_on:%d-%m-%Y})"


class DecisionReviseForm(DecisionForm, RevisionForm):
    pass


class OwnerField(forms.ChoiceField):
    """One choice for an owner that is a member or a party: "lid:<id>" or "partij:<id>"."""


class AgreementForm(EntryForm):
    title = forms.CharField(label=_("What was agreed"), max_length=300)
    owner = OwnerField(label=_("Owner"), help_text=_("A member of the team or one of the parties."))
    made_on = forms.DateField(label=_("Agreed on"), widget=DateInput())
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
    status_reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        help_text=_("Required when the agreement lapsed or was referred elsewhere."),
    )
    text = _text(_("Details"), rows=3)
    parties = _parties(_("Parties involved"))
    steps = _steps()

    def __init__(self, *args, project, entry=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("made_on", timezone.localdate())
        super().__init__(*args, project=project, **kwargs)
        self.members = {
            m.public_id: m
            for m in Membership.objects.filter(project=project).select_related("user")
        }
        self.party_rows = {p.public_id: p for p in project.parties.order_by("name")}
        self.fields["owner"].choices = [
            ("", _("(choose)")),
            (
                _("Members"),
                sorted(
                    ((f"lid:{k}", m.user.display_name) for k, m in self.members.items()),
                    key=lambda choice: choice[1].lower(),
                ),
            ),
            (_("Parties"), [(f"partij:{k}", p.name) for k, p in self.party_rows.items()]),
        ]
        if entry is None:
            self.fields["status"].choices = [
                (AgreementStatus.OPEN.value, AgreementStatus.OPEN.label),
                (AgreementStatus.IN_PROGRESS.value, AgreementStatus.IN_PROGRESS.label),
            ]
            del self.fields["status_reason"]

    def owner_of(self, value: str) -> tuple:
        """(member, party) chosen by the owner field."""
        kind, _sep, public_id = (value or "").partition(":")
        if kind == "lid":
            return self.members.get(public_id), None
        if kind == "partij":
            return None, self.party_rows.get(public_id)
        return None, None


def owner_value(revision) -> str:
    if revision.owner_member_id:
        return f"lid:{revision.owner_member.public_id}"
    if revision.owner_party_id:
        return f"partij:{revision.owner_party.public_id}"
    return ""


class AgreementReviseForm(AgreementForm, RevisionForm):
    pass


class WithdrawForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Reason for withdrawal"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Members keep seeing it, marked as withdrawn, with this reason."),
    )


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.display_name


class ActionForm(EntryForm):
    title = forms.CharField(label=_("What needs doing"), max_length=300)
    owner = MemberChoice(
        label=_("Owner"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        empty_label=_("(nobody)"),
    )
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())
    steps = _steps()

    def __init__(self, *args, project, entry=None, **kwargs):
        super().__init__(*args, project=project, **kwargs)
        self.fields["owner"].queryset = (
            Membership.objects.filter(project=project).select_related("user").order_by("user__name")
        )


class MemberChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.user.display_name


class MeetingForm(EntryForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    attendee_members = MemberChoices(
        label=_("Members present"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
    )
    attendee_parties = _parties(_("Parties present"))
    other_attendees = forms.IntegerField(
        label=_("Number of others present"), min_value=0, max_value=100000, initial=0
    )
    agenda = _text(_("Agenda"), rows=4)
    minutes = _text(_("Minutes"), rows=8, max_length=50000)
    steps = _steps()

    def __init__(self, *args, project, entry=None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("held_on", timezone.localdate())
        super().__init__(*args, project=project, **kwargs)
        self.fields["attendee_members"].queryset = (
            Membership.objects.filter(project=project).select_related("user").order_by("user__name")
        )


# --- Recording at a meeting in one go ---------------------------------------------------------


class QuickDecisionForm(forms.Form):
    """One decision taken at the meeting; a row without a title is skipped."""

    title = forms.CharField(label=_("Decision"), max_length=300, required=False)
    text = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (DecisionStatus.TAKEN.value, DecisionStatus.TAKEN.label),
            (DecisionStatus.PROPOSED.value, DecisionStatus.PROPOSED.label),
        ],
    )


class QuickAgreementForm(forms.Form):
    title = forms.CharField(label=_("Agreement"), max_length=300, required=False)
    owner = OwnerField(label=_("Owner"), required=False)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, owner_form: AgreementForm, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_form = owner_form
        self.fields["owner"].choices = owner_form.fields["owner"].choices


class QuickActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300, required=False)
    owner = MemberChoice(
        label=_("Owner"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        empty_label=_("(nobody)"),
    )
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            Membership.objects.filter(project=project).select_related("user").order_by("user__name")
        )
