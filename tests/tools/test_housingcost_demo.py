"""The demo project shows the housing-cost tool with data (made through the services)."""

from decimal import Decimal as D

from wijkkoers.housingcost.models import Calculation
from wijkkoers.projects.demo import create_demo_project


def test_demo_project_has_a_definition_households_and_calculations(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    assert project.housing_definitions.count() == 2
    results = {c.archetype_name: c for c in Calculation.objects.filter(project=project)}
    owner = results["Koopwoning tussenwoning"]
    tenant = results["Huurwoning corporatie, appartement"]
    # 1350 x 1,40 / 12 + 2800 x 0,35 / 12 + 640 = 879,17; after 5200 x 0,35 / 12 + 715 - 25.
    assert (owner.total_before, owner.total_after, owner.neutral) == (
        D("879.17"),
        D("841.67"),
        True,
    )
    # After: 40 + 18 x 45 / 12 = 107,50 for heat, 61,25 electricity, rent 655.
    assert (tenant.total_after, tenant.difference, tenant.neutral) == (
        D("823.75"),
        D("11.67"),
        False,
    )
