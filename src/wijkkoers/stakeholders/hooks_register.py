"""The register part of the stakeholder tools: its audit actions and its Tool (see tools/registry.py)."""

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)
from wijkkoers.tools.registry import Tool, ToolSummary, register

GROUP = "stakeholder_register"
# The method's steps whose guidance the register and the map serve: who is at the table,
# their interests and priorities, and who gets how much say.
STEP_KEYS = (
    "de-juiste-partijen-aan-tafel",
    "helderheid-over-ambities",
    "participatie-en-communicatiestrategie",
    "informele-netwerken",
    "startbijeenkomst",
)
TIMELINE_ACTIONS = (
    "stakeholder.added",
    "stakeholder.assessed",
    "stakeholder.position_changed",
)


def ready():
    _register_actions()
    register(
        Tool(
            key="stakeholders",
            name=_("Stakeholder register"),
            description=_(
                "Who has a stake in the approach: each party's role, interests, priorities "
                "and position, with dated assessments of power and interest on a map."
            ),
            url_name="stakeholders:register",
            step_keys=STEP_KEYS,
            summary=summary,
            timeline_actions=TIMELINE_ACTIONS,
            order=10,
        )
    )


def summary(project) -> ToolSummary:
    """Number of stakeholders, how many per quadrant, date of the latest assessment."""
    from wijkkoers.stakeholders.queries_register import register_state

    state = register_state(project)
    if not state.stakeholders:
        return ToolSummary(empty=True)
    lines = [(gettext("Stakeholders"), str(state.stakeholders))]
    lines += [(str(quadrant.name), str(count)) for quadrant, count in state.counts]
    latest = formats.date_format(state.latest, "j F Y") if state.latest else "—"
    lines.append((gettext("Latest assessment"), latest))
    assessed = sum(count for _quadrant, count in state.counts)
    warnings = []
    if assessed < state.stakeholders:
        warnings.append(
            gettext("%(count)s without an assessment of power and interest")
            % {"count": state.stakeholders - assessed}
        )
    return ToolSummary(lines=lines, warnings=warnings)


def _register_actions() -> None:
    from wijkkoers.stakeholders.models import Assessment, Stakeholder

    register_object_type(Stakeholder, "stakeholder", describe=lambda s: s.party.name)
    register_group(GROUP, _("Stakeholder register"))
    fields = fields_of(
        Stakeholder,
        ["party", "role_in_project", "contact_name", "contact_purpose", "interests", "position"],
        priorities=Field(label=_("priorities, most important first")),
    )
    assessment = fields_of(Assessment, ["assessed_on", "power", "interest", "note"])
    register_action(
        "stakeholder.added",
        group=GROUP,
        summary=_("%(actor)s added %(object)s to the stakeholder register"),
        fields=fields,
    )
    register_action(
        "stakeholder.updated",
        group=GROUP,
        summary=_("%(actor)s changed the stakeholder %(object)s"),
        fields=fields,
    )
    register_action(
        "stakeholder.position_changed",
        group=GROUP,
        summary=_("%(actor)s changed the position of the stakeholder %(object)s"),
        fields=fields,
    )
    register_action(
        "stakeholder.removed",
        group=GROUP,
        summary=_("%(actor)s removed %(object)s from the stakeholder register"),
        fields={**fields, **assessment},
    )
    register_action(
        "stakeholder.assessed",
        group=GROUP,
        summary=_("%(actor)s assessed the power and interest of %(object)s"),
        fields=assessment,
    )
