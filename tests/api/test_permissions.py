"""Every endpoint against every kind of caller: anonymous, a revoked token, an outsider's,
a meelezer's, a teamlid's. Refused calls are JSON and change nothing."""

import pytest

from wijkkoers.api.models import ApiToken
from wijkkoers.api.tokens import create_api_token, revoke_api_token
from wijkkoers.logbook.models import Entry
from wijkkoers.logbook.services.entries import ActionData, create_action
from wijkkoers.projects.models import StepProgress

STEP = "helderheid-over-ambities"


@pytest.fixture
def ids(project, alice):
    entry = create_action(alice, project, ActionData(title="Zaal reserveren"))
    return {"project": project.public_id, "entry": entry.public_id}


def reads(ids):
    base = f"/projects/{ids['project']}"
    return [
        f"{base}",
        f"{base}/members",
        f"{base}/progress",
        f"{base}/logbook",
        f"{base}/logbook/{ids['entry']}",
    ]


def writes(ids):
    base = f"/projects/{ids['project']}"
    return [
        ("put", f"{base}/progress/{STEP}", {"status": "gestart", "version": 0}),
        ("post", f"{base}/decisions", {"title": "Besluit", "decided_on": "2026-11-01"}),
        ("post", f"{base}/agreements", {"title": "Afspraak", "made_on": "2026-11-01"}),
        ("post", f"{base}/actions", {"title": "Actie"}),
    ]


def _written() -> tuple[int, int]:
    return StepProgress.objects.count(), Entry.objects.count()


def test_method_endpoints_anonymous_ok(call, method):
    for path in ("/method/phases", "/method/tracks", "/method/steps", f"/method/steps/{STEP}"):
        response = call("get", path)
        assert response.status_code == 200, path
        assert response["Content-Type"] == "application/json; charset=utf-8"


def test_method_step_unknown_is_404_json(call, method):
    response = call("get", "/method/steps/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["detail"] == "Dit bestaat niet, of je hebt er geen toegang toe."


def test_project_endpoints_anonymous_is_401_json(call, ids):
    before = _written()
    for path in ["/projects", *reads(ids)]:
        response = call("get", path)
        assert response.status_code == 401, path
        assert response["WWW-Authenticate"] == "Bearer"
        assert "API-token" in response.json()["detail"]
    for verb, path, body in writes(ids):
        assert call(verb, path, json=body).status_code == 401, path
    assert _written() == before


@pytest.mark.parametrize("kind", ["revoked", "expired", "unknown", "malformed"])
def test_project_endpoints_bad_token_is_401(call, ids, alice, kind):
    token, text = create_api_token(alice, name="x")
    if kind == "revoked":
        revoke_api_token(alice, token)
    elif kind == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_on="2020-01-01")
    elif kind == "unknown":
        text = text[:-2] + "xx"
    else:
        text = "wkt_\x00"
    for path in ["/projects", *reads(ids)]:
        response = call("get", path, token=text)
        assert response.status_code == 401, path
        assert response.json()["code"] == "not_authenticated"


def test_project_endpoints_outsider_is_404_json(call, ids, tokens):
    before = _written()
    assert call("get", "/projects", token=tokens["outsider"]).json()["count"] == 0
    for path in reads(ids):
        response = call("get", path, token=tokens["outsider"])
        assert response.status_code == 404, path
        assert response.json()["code"] == "not_found"
    for verb, path, body in writes(ids):
        assert call(verb, path, token=tokens["outsider"], json=body).status_code == 404, path
    assert _written() == before


def test_project_endpoints_meelezer_reads_but_cannot_write(call, ids, tokens):
    before = _written()
    assert call("get", "/projects", token=tokens["meelezer"]).json()["count"] == 1
    for path in reads(ids):
        assert call("get", path, token=tokens["meelezer"]).status_code == 200, path
    for verb, path, body in writes(ids):
        response = call(verb, path, token=tokens["meelezer"], json=body)
        assert response.status_code == 403, path
        assert response.json()["detail"].startswith("Je kunt dit project lezen")
    assert _written() == before


