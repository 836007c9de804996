"""Wording of allauth that we translate ourselves, so the product speaks with one voice.

These msgids belong to allauth; listing them here makes `makemessages` put them in our
catalogue, which Django reads before allauth's (LOCALE_PATHS come first).
"""

from django.utils.translation import gettext_noop

OVERRIDES = [
    gettext_noop("Sign In"),
    gettext_noop("Sign Out"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("New Password (again)"),
    gettext_noop("Password successfully changed."),
]
