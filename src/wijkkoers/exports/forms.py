from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Export file"),
        help_text=_(
            "The zip a Wijkkoers installation made with “Download the full export” (at most 100 MB)."
        ),
    )
