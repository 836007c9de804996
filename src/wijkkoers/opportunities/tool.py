"""The linking-opportunities tool as the rest of the site sees it (see tools/registry.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.opportunities.queries import next_window, status_counts, window_text
from wijkkoers.tools.registry import Tool, ToolSummary, register

# The steps whose guidance is about linking opportunities (content/knooppunten/); the seed
# step 1.2 asks the team to look for them early.
STEP_KEYS = (
    "helderheid-over-ambities",
    "sociale-koppelkansen",
    "fysieke-koppelkansen",
    "strategieen-koppelkansen",
    "te-verbinden-opgaven",
    "planning-netbeheerder-en-werken",
)


def summary(project) -> ToolSummary:
    """Counts per status and the next window; two queries."""
    counts = status_counts(project)
    if not any(count for _value, _label, count in counts):
        return ToolSummary(empty=True)
    lines = [(str(label).capitalize(), str(count)) for _value, label, count in counts if count]
    upcoming = next_window(project)
    if upcoming:
        lines.append((_("Next window"), f"{upcoming.title} ({window_text(upcoming)})"))
    return ToolSummary(lines=lines)


def ready():
    register(
        Tool(
            key="opportunities",
            name=gettext_lazy("Linking opportunities"),
            description=gettext_lazy(
                "Social and physical work the energy transition can go along with, with "
                "owner, timing window and status, and a timeline of the windows."
            ),
            url_name="opportunities:index",
            step_keys=STEP_KEYS,
            summary=summary,
            timeline_actions=("opportunity.added", "opportunity.changed"),
            order=60,
        )
    )
