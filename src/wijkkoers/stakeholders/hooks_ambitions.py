"""The ambitions part of the stakeholder tools: its audit actions and its Tool (see tools/registry.py)."""

from django.utils.translation import gettext_lazy as _

GROUP = "stakeholder_ambitions"
STEP_KEYS = (
    "helderheid-over-ambities",
    "gezamenlijke-ambitie",
    "regierol-gemeente",
    "afwegingskader",
)
TIMELINE_ACTIONS = ("tension.recorded", "tension.resolved", "mutual_gain.recorded")


def ready():
    _register_actions()
    _register_tool()


def _item_text(mark) -> str:
    from wijkkoers.stakeholders import mga

    found = mga.ITEMS.get(mark.item_key)
    return f"{found[0].name}: {found[1].text}" if found else mark.item_key


def _register_actions():
    from wijkkoers.audit import display
    from wijkkoers.audit.registry import (
        Field,
        fields_of,
        register_action,
        register_group,
        register_object_type,
    )
    from wijkkoers.stakeholders.models import ChecklistMark, MutualGain, Stakeholder, Tension

    register_object_type(
        ChecklistMark, "mga_item", describe=_item_text, identify=lambda mark: mark.item_key
    )
    register_group(GROUP, _("Ambitions, tensions and mutual gains"))
    register_action(
        "stakeholder.ambitions_changed",
        group=GROUP,
        summary=_("%(actor)s changed the interests and ambitions of %(object)s"),
        fields=fields_of(
            Stakeholder, ["interests", "ambition_neighbourhood", "ambition_own_property"]
        ),
    )
    tension_fields = fields_of(
        Tension, ["title", "description", "stakeholders", "severity", "status", "decisions"]
    )
    for code, summary in (
        ("tension.recorded", _("%(actor)s recorded the tension %(object)s")),
        ("tension.changed", _("%(actor)s changed the tension %(object)s")),
        ("tension.resolved", _("%(actor)s marked the tension %(object)s as resolved")),
    ):
        register_action(code, group=GROUP, summary=summary, fields=tension_fields)
    gain_fields = fields_of(MutualGain, ["title", "description", "stakeholders", "decisions"])
    register_action(
        "mutual_gain.recorded",
        group=GROUP,
        summary=_("%(actor)s recorded the mutual gain %(object)s"),
        fields=gain_fields,
    )
    register_action(
        "mutual_gain.changed",
        group=GROUP,
        summary=_("%(actor)s changed the mutual gain %(object)s"),
        fields=gain_fields,
    )
    mark_fields = {
        "note": Field(label=_("note")),
        "checked_by": Field(label=_("ticked by")),
        "checked_at": Field(label=_("ticked on"), show=display.datetime),
    }
    register_action(
        "mga_item.checked",
        group=GROUP,
        summary=_("%(actor)s ticked the checklist item %(object)s"),
        fields=mark_fields,
    )
    register_action(
        "mga_item.unchecked",
        group=GROUP,
        summary=_("%(actor)s unticked the checklist item %(object)s"),
        fields=mark_fields,
    )


def summarise(project):
    """Stakeholders with ambitions, open tensions by severity, gains, checklist (3 queries)."""
    from django.utils.translation import gettext

    from wijkkoers.stakeholders import mga
    from wijkkoers.stakeholders.queries_ambitions import (
        checklist_text,
        open_tensions_text,
        summary_counts,
    )
    from wijkkoers.tools.registry import ToolSummary

    counts = summary_counts(project)
    empty = not (
        counts["filled"] or counts["open_by_severity"] or counts["gains"] or counts["marks"]
    )
    lines = [
        (
            gettext("Stakeholders with ambitions filled in"),
            gettext("%(filled)s of %(total)s") % counts,
        ),
        (gettext("Open tensions"), open_tensions_text(counts["open_by_severity"])),
        (gettext("Mutual gains"), str(counts["gains"])),
        (
            gettext("Mutual Gains Approach checklist"),
            checklist_text(counts["marks"], mga.item_count()),
        ),
    ]
    warnings = []
    if counts["open_by_severity"].get("hoog"):
        warnings.append(gettext("There are serious tensions that are still open."))
    return ToolSummary(lines=lines, empty=empty, warnings=warnings)


def _register_tool():
    from wijkkoers.tools.registry import Tool, register

    register(
        Tool(
            key="ambitions",
            name=_("Ambitions and interests"),
            description=_(
                "Per stakeholder its interests and what it wants for the whole neighbourhood "
                "and for its own property; where interests clash, where parties reinforce "
                "each other, and the Mutual Gains Approach checklist."
            ),
            url_name="stakeholders:ambitions",
            step_keys=STEP_KEYS,
            summary=summarise,
            timeline_actions=TIMELINE_ACTIONS,
            order=20,
        )
    )
