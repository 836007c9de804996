"""Audit actions of the goal, its indicators and their measurements."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)

# What the logbook's timeline shows of this app (the tool registry names them).
TIMELINE_ACTIONS = (
    "goal.defined",
    "goal.changed",
    "indicator.added",
    "measurement.recorded",
    "measurement.corrected",
)


def _member(membership) -> dict:
    return {"id": membership.public_id, "name": membership.user.display_name}


def register():
    from wijkkoers.goals import numbers
    from wijkkoers.goals.models import GOAL_FIELDS, Goal, GoalVersion, Indicator, Measurement

    register_group("goals", _("Goal and indicators"))
    register_object_type(
        Goal,
        "goal",
        describe=lambda goal: goal.current.name if goal.current_id else _("goal"),
        identify=lambda goal: goal.project.public_id,
    )
    register_object_type(Indicator, "goal_indicator", describe=lambda indicator: indicator.name)

    goal = fields_of(GoalVersion, [*GOAL_FIELDS, "change_reason"])
    register_action(
        "goal.defined",
        group="goals",
        summary=_("%(actor)s defined the goal %(object)s"),
        fields=goal,
    )
    register_action(
        "goal.changed",
        group="goals",
        summary=_("%(actor)s changed the goal %(object)s"),
        fields=goal,
    )

    indicator = fields_of(
        Indicator,
        ["name", "unit", "baseline_on", "deadline", "owner_party", "verification"],
        baseline_value=Field(label=_("baseline value"), show=numbers.show),
        target_value=Field(label=_("target value"), show=numbers.show),
        owner_member=Field(label=_("owner (member)"), snapshot=_member),
        reason=Field(label=_("reason")),
    )
    for code, summary in [
        ("indicator.added", _("%(actor)s added the indicator %(object)s")),
        ("indicator.changed", _("%(actor)s changed the indicator %(object)s")),
        ("indicator.retired", _("%(actor)s retired the indicator %(object)s")),
    ]:
        register_action(code, group="goals", summary=summary, fields=indicator)

    measurement = fields_of(
        Measurement,
        ["measured_on", "note"],
        value=Field(label=_("value"), show=numbers.show),
    )
    for code, summary in [
        ("measurement.recorded", _("%(actor)s recorded a measurement of %(object)s")),
        ("measurement.corrected", _("%(actor)s corrected a measurement of %(object)s")),
    ]:
        register_action(code, group="goals", summary=summary, fields=measurement)