def test_project_endpoints_teamlid_reads_and_writes(call, ids, tokens):
    for path in reads(ids):
        assert call("get", path, token=tokens["teamlid"]).status_code == 200, path
    statuses = [
        call(verb, path, token=tokens["teamlid"], json=body).status_code
        for verb, path, body in writes(ids)
    ]
    assert statuses == [200, 201, 400, 201]  # the agreement lacks an owner: a rule, not a right


def test_project_endpoints_closed_project_refuses_writes(call, ids, tokens, project, alice):
    from wijkkoers.projects.services import close_project

    close_project(alice, project, reason="Klaar")
    before = _written()
    for path in reads(ids):
        assert call("get", path, token=tokens["teamlid"]).status_code == 200, path
    for verb, path, body in writes(ids):
        response = call(verb, path, token=tokens["teamlid"], json=body)
        assert response.status_code == 409, path
        assert response.json()["code"] == "project_closed"
    assert _written() == before


def test_project_endpoints_never_show_another_project(call, project, tokens, alice):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Andere wijk", municipality="Elders")
    create_action(alice, other, ActionData(title="Geheim"))
    entry = Entry.objects.get(project=other)
    project_ids = [
        p["id"] for p in call("get", "/projects", token=tokens["teamlid"]).json()["items"]
    ]

    assert other.public_id not in project_ids
    assert (
        call("get", f"/projects/{other.public_id}/logbook", token=tokens["teamlid"]).status_code
        == 404
    )
    mine = project_ids[0]
    assert (
        call(
            "get", f"/projects/{mine}/logbook/{entry.public_id}", token=tokens["teamlid"]
        ).status_code
        == 404
    )


def test_project_endpoints_staff_gets_nothing_extra(call, ids, staff_user):
    """A staff member or superuser who is not a member is an outsider: 404, nothing written."""
    from wijkkoers.api.tokens import create_api_token

    token = create_api_token(staff_user, name="Staf")[1]
    before = _written()
    assert call("get", "/projects", token=token).json()["count"] == 0
    for path in reads(ids):
        assert call("get", path, token=token).status_code == 404, path
    for verb, path, body in writes(ids):
        assert call(verb, path, token=token, json=body).status_code == 404, path
    assert _written() == before


def test_every_project_read_in_the_schema_is_404_for_staff(call, project, alice, staff_user):
    """Every GET under /projects/{project_id} of the OpenAPI schema, with real ids of the
    project: a staff member who is not a member reads nothing of it."""
    from tests.tools.housingcost_rows import define, household
    from wijkkoers.api.tokens import create_api_token
    from wijkkoers.api.v1 import api
    from wijkkoers.housingcost.services import save_calculation
    from wijkkoers.opportunities.services import OpportunityData, add_opportunity
    from wijkkoers.projects.services import add_subproject

    define(alice, project)
    calculation = save_calculation(alice, household(alice, project))
    real = {
        "project_id": project.public_id,
        "entry_id": create_action(alice, project, ActionData(title="Zaal")).public_id,
        "step_key": STEP,
        "opportunity_id": add_opportunity(
            alice, project, OpportunityData(title="Riool", kind="fysiek")
        ).public_id,
        "calculation_id": calculation.public_id,
        "subproject_id": add_subproject(alice, project, name="Noord").public_id,
    }
    token = create_api_token(staff_user, name="Staf")[1]
    checked = 0
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" not in operations or "{project_id}" not in path:
            continue
        url = path.removeprefix("/api/v1")
        for name, value in real.items():
            url = url.replace(f"{{{name}}}", value)
        if "{" in url:  # an id this test does not make (it would be a 404 anyway)
            continue
        response = call("get", url, token=token)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"
        checked += 1
    assert checked >= 15
