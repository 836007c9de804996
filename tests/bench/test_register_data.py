"""The bench set's stakeholder registers: 50 stakeholders per project with two priorities and
three assessments each, 300 in the large project, all on the project's own parties."""

import pytest
from django.db.models import Count, F

from tests.bench.test_generate import bench  # noqa: F401 - the fixture
from wijkkoers.projects.models import Project
from wijkkoers.stakeholders.models import Assessment, Priority, Stakeholder

pytestmark = pytest.mark.django_db


def test_every_project_has_50_stakeholders_and_the_large_one_300(bench):  # noqa: F811
    per_project = dict(Project.objects.annotate(n=Count("stakeholders")).values_list("name", "n"))
    assert per_project.pop(bench.name) == 300
    assert set(per_project.values()) == {50}
    assert not Stakeholder.objects.exclude(party__project_id=F("project_id")).exists()
    counts = Stakeholder.objects.annotate(
        a=Count("assessments", distinct=True), p=Count("priorities", distinct=True)
    )
    assert set(counts.values_list("a", "p")) == {(3, 2)}
    assert not Assessment.objects.exclude(project_id=F("stakeholder__project_id")).exists()
    assert not Assessment.objects.filter(power__gt=5).exists()
    assert set(Priority.objects.values_list("rank", flat=True)) == {1, 2}


def test_large_project_register_and_map_render(client, bench):  # noqa: F811
    from django.urls import reverse

    leader = bench.memberships.filter(role="projectleider").first().user
    client.force_login(leader)
    for name in ("stakeholders:register", "stakeholders:power_map"):
        response = client.get(reverse(name, args=[bench.public_id]))
        assert response.status_code == 200
        assert response.content.decode().count("<tr>") >= 300
