from django import forms
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.forms import DateInput


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the system that uses it."),
    )
    expires_on = forms.DateField(
        label=_("Valid until (optional)"),
        required=False,
        widget=DateInput(),
        help_text=_("The last day the token works. Leave empty for a token without end date."),
    )
