"""Stakeholders for the ambitions tests, until the register's service is merged: a party
through the projects' service, then the Stakeholder row directly."""

from django.utils import timezone

from wijkkoers.logbook.services.entries import DecisionData, record_decision
from wijkkoers.projects.services import add_party
from wijkkoers.stakeholders.models import Stakeholder


def make_stakeholder(actor, project, name, party_type="woningcorporatie", **fields):
    party = add_party(actor, project, name=name, party_type=party_type)
    return Stakeholder.objects.create(project=project, party=party, created_by=actor, **fields)


def ensure_stakeholder(actor, project, name, party_type):
    """The project's stakeholder for the party of this name, made if missing (so a page
    builder can run beside the register's own)."""
    party = project.parties.filter(name=name).first() or add_party(
        actor, project, name=name, party_type=party_type
    )
    return Stakeholder.objects.get_or_create(
        party=party, defaults={"project": project, "created_by": actor}
    )[0]


def make_stakeholders(actor, project, count, prefix="Partij"):
    return [make_stakeholder(actor, project, f"{prefix} {number:03d}") for number in range(count)]


def make_decision(actor, project, title="Warmtenet verder verkennen"):
    return record_decision(
        actor, project, DecisionData(title=title, decided_on=timezone.localdate())
    )
