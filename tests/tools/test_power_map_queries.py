"""The register and the map run the same number of queries with 5 or 200 stakeholders (3
assessments each), under a ceiling; the tool summary stays within 3 queries. And the map's
arithmetic: quadrants, shared squares, movement."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.logbook.test_entries_query_counts import count_queries
from tests.tools.register_support import fill, stakeholder
from wijkkoers.stakeholders.queries_register import HIGH, power_map, quadrant_of
from wijkkoers.stakeholders.services.register import record_assessment
from wijkkoers.tools.registry import get_tool

pytestmark = pytest.mark.django_db

# Logged in, session from the cache; the page's own reads are one query each.
CEILINGS = {"register": 8, "map": 8, "map since": 8, "stakeholder": 12}


def urls(project, one):
    since = (timezone.localdate() - timedelta(days=45)).isoformat()
    base = [project.public_id]
    return {
        "register": reverse("stakeholders:register", args=base),
        "map": reverse("stakeholders:power_map", args=base),
        "map since": reverse("stakeholders:power_map", args=base) + f"?sinds={since}",
        "stakeholder": reverse("stakeholders:stakeholder", args=[*base, one.public_id]),
    }


def test_register_and_map_flat_with_5_and_200_stakeholders(client, alice, project):
    client.force_login(alice)
    first = fill(project, 5)[0]
    small = {name: count_queries(client, url) for name, url in urls(project, first).items()}
    fill(project, 195, start=5)

    large = {name: count_queries(client, url) for name, url in urls(project, first).items()}

    assert project.stakeholders.count() == 200
    assert large == small
    for name, ceiling in CEILINGS.items():
        assert large[name] <= ceiling, (name, large[name])


def test_register_summary_within_three_queries(alice, project, django_assert_max_num_queries):
    fill(project, 200)
    tool = get_tool("stakeholders")

    with django_assert_max_num_queries(3), translation.override("nl"):
        summary = tool.summarise(project)

    lines = dict(summary.lines)
    assert lines["Belanghebbenden"] == "200"
    assert (
        sum(
            int(lines[str(q)])
            for q in ("Nauw betrekken", "Tevreden houden", "Informeren", "Volgen")
        )
        == 200
    )


def test_register_summary_empty_project(project):
    assert get_tool("stakeholders").summarise(project).empty


def test_quadrant_threshold_counts_three_as_high():
    assert HIGH == 3
    assert quadrant_of(3, 3).key == "nauw-betrekken"
    assert quadrant_of(3, 2).key == "tevreden-houden"
    assert quadrant_of(2, 3).key == "informeren"
    assert quadrant_of(2, 2).key == "monitoren"
    assert quadrant_of(None, 4) is None


def test_power_map_stakeholders_at_same_point_do_not_overlap(alice, project):
    made = [stakeholder(alice, project, f"Partij {n}") for n in range(7)]
    for one in made:
        record_assessment(alice, one, power=4, interest=4)

    rows = power_map(project).placed

    spots = {(row.x, row.y) for row in rows}
    assert len(spots) == 7
    for a in rows:
        for b in rows:
            if a is not b:
                assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 >= a.r + b.r


def test_power_map_uses_newest_assessment_and_movement_since(alice, project):
    one = stakeholder(alice, project)
    today = timezone.localdate()
    record_assessment(alice, one, power=1, interest=1, assessed_on=today - timedelta(days=90))
    record_assessment(alice, one, power=2, interest=4, assessed_on=today - timedelta(days=40))
    record_assessment(alice, one, power=5, interest=4, assessed_on=today)

    (row,) = power_map(project, since=today - timedelta(days=30)).placed

    assert (row.now_power, row.now_interest) == (5, 4)
    assert (row.then_power, row.then_interest) == (2, 4)
    assert row.movement.arrow == "↑"
    assert row.quadrant.key == "nauw-betrekken"


def test_power_map_unassessed_stakeholder_is_listed_not_placed(alice, project):
    stakeholder(alice, project)

    result = power_map(project)

    assert result.placed == []
    assert len(result.unassessed) == 1
