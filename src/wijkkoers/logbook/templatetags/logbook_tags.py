"""How logbook values read in templates: status labels per kind, kind names, step names."""

from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wijkkoers.logbook.models import AgreementStatus, DecisionStatus, EntryKind
from wijkkoers.method.catalogue import get_catalogue

register = template.Library()

ACTION_STATUS = {"open": pgettext_lazy("action status", "open"), "gedaan": _("carried out")}
STATUS_LABELS = {
    EntryKind.DECISION: dict(DecisionStatus.choices),
    EntryKind.AGREEMENT: dict(AgreementStatus.choices),
    EntryKind.ACTION: ACTION_STATUS,
}


@register.filter
def entry_status(entry) -> str:
    """The entry's current status in words ("" for kinds without one)."""
    return str(STATUS_LABELS.get(entry.kind, {}).get(entry.status, ""))


@register.filter
def kind_label(kind) -> str:
    return str(dict(EntryKind.choices).get(kind, kind))


@register.filter
def step_name(key) -> str:
    step = get_catalogue().steps.get(key)
    return f"{step.display_number} {step.title}" if step else key


# A public id never holds this (new_public_id: letters, digits, "-" and "_").
_ENTRY_ID = "~entry~"
_entry_urls: dict[tuple, str] = {}


@register.simple_tag
def entry_url(entry, project) -> str:
    """The entry's detail page: the URL named after its kind ("logbook:besluit"), or "" while
    a kind has no detail page.

    One reverse() per kind, project and script prefix (remembered; at most a few per
    project), the entry's id put in after: a list of 100 rows reversed 100 URLs before."""
    key = (entry.kind, project.public_id, get_script_prefix())
    if key not in _entry_urls:
        if len(_entry_urls) > 1000:
            _entry_urls.clear()
        try:
            _entry_urls[key] = reverse(f"logbook:{entry.kind}", args=[project.public_id, _ENTRY_ID])
        except NoReverseMatch:
            _entry_urls[key] = ""
    url = _entry_urls[key]
    return url.replace(_ENTRY_ID, entry.public_id) if url else ""


@register.simple_tag
def entry_rows(entries, project, show_kind=False) -> str:
    """The list rows of `entries` (logbook/rows.py): what including the row template per
    entry wrote."""
    from wijkkoers.logbook.rows import entry_rows as rows

    return rows(entries, project, show_kind=show_kind)
