"""The demo project's goal and indicators: made through the services, with a status."""

import pytest

from wijkkoers.goals.models import GoalVersion, Measurement
from wijkkoers.goals.queries import indicator_rows
from wijkkoers.goals.status import Standing
from wijkkoers.projects.demo import create_demo_project

pytestmark = pytest.mark.django_db


def test_demo_project_has_a_goal_with_indicators(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    assert GoalVersion.objects.filter(goal__project=project).count() == 2
    rows = indicator_rows(project)
    assert len(rows) == 2
    assert all(
        row.standing in {Standing.ON_TRACK, Standing.AT_RISK, Standing.OFF_TRACK} for row in rows
    )
    assert Measurement.objects.filter(corrects__isnull=False).count() == 1
