"""How logbook values read in templates: status labels per kind, kind names, step names."""

from django import template
from django.urls import NoReverseMatch, reverse
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


@register.simple_tag
def entry_url(entry, project) -> str:
    """The entry's detail page: the URL named after its kind ("logbook:besluit"), or "" while
    a kind has no detail page."""
    try:
        return reverse(f"logbook:{entry.kind}", args=[project.public_id, entry.public_id])
    except NoReverseMatch:
        return ""
