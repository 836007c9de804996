"""Indicators through the API: read for every member, measurements and corrections for the
team through the web's services, 404 outside the project, the rules as JSON."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijkkoers.audit.models import AuditEvent
from wijkkoers.goals.models import Measurement
from wijkkoers.goals.services import (
    IndicatorData,
    MeasurementData,
    add_indicator,
    record_measurement,
)


def _indicator(alice, project, name="Woningen van het gas af"):
    return add_indicator(
        alice,
        project,
        IndicatorData(
            name=name,
            unit="woningen",
            target_value=Decimal(400),
            deadline=date(2030, 12, 31),
            baseline_value=Decimal(0),
            baseline_on=date(2025, 1, 1),
        ),
    )


@pytest.fixture
def indicator(alice, project):
    found = _indicator(alice, project)
    record_measurement(alice, found, MeasurementData(Decimal(40), date(2026, 1, 1)))
    return found


def _path(project, indicator=None):
    base = f"/projects/{project.public_id}/indicators"
    return f"{base}/{indicator.public_id}" if indicator else base


def test_member_reads_indicators_and_measurements(call, project, tokens, indicator):
    listed = call("get", _path(project), token=tokens["meelezer"])
    detail = call("get", _path(project, indicator), token=tokens["meelezer"])

    assert listed.status_code == 200
    item = listed.json()["items"][0]
    assert item["name"] == "Woningen van het gas af"
    assert Decimal(str(item["newest_value"])) == 40
    assert item["standing_label"]
    assert detail.status_code == 200
    assert [m["counts"] for m in detail.json()["measurements"]] == [True]


def test_teamlid_records_and_corrects_a_measurement(call, project, tokens, indicator):
    added = call(
        "post",
        f"{_path(project, indicator)}/measurements",
        token=tokens["teamlid"],
        json={"value": "55.5", "measured_on": "2026-03-01"},
    )
    wrong = added.json()["measurements"][-1]["id"]
    corrected = call(
        "post",
        f"{_path(project, indicator)}/measurements/{wrong}/correction",
        token=tokens["teamlid"],
        json={"value": 50, "measured_on": "2026-03-01", "note": "Telfout"},
    )

    assert added.status_code == 201
    assert corrected.status_code == 201
    assert [m["counts"] for m in corrected.json()["measurements"]] == [True, False, True]
    assert corrected.json()["measurements"][-1]["corrects"] == wrong
    assert AuditEvent.objects.filter(action="measurement.corrected").count() == 1


def test_measurement_refused_for_meelezer_outsider_and_bad_input(call, project, tokens, indicator):
    path = f"{_path(project, indicator)}/measurements"
    body = {"value": 1, "measured_on": "2026-01-02"}

    assert call("post", path, token=tokens["meelezer"], json=body).status_code == 403
    assert call("post", path, token=tokens["outsider"], json=body).status_code == 404
    not_a_number = call("post", path, token=tokens["teamlid"], json={**body, "value": "veel"})
    future = call("post", path, token=tokens["teamlid"], json={**body, "measured_on": "2999-01-01"})
    first = Measurement.objects.get()
    no_note = call(
        "post",
        f"{_path(project, indicator)}/measurements/{first.public_id}/correction",
        token=tokens["teamlid"],
        json=body,
    )

    assert not_a_number.status_code == 422
    assert not_a_number.json()["errors"][0]["field"] == "value"
    assert future.status_code == 400
    assert no_note.status_code == 400
    assert Measurement.objects.count() == 1


def test_other_projects_indicator_is_404(call, project, tokens, indicator, alice):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Andere wijk", municipality="Elders")
    hidden = _indicator(alice, other, "Geheim")

    assert call("get", _path(project), token=tokens["outsider"]).status_code == 404
    assert call("get", _path(project, indicator), token=tokens["outsider"]).status_code == 404
    elsewhere = f"{_path(project)}/{hidden.public_id}"
    assert call("get", elsewhere, token=tokens["teamlid"]).status_code == 404


def test_indicator_list_queries_stay_flat(call, project, tokens, alice, indicator):
    call("get", _path(project), token=tokens["teamlid"])
    with CaptureQueriesContext(connection) as one:
        call("get", _path(project), token=tokens["teamlid"])
    for name in ("Aansluitingen warmtenet", "Isolatie"):
        record_measurement(
            alice, _indicator(alice, project, name), MeasurementData(Decimal(3), date(2026, 2, 1))
        )
    with CaptureQueriesContext(connection) as three:
        response = call("get", _path(project), token=tokens["teamlid"])

    assert response.json()["count"] == 3
    assert len(three) == len(one) <= 8
