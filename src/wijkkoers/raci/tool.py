"""The roles tool as the rest of the site sees it (see tools/registry.py)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wijkkoers.raci.queries import FLAG_TEXT, counts, incomplete_step_keys
from wijkkoers.tools.registry import Tool, ToolSummary, register

# The steps whose guidance asks for roles or a RACI (content/knooppunten/).
STEP_KEYS = (
    "helderheid-over-ambities",
    "verwachtingen-en-rollen",
    "samenwerking-formaliseren",
    "projectorganisatie-planning-budget",
    "uitvoeringsorganisatie",
    "vragen-en-klachten",
)


def summary(project) -> ToolSummary:
    """Roles, rows and rows to fix; two queries."""
    roles, rows, flagged = counts(project)
    if not roles and not rows:
        return ToolSummary(empty=True)
    warnings = []
    if flagged:
        warnings.append(
            ngettext(
                "%(count)d row has no valid A and R.",
                "%(count)d rows have no valid A and R.",
                flagged,
            )
            % {"count": flagged}
        )
    return ToolSummary(
        lines=[
            (_("Roles"), str(roles)),
            (_("RACI rows"), str(rows)),
            (_("Rows to fix"), str(flagged)),
        ],
        warnings=warnings,
    )


def compass_flags(project) -> dict:
    """A warning beside every step with a RACI row lacking a valid A and R; one query."""
    return {key: str(FLAG_TEXT) for key in incomplete_step_keys(project)}


def ready():
    register(
        Tool(
            key="roles",
            name=_("Roles (RACI)"),
            description=_(
                "The team's roles and, per activity or step, who does the work (R), "
                "who answers for it (A), who is consulted (C) and who is informed (I)."
            ),
            url_name="raci:index",
            step_keys=STEP_KEYS,
            summary=summary,
            timeline_actions=("raci.row_added", "raci.row_changed", "raci.role_added"),
            compass_flags=compass_flags,
            order=40,
        )
    )
