"""The goals tool's pages cost the same number of queries with few and many rows."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tools.goals_support import a_goal, a_measurement, many_indicators
from wijkkoers.goals.models import Indicator

pytestmark = pytest.mark.django_db

# Session, user, membership (role), project, the indicators with their newest measurement,
# the retired ones, messages: fixed whatever the number of indicators.
INDICATORS_CEILING = 8
DETAIL_CEILING = 10
GOAL_CEILING = 10


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_indicators_page_queries_stay_flat_with_5_and_50_indicators(client, alice, project, method):
    client.force_login(alice)
    url = reverse("goals:indicators", args=[project.public_id])
    many_indicators(project, alice, 5)  # each with 24 measurements
    few = count(client, url)
    many_indicators(project, alice, 45)
    assert count(client, url) == few <= INDICATORS_CEILING


def test_indicator_page_queries_stay_flat(client, alice, project, method):
    client.force_login(alice)
    many_indicators(project, alice, 1, measurements=2)
    indicator = Indicator.objects.get()
    url = reverse("goals:indicator", args=[project.public_id, indicator.public_id])
    few = count(client, url)
    for month in range(1, 11):
        a_measurement(alice, indicator, value=str(month), on=date(2025, month, 15))
    assert count(client, url) == few <= DETAIL_CEILING


def test_goal_page_queries_stay_flat(client, alice, project, method):
    client.force_login(alice)
    a_goal(alice, project)
    url = reverse("goals:index", args=[project.public_id])
    few = count(client, url)
    many_indicators(project, alice, 30)
    assert count(client, url) == few <= GOAL_CEILING
