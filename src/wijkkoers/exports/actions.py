"""The audit actions of exporting and importing a project (from ExportsConfig.ready)."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.registry import Field, register_action, register_group


def register() -> None:
    register_group("export", _("Export and import"))
    register_action(
        "project.exported",
        group="export",
        summary=_("%(actor)s downloaded the full export of %(object)s"),
    )
    register_action(
        "project.imported",
        group="export",
        summary=_("%(actor)s imported %(object)s from another installation"),
        fields={
            "members": Field(label=_("members")),
            "placeholders": Field(label=_("people without an account")),
            "entries": Field(label=_("logbook entries")),
        },
    )
