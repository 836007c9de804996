"""The stakeholder register through the API: read for every member, assess for the team,
404 for anyone outside the project; the web's rules answer as JSON."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.services import add_party
from wijkkoers.stakeholders.models import Assessment
from wijkkoers.stakeholders.services.register import (
    StakeholderData,
    record_assessment,
    record_stakeholder,
)


def _stakeholder(alice, project, name):
    party = add_party(alice, project, name=name, party_type="gemeente")
    return record_stakeholder(
        alice, project, party=party, data=StakeholderData(role_in_project="Regie")
    )


@pytest.fixture
def woonbron(alice, project):
    stakeholder = _stakeholder(alice, project, "Woonbron")
    record_assessment(alice, stakeholder, power=4, interest=2, assessed_on=None)
    return stakeholder


def _base(project, stakeholder=None):
    base = f"/projects/{project.public_id}/stakeholders"
    return f"{base}/{stakeholder.public_id}" if stakeholder else base


def test_member_reads_the_register_and_one_stakeholder(call, project, tokens, woonbron):
    listed = call("get", _base(project), token=tokens["meelezer"])
    detail = call("get", _base(project, woonbron), token=tokens["meelezer"])

    assert listed.status_code == 200
    item = listed.json()["items"][0]
    assert (item["name"], item["power"], item["interest"]) == ("Woonbron", 4, 2)
    assert item["position_label"] == "neutraal"
    assert detail.status_code == 200
    assert [a["power"] for a in detail.json()["assessments"]] == [4]


def test_teamlid_adds_an_assessment_through_the_service(call, project, tokens, woonbron):
    response = call(
        "post",
        f"{_base(project, woonbron)}/assessments",
        token=tokens["teamlid"],
        json={"power": 5, "interest": 5, "assessed_on": "2026-01-15", "note": "Na de raad"},
    )

    assert response.status_code == 201
    assert [a["power"] for a in response.json()["assessments"]] == [4, 5]
    assert AuditEvent.objects.filter(action="stakeholder.assessed").count() == 2


def test_assessment_refused_for_meelezer_outsider_and_bad_input(call, project, tokens, woonbron):
    path = f"{_base(project, woonbron)}/assessments"
    body = {"power": 3, "interest": 3}

    assert call("post", path, token=tokens["meelezer"], json=body).status_code == 403
    assert call("post", path, token=tokens["outsider"], json=body).status_code == 404
    assert call("post", path, json=body).status_code == 401
    too_high = call("post", path, token=tokens["teamlid"], json={"power": 6, "interest": 3})
    future = call("post", path, token=tokens["teamlid"], json={**body, "assessed_on": "2999-01-01"})

    assert too_high.status_code == 422
    assert too_high.json()["errors"][0]["field"] == "power"
    assert future.status_code == 400
    assert future.json()["detail"]
    assert Assessment.objects.count() == 1


def test_outsider_and_other_projects_stakeholder_are_404(call, project, tokens, woonbron, alice):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Andere wijk", municipality="Elders")
    elsewhere = _stakeholder(alice, other, "Geheim")

    assert call("get", _base(project), token=tokens["outsider"]).status_code == 404
    assert call("get", _base(project, woonbron), token=tokens["outsider"]).status_code == 404
    hidden = f"{_base(project)}/{elsewhere.public_id}"
    assert call("get", hidden, token=tokens["teamlid"]).status_code == 404


def test_register_queries_stay_flat(call, project, tokens, alice, woonbron):
    path = _base(project)
    call("get", path, token=tokens["teamlid"])  # warm the catalogue and the token
    with CaptureQueriesContext(connection) as one:
        call("get", path, token=tokens["teamlid"])
    for name in ("Netbeheerder", "Bewonersvereniging"):
        record_assessment(alice, _stakeholder(alice, project, name), power=2, interest=3)
    with CaptureQueriesContext(connection) as three:
        response = call("get", path, token=tokens["teamlid"])

    assert response.json()["count"] == 3
    assert len(three) == len(one) <= 8
