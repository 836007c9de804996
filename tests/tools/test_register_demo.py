"""The demo project's stakeholder register: its three parties, assessed twice, two moved."""

from datetime import timedelta

from django.utils import timezone

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.demo import create_demo_project
from wijkkoers.stakeholders.queries_register import power_map


def test_demo_register_is_made_through_the_services(alice, bob, mila, method):
    project = create_demo_project(alice, bob, mila)

    result = power_map(project, since=timezone.localdate() - timedelta(days=60))

    assert len(result.rows) == 3
    assert len(result.placed) == 3
    assert result.moved == 2
    assert AuditEvent.objects.filter(project=project, action="stakeholder.assessed").count() == 6
