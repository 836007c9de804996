"""What the read endpoints answer: filters, paging in a stable order, flat query counts."""

import random
from datetime import date

import pytest
from django.utils import timezone

from wijkkoers.logbook.bulk import LogbookBuilder
from wijkkoers.logbook.services.entries import (
    ActionData,
    DecisionData,
    create_action,
    record_decision,
)
from wijkkoers.projects.services import ProgressChange, set_step_progress

STEP = "helderheid-over-ambities"


def get(call, tokens, path):
    response = call("get", path, token=tokens["meelezer"])
    assert response.status_code == 200, response.content
    return response.json()


def test_method_steps_filter_by_phase_track_and_sensitive(call, method):
    everything = call("get", "/method/steps?limit=200").json()
    sensitive = call("get", "/method/steps?sensitive=true&limit=200").json()
    phase_one_b = call("get", "/method/steps?phase=1&track=b&limit=200").json()

    assert everything["count"] == 97
    assert sensitive["items"]
    assert all(step["sensitive"] for step in sensitive["items"])
    assert phase_one_b["items"]
    assert all(s["phase"] == 1 and "B" in s["tracks"] for s in phase_one_b["items"])


def test_method_step_detail_has_the_content_as_the_site_shows_it(call, method):
    step = call("get", f"/method/steps/{STEP}").json()

    assert step["number"] == "1.2"
    assert step["doel_html"].startswith("<p>")
    assert step["parties"]
    assert step["resources"]


def test_progress_lists_every_step_and_filters(call, tokens, project, alice):
    set_step_progress(alice, project, STEP, ProgressChange(status="gestart"), expected_version=0)
    base = f"/projects/{project.public_id}/progress"

    assert get(call, tokens, base)["count"] == 97
    started = get(call, tokens, f"{base}?status=gestart")
    assert [row["step_key"] for row in started["items"]] == [STEP]
    assert started["items"][0]["version"] == 1
    one = get(call, tokens, f"{base}?step=rol-vve")
    assert [(r["step_key"], r["status"], r["version"]) for r in one["items"]] == [
        ("rol-vve", "niet_gestart", 0)
    ]


def test_logbook_filters_by_kind_step_and_dates(call, tokens, project, alice):
    record_decision(
        alice, project, DecisionData(title="Oud", decided_on=date(2025, 3, 1), step_keys=[STEP])
    )
    record_decision(alice, project, DecisionData(title="Nieuw", decided_on=date(2026, 6, 1)))
    create_action(alice, project, ActionData(title="Actie", step_keys=[STEP]))
    base = f"/projects/{project.public_id}/logbook"

    def titles(query):
        return [row["title"] for row in get(call, tokens, f"{base}?{query}")["items"]]

    assert titles("") == ["Actie", "Nieuw", "Oud"]
    assert titles("kind=besluit") == ["Nieuw", "Oud"]
    assert titles(f"step={STEP}") == ["Actie", "Oud"]
    assert titles("from=2026-01-01&to=2026-06-30") == ["Nieuw"]
    assert titles("limit=1&offset=1") == ["Nieuw"]


def _many_entries(project, users, count):
    builder = LogbookBuilder(rng=random.Random(7), today=timezone.localdate())
    builder.add(
        project,
        count=count,
        memberships=list(project.memberships.all()),
        parties=[],
        users=users,
        step_keys=[STEP, "rol-vve"],
        every=True,
    )
    builder.write(timezone.now())


@pytest.mark.parametrize(
    "path",
    ["/projects", "/projects/{id}/members", "/projects/{id}/progress", "/projects/{id}/logbook"],
)
def test_list_query_count_is_flat(
    call, tokens, project, alice, path, django_assert_max_num_queries
):
    path = path.format(id=project.public_id)
    _many_entries(project, [alice], 5)
    with django_assert_max_num_queries(12) as few:
        get(call, tokens, path)
    _many_entries(project, [alice], 200)
    with django_assert_max_num_queries(len(few.captured_queries)):
        get(call, tokens, path)
