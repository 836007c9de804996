"""Audit actions of the logbook: documents and links."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display
from wijkkoers.audit.registry import Field, register_action, register_group, register_object_type

GROUP = "logbook_documents"


def _named_steps(keys) -> list:
    """Step keys as {"id": key, "name": "1.2 Title"}, as the method names them now."""
    from wijkkoers.method.catalogue import get_catalogue

    steps = get_catalogue().steps
    named = []
    for key in keys or ():
        step = steps.get(key)
        named.append({"id": key, "name": f"{step.display_number} {step.title}" if step else key})
    return named


def _size(value) -> str:
    from django.template.defaultfilters import filesizeformat

    return str(filesizeformat(value)) if isinstance(value, int) else display.text(value)


def register():
    from wijkkoers.logbook.models import Document, Link

    register_object_type(
        Document, "logbook_document", describe=lambda d: d.entry.title, identify=_entry_id
    )
    register_object_type(
        Link, "logbook_link", describe=lambda link: link.entry.title, identify=_entry_id
    )
    register_group(GROUP, _("Logbook: documents and links"))
    common = {
        "title": Field(label=_("title")),
        "occurred_on": Field(label=_("date"), show=display.date),
        "steps": Field(label=_("steps"), snapshot=_named_steps),
        "parties": Field(label=_("parties")),
    }
    register_action(
        "document.added",
        group=GROUP,
        summary=_("%(actor)s added the document %(object)s"),
        fields={
            **common,
            "original_name": Field(label=_("file name")),
            "size": Field(label=_("size"), show=_size),
        },
    )
    register_action(
        "document.withdrawn",
        group=GROUP,
        summary=_("%(actor)s withdrew the document %(object)s"),
        fields={"reason": Field(label=_("reason"))},
    )
    register_action(
        "link.added",
        group=GROUP,
        summary=_("%(actor)s added the link %(object)s"),
        fields={**common, "url": Field(label=_("web address"))},
    )
    register_action(
        "link.withdrawn",
        group=GROUP,
        summary=_("%(actor)s withdrew the link %(object)s"),
        fields={"reason": Field(label=_("reason"))},
    )


def _entry_id(obj) -> str:
    return obj.entry.public_id
