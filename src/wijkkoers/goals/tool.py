"""The goals tool as the rest of the site sees it (tools/registry.py): its steps, its
summary (two queries) and the audit actions the logbook's timeline shows."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.goals.actions import TIMELINE_ACTIONS
from wijkkoers.goals.models import GoalType
from wijkkoers.goals.queries import current_goal, indicator_rows, standing_counts
from wijkkoers.tools.registry import Tool, ToolSummary, register

# The method's steps about the goal and about monitoring it.
STEP_KEYS = (
    "helderheid-over-ambities",
    "gezamenlijke-ambitie",
    "doel-en-verhaal",
    "voortgang-monitoren",
    "evalueren-en-bijsturen",
)
CO2_QUESTIONS = ("energy_scope", "electricity_counted", "compensation_allowed", "reference_year")


def open_scope_questions(version) -> bool:
    """A CO2-neutraal goal whose scope is not yet fixed on every question."""
    return version.goal_type == GoalType.CO2_NEUTRAL and any(
        getattr(version, name) in ("", None) for name in CO2_QUESTIONS
    )


def summary(project) -> ToolSummary:
    goal = current_goal(project)
    rows = indicator_rows(project, owners=False)
    if goal is None and not rows:
        return ToolSummary(empty=True)
    counts = standing_counts(rows)
    lines = [
        (_("Goal"), goal.name if goal else _("not defined yet")),
        (_("Indicators"), str(len(rows))),
    ]
    lines += [(str(label).capitalize(), str(count)) for _value, label, count in counts]
    warnings = []
    if goal and open_scope_questions(goal):
        warnings.append(_("The scope of CO2-neutral is not fixed on every question yet."))
    if goal and not rows:
        warnings.append(_("The goal has no measurable indicators yet."))
    return ToolSummary(lines=lines, warnings=warnings)


def ready():
    register(
        Tool(
            key="goals",
            name=gettext_lazy("Goal and indicators"),
            description=gettext_lazy(
                "The project's goal in the team's own words, measurable indicators with a "
                "target and deadline, and measurements that show whether you are on course."
            ),
            url_name="goals:index",
            step_keys=STEP_KEYS,
            summary=summary,
            timeline_actions=TIMELINE_ACTIONS,
            order=20,
        )
    )
