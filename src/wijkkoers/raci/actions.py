"""The audit actions of roles and the RACI matrix, registered from RaciConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display
from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)

ROW_ACTIONS = ("raci.row_added", "raci.row_changed", "raci.row_removed")
ROLE_ACTIONS = ("raci.role_added", "raci.role_changed", "raci.role_removed")


def show_letters(value) -> str:
    """{"Procesregisseur": "A", ...} as "Procesregisseur: A, ..."."""
    if isinstance(value, dict):
        return ", ".join(f"{name}: {letter}" for name, letter in value.items()) or display.EMPTY
    return display.text(value)


def show_step(value) -> str:
    from wijkkoers.raci.models import step_label

    return step_label(value) if isinstance(value, str) and value else display.text(value)


def _member(membership) -> dict:
    return {"id": membership.public_id, "name": membership.user.display_name}


def register():
    from wijkkoers.raci.models import RaciRow, TeamRole

    register_group("raci", _("Roles (RACI)"))
    register_object_type(TeamRole, "team_role", describe=lambda role: role.name)
    register_object_type(RaciRow, "raci_row", describe=lambda row: row.label)
    role = fields_of(
        TeamRole,
        ["name", "description", "member", "party"],
        member=Field(label=_("filled by (member)"), snapshot=_member),
        rows_left_incomplete=Field(label=_("rows left without a valid A and R")),
    )
    for code, summary in zip(
        ROLE_ACTIONS,
        [
            _("%(actor)s added the role %(object)s"),
            _("%(actor)s changed the role %(object)s"),
            _("%(actor)s removed the role %(object)s"),
        ],
        strict=True,
    ):
        register_action(code, group="raci", summary=summary, fields=role)
    row = {
        "activity": Field(label=_("activity")),
        "step_key": Field(label=_("step"), show=show_step),
        "letters": Field(label=_("letters per role"), show=show_letters),
    }
    for code, summary in zip(
        ROW_ACTIONS,
        [
            _("%(actor)s added the RACI row %(object)s"),
            _("%(actor)s changed the RACI row %(object)s"),
            _("%(actor)s removed the RACI row %(object)s"),
        ],
        strict=True,
    ):
        register_action(code, group="raci", summary=summary, fields=row)
