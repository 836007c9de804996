"""Helpers for the stakeholder register tests: stakeholders through the services, or many at
once in the services' shapes (for the query-count tests)."""

from datetime import timedelta

from django.utils import timezone

from wijkkoers.projects.models import Party
from wijkkoers.projects.services import add_party
from wijkkoers.stakeholders.models import Assessment, Priority, Stakeholder
from wijkkoers.stakeholders.services.register import StakeholderData, record_stakeholder


def party(actor, project, name):
    return add_party(actor, project, name=name, party_type=Party.OTHER, other_type="buurtgroep")


def stakeholder(actor, project, name="Buurtvereniging De Linde", **values):
    return record_stakeholder(
        actor, project, party=party(actor, project, name), data=StakeholderData(**values)
    )


def fill(project, count, *, assessments=3, start=0):
    """`count` stakeholders, each with two priorities and `assessments` assessments."""
    parties = Party.objects.bulk_create(
        Party(
            project=project,
            name=f"Partij {start + n:04d}",
            party_type=Party.OTHER,
            other_type="groep",
        )
        for n in range(count)
    )
    rows = Stakeholder.objects.bulk_create(
        Stakeholder(project=project, party=p, interests="Betaalbaar wonen") for p in parties
    )
    Priority.objects.bulk_create(
        Priority(stakeholder=s, rank=rank, text=f"Prioriteit {rank}")
        for s in rows
        for rank in (1, 2)
    )
    today = timezone.localdate()
    Assessment.objects.bulk_create(
        Assessment(
            stakeholder=s,
            project=project,
            assessed_on=today - timedelta(days=30 * (assessments - a)),
            power=1 + (n + a) % 5,
            interest=1 + (n * 3 + a) % 5,
        )
        for n, s in enumerate(rows)
        for a in range(assessments)
    )
    return rows
