"""The housing-cost tool as the rest of the site sees it (tools/registry.py)."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.tools.registry import Tool, ToolSummary, register

# The steps whose guidance the tool serves: the definition itself, the seed step that asks
# for it, and the cost, financing and offer steps that lean on the calculation.
STEP_KEYS = (
    "woonlastenneutraliteit",
    "helderheid-over-ambities",
    "betaalbaarheid-en-energiearmoede",
    "financiering-en-subsidies",
    "aanbod-per-woningtype",
    "businesscase-en-kostenverdeling",
    "warmtetarieven-en-leveringsvoorwaarden",
    "financieringsaanbod-per-doelgroep",
    "renovatievoorstel-huurders",
)
TIMELINE_ACTIONS = ("housingcost.definition_saved", "housingcost.calculation_saved")


def summary(project) -> ToolSummary:
    """Definition version and date, households, and each household's newest result.

    Three queries, whatever the amount of data.
    """
    from wijkkoers.housingcost.explain import signed_money
    from wijkkoers.housingcost.models import Archetype
    from wijkkoers.housingcost.queries import current_definition, latest_results

    definition = current_definition(project)
    households = Archetype.objects.filter(project=project).count()
    if definition is None and not households:
        return ToolSummary(empty=True)
    lines, warnings = [], []
    if definition is None:
        warnings.append(_("No definition of housing-cost neutrality yet."))
    else:
        lines.append(
            (
                _("Definition"),
                _("version %(number)s of %(date)s")
                % {
                    "number": definition.number,
                    "date": formats.date_format(definition.created_at, "j F Y"),
                },
            )
        )
    lines.append((_("Households"), str(households)))
    for result in latest_results(project)[:5]:
        verdict = _("neutral") if result.neutral else _("not neutral")
        shown = _("%(verdict)s (%(amount)s per month)") % {
            "verdict": verdict,
            "amount": signed_money(result.difference),
        }
        lines.append((result.archetype_name, shown))
    return ToolSummary(lines=lines, warnings=warnings)


def register_tool() -> None:
    register(
        Tool(
            key="housingcost",
            name=gettext_lazy("Housing-cost neutrality"),
            description=gettext_lazy(
                "Record what the project means by housing-cost neutrality and calculate, "
                "for typical households, the monthly costs before and after."
            ),
            url_name="housingcost:index",
            step_keys=STEP_KEYS,
            summary=summary,
            timeline_actions=TIMELINE_ACTIONS,
            order=50,
        )
    )
