"""The audit actions of linking opportunities, registered from OpportunitiesConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display
from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)

ACTIONS = ("opportunity.added", "opportunity.changed", "opportunity.removed")


def _step_name(key) -> str:
    from wijkkoers.method.catalogue import get_catalogue

    step = get_catalogue().steps.get(key) if isinstance(key, str) else None
    return f"{step.display_number} {step.title}" if step else display.text(key)


def _member(membership) -> dict:
    return {"id": membership.public_id, "name": membership.user.display_name}


def register():
    from wijkkoers.opportunities.models import Opportunity

    register_group("opportunities", _("Linking opportunities"))
    register_object_type(Opportunity, "opportunity", describe=lambda found: found.title)
    fields = fields_of(
        Opportunity,
        ["title", "kind", "description", "owner_party", "status"],
        owner_member=Field(label=_("owner (member)"), snapshot=_member),
        window_start=Field(label=_("window from")),
        window_end=Field(label=_("window until")),
        step_keys=Field(label=_("steps"), show=_step_name),
    )
    for code, summary in zip(
        ACTIONS,
        [
            _("%(actor)s added the linking opportunity %(object)s"),
            _("%(actor)s changed the linking opportunity %(object)s"),
            _("%(actor)s removed the linking opportunity %(object)s"),
        ],
        strict=True,
    ):
        register_action(code, group="opportunities", summary=summary, fields=fields)
