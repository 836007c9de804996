"""The bench set's goals: every project has a goal and 5 indicators with 24 measurements, in
the shapes the services write. (test_generate renders the large project's indicators page
from bench/pages.py.)"""

import pytest
from django.db.models import Count, F

from tests.bench.test_generate import bench  # noqa: F401 - the fixture
from wijkkoers.goals.models import Goal, Indicator, Measurement
from wijkkoers.goals.queries import indicator_rows
from wijkkoers.projects.models import Project

pytestmark = pytest.mark.django_db


def test_every_project_has_a_goal_and_5_indicators_with_24_measurements(bench):  # noqa: F811
    projects = Project.objects.count()
    assert Goal.objects.filter(current__number=1).count() == projects
    per_project = Indicator.objects.values("project").annotate(n=Count("id"))
    assert {row["n"] for row in per_project} == {5}
    assert len(per_project) == projects
    per_indicator = Measurement.objects.values("indicator").annotate(n=Count("id"))
    assert {row["n"] for row in per_indicator} == {24}
    assert not Indicator.objects.filter(deadline__lte=F("baseline_on")).exists()
    assert not Indicator.objects.filter(target_value=F("baseline_value")).exists()
    assert all(row.newest_on for row in indicator_rows(bench))
