"""The demo project's roles, RACI rows and linking opportunities pass every service rule."""

from wijkkoers.opportunities.models import Opportunity
from wijkkoers.opportunities.tool import summary as opportunity_summary
from wijkkoers.projects.demo import create_demo_project
from wijkkoers.raci.models import RaciRow, TeamRole
from wijkkoers.raci.tool import compass_flags


def test_demo_project_has_roles_rows_and_opportunities(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    assert TeamRole.objects.filter(project=project).count() == 4
    assert RaciRow.objects.filter(project=project).count() == 3
    assert compass_flags(project) == {}
    assert Opportunity.objects.filter(project=project).count() == 4
    assert not opportunity_summary(project).empty
