from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    """Extra fields on allauth's registration form."""

    field_order = ["name", "email", "password1", "password2"]

    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("Shown to your team members, for example in the logbook."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.name = self.cleaned_data["name"].strip()
        user.save(update_fields=["name"])


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
