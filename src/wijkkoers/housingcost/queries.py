"""What the housing-cost pages and the tool summary read: each a fixed number of queries."""

from django.db.models import OuterRef, Subquery

from wijkkoers.housingcost.models import Archetype, Calculation, DefinitionVersion

# The saved calculations page shows the newest ones; older ones stay in the audit trail.
CALCULATIONS_SHOWN = 100


def current_definition(project) -> DefinitionVersion | None:
    """The definition in force: the newest version (one query), or None."""
    return (
        DefinitionVersion.objects.select_related("created_by")
        .filter(project=project)
        .order_by("-number")
        .first()
    )


def definition_versions(project) -> list[DefinitionVersion]:
    """Every version, newest first, with who made it (one query)."""
    return list(
        DefinitionVersion.objects.select_related("created_by")
        .filter(project=project)
        .order_by("-number")
    )


def archetypes_of(project) -> list[Archetype]:
    """The project's households, each with its newest saved calculation (one query)."""
    newest = Calculation.objects.filter(archetype=OuterRef("pk")).order_by("-created_at", "-id")
    rows = list(
        Archetype.objects.filter(project=project).annotate(
            latest_neutral=Subquery(newest.values("neutral")[:1]),
            latest_difference=Subquery(newest.values("difference")[:1]),
            latest_definition=Subquery(newest.values("definition__number")[:1]),
        )
    )
    for row in rows:
        row.project = project
    return rows


def calculations_of(project, limit: int = CALCULATIONS_SHOWN) -> list[Calculation]:
    """The newest saved calculations with their definition version and author (one query)."""
    return list(
        Calculation.objects.select_related("definition", "created_by")
        .filter(project=project)
        .order_by("-created_at", "-id")[:limit]
    )


def latest_results(project) -> list[Calculation]:
    """Per household, its newest saved calculation (one query), by household name."""
    newest = (
        Calculation.objects.filter(archetype=OuterRef("archetype"))
        .order_by("-created_at", "-id")
        .values("pk")[:1]
    )
    return list(
        Calculation.objects.filter(project=project, archetype__isnull=False, pk=Subquery(newest))
        .only("archetype_name", "neutral", "difference", "created_at")
        .order_by("archetype_name")
    )
