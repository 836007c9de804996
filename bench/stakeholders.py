"""Bench data: a stakeholder register per project (50 stakeholders, 300 in the large project),
each stakeholder with two ranked priorities and three dated assessments.

Written in the shapes `stakeholders.services.register` writes (a Stakeholder on one of the
project's parties, Priority rows ranked 1..n, Assessment rows that repeat the project), but
in bulk. The project's own parties come first; the rest are new parties of the method's
kinds. No audit entries: the register and the map do not read the trail, and the large
project's trail stays at exactly the 5,000 entries the Wijzigingen bench is about.
"""

from datetime import timedelta

from bench.data import _token  # the set's own public ids, from the seeded generator
from wijkkoers.projects.models import Party
from wijkkoers.stakeholders.models import Assessment, Position, Priority, Stakeholder

STAKEHOLDERS = 50
LARGE_STAKEHOLDERS = 300
ASSESSMENTS = 3
BATCH = 2_000
ROLES = ["Eigenaar", "Adviseur", "Uitvoerder", "Vertegenwoordiger van bewoners", ""]
INTERESTS = [
    "Betaalbare woonlasten",
    "Een betrouwbare planning",
    "Zeggenschap over de warmtevoorziening",
    "Werk combineren met onderhoud",
]
PRIORITIES = ["Woonlasten", "Planning", "Draagvlak", "Zeggenschap", "Onderhoud", "Veiligheid"]


def add_stakeholders(generator, plans, count: int = STAKEHOLDERS) -> int:
    """`count` stakeholders in each plan's project (projects and parties already written)."""
    rng = generator.rng
    parties, stakeholders, assessments = [], [], []
    for plan in plans:
        extra = [
            Party(
                public_id=_token(rng),
                project=plan.project,
                name=f"{kind.name} {number + 1}",
                party_type=kind.key,
            )
            for number in range(max(0, count - len(plan.parties)))
            for kind in [rng.choice(generator.party_types)]
        ]
        parties += extra
        for party in [*plan.parties, *extra][:count]:
            stakeholders.append(
                Stakeholder(
                    public_id=_token(rng),
                    project=plan.project,
                    party=party,
                    role_in_project=rng.choice(ROLES),
                    interests=rng.choice(INTERESTS),
                    position=rng.choice(Position.values),
                )
            )
    Party.objects.bulk_create(parties, batch_size=BATCH)
    Stakeholder.objects.bulk_create(stakeholders, batch_size=BATCH)
    priorities = []
    today = generator.now.date()
    for stakeholder in stakeholders:
        for rank, text in enumerate(rng.sample(PRIORITIES, 2), start=1):
            priorities.append(Priority(stakeholder=stakeholder, rank=rank, text=text))
        assessments += _assessments(rng, stakeholder, today)
    Priority.objects.bulk_create(priorities, batch_size=BATCH)
    Assessment.objects.bulk_create(assessments, batch_size=BATCH)
    generator.counts.parties += len(parties)
    return len(stakeholders)


def _assessments(rng, stakeholder, today) -> list:
    """Three assessments spread over the project's life, drifting by at most one step."""
    start = stakeholder.project.start_date or today - timedelta(days=365)
    span = max((today - start).days, ASSESSMENTS)
    power, interest = rng.randint(1, 5), rng.randint(1, 5)
    rows = []
    for number in range(ASSESSMENTS):
        day = start + timedelta(days=span * number // ASSESSMENTS + rng.randint(0, 2))
        rows.append(
            Assessment(
                public_id=_token(rng),
                stakeholder=stakeholder,
                project=stakeholder.project,
                assessed_on=min(day, today),
                power=power,
                interest=interest,
            )
        )
        power = min(5, max(1, power + rng.choice((-1, 0, 1))))
        interest = min(5, max(1, interest + rng.choice((-1, 0, 1))))
    return rows
