"""Two members changing the same indicator at the same moment: one change, one conflict,
nothing lost (PostgreSQL; SQLite serialises writers). The service locks the project row
first, then compares the version the user saw with the current one."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from tests.factories import UserFactory
from tests.projects.test_concurrency import in_thread, race
from wijkkoers.audit.models import AuditEvent
from wijkkoers.goals.errors import IndicatorConflict
from wijkkoers.goals.models import Indicator
from wijkkoers.goals.services import IndicatorData, add_indicator, change_indicator
from wijkkoers.projects.models import Membership, Project, Role
from wijkkoers.projects.services import create_project

ROUNDS = 5

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's IMMEDIATE transactions serialise writers; the race needs PostgreSQL.",
    ),
]


def data(target: str) -> IndicatorData:
    return IndicatorData(
        name="Woningen van het gas",
        unit="woningen",
        baseline_value=Decimal("0"),
        baseline_on=date(2025, 1, 1),
        target_value=Decimal(target),
        deadline=date(2030, 1, 1),
    )


def setup_round(number):
    first = UserFactory(email=f"indicator-a-{number}@example.org")
    second = UserFactory(email=f"indicator-b-{number}@example.org")
    project = create_project(first, name=f"Indicatorrace {number}", municipality="Teststad")
    Membership.objects.create(project=project, user=second, role=Role.TEAMLID)
    indicator = add_indicator(first, project, data("400"))
    return project.pk, indicator.pk, first.pk, second.pk


def change_as(user_pk, indicator_pk, target, refused: list):
    """Change the indicator based on version 1; a conflict is kept in `refused`."""
    user = UserFactory._meta.model.objects.get(pk=user_pk)
    indicator = Indicator.objects.select_related("project").get(pk=indicator_pk)
    try:
        change_indicator(user, indicator, data(target), version=1)
    except IndicatorConflict as error:
        refused.append(error)


def outcome(indicator_pk):
    indicator = Indicator.objects.get(pk=indicator_pk)
    changes = AuditEvent.objects.filter(action="indicator.changed", object_id=indicator.public_id)
    return indicator.version, str(indicator.target_value.normalize()), changes.count()


def clean_up(project_pk, user_pks):
    AuditEvent.objects.filter(project_id=project_pk).delete()
    Project.objects.filter(pk=project_pk).delete()
    UserFactory._meta.model.objects.filter(pk__in=user_pks).delete()


def test_two_changes_of_one_indicator_at_once_one_refused_nothing_lost():
    outcomes = []
    for number in range(ROUNDS):
        project_pk, indicator_pk, first, second = in_thread(setup_round, number)
        try:
            refused = []
            race(
                lambda a=first, i=indicator_pk, r=refused: change_as(a, i, "300", r),
                lambda b=second, i=indicator_pk, r=refused: change_as(b, i, "350", r),
            )
            version, target, changes = in_thread(outcome, indicator_pk)
            # The refused one was shown the winner's value, which is what is stored.
            winner = str(refused[0].current.target_value.normalize()) if refused else None
            outcomes.append((version, changes, len(refused), winner == target))
        finally:
            in_thread(clean_up, project_pk, [first, second])

    assert all(found == (2, 1, 1, True) for found in outcomes), outcomes
