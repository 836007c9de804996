"""Wagtail admin wording that we translate ourselves, so editors read Dutch everywhere.

Wagtail's Dutch catalogue keeps a few English words ("Checks", "Minimap") on the page
editor; listing the msgids here makes `makemessages` put them in our catalogue, which
Django reads before Wagtail's (LOCALE_PATHS come first). Names stored in the database
(the default workflow, the root page) get Dutch names in migration method/0002.
"""

from django.utils.translation import gettext_noop

OVERRIDES = [
    gettext_noop("Checks"),
    gettext_noop("Minimap"),
    gettext_noop("Sites menu"),
    gettext_noop("Workflow: start"),
    # Wagtail writes this aria-label without translation; our copy of its template
    # (templates/wagtailadmin/shared/headers/_actions.html) asks for it.
    gettext_noop("Actions"),
]
