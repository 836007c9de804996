"""Bad input gets a JSON answer with a Dutch message per field; nothing is written."""

import pytest

from wijkkoers.logbook.models import Entry
from wijkkoers.projects.models import StepProgress

STEP = "helderheid-over-ambities"


@pytest.fixture
def put_progress(call, project, tokens):
    def _put(body, role="teamlid"):
        return call(
            "put", f"/projects/{project.public_id}/progress/{STEP}", token=tokens[role], json=body
        )

    return _put


def fields(response) -> dict:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def test_progress_wrong_types_and_unknown_fields_are_422(put_progress):
    response = put_progress({"status": "bijna", "version": "twee", "note": 5, "colour": "rood"})

    assert response.status_code == 422
    assert (
        response.json()["detail"] == "Het verzoek bevat ongeldige waarden. Zie de lijst met velden."
    )
    assert fields(response) == {
        "status": "Kies een van: 'niet_gestart', 'gestart', 'gepauzeerd', 'afgerond', 'herzien', 'nvt'.",
        "version": "Stuur een geheel getal.",
        "note": "Stuur tekst.",
        "colour": "Dit veld bestaat hier niet.",
    }
    assert not StepProgress.objects.exists()


def test_progress_missing_fields_and_bad_text_are_422(put_progress):
    response = put_progress({"note": "a\x00b", "reason": "x" * 501, "target_date": 0})

    assert response.status_code == 422
    assert fields(response) == {
        "status": "Dit is een verplicht veld.",
        "version": "Dit is een verplicht veld.",
        "note": "Deze tekst bevat een teken dat niet is toegestaan.",
        "reason": "Deze tekst is te lang: hoogstens 500 tekens.",
        "target_date": "Stuur een datum als JJJJ-MM-DD.",
    }


def test_progress_body_not_json_is_400(call, project, tokens):
    response = call(
        "put",
        f"/projects/{project.public_id}/progress/{STEP}",
        token=tokens["teamlid"],
        data="status=gestart",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "De inhoud van het verzoek is geen geldige JSON."


def test_progress_rule_error_names_its_field(put_progress):
    response = put_progress({"status": "nvt", "version": 0})

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert fields(response) == {"reason": "Geef aan waarom deze stap niet van toepassing is."}
    assert not StepProgress.objects.exists()


def test_progress_unknown_owner_is_400(put_progress):
    response = put_progress({"status": "gestart", "version": 0, "owner": "AAAAAAAAAAAA"})

    assert response.status_code == 400
    assert list(fields(response)) == ["owner"]


def test_progress_owner_by_membership_id(put_progress, project, bob):
    membership = project.memberships.get(user=bob)

    response = put_progress({"status": "gestart", "version": 0, "owner": membership.public_id})

    assert response.status_code == 200
    assert response.json()["owner"] == {"id": membership.public_id, "name": "Bob Teamlid"}


def test_progress_stale_version_is_409_and_keeps_the_other_change(put_progress):
    assert put_progress({"status": "gestart", "version": 0, "note": "eerste"}).status_code == 200

    response = put_progress({"status": "afgerond", "version": 0, "note": "tweede"})

    assert response.status_code == 409
    assert response.json()["current_version"] == 1
    assert "versie 1" in response.json()["detail"]
    assert StepProgress.objects.get().note == "eerste"


def test_progress_unknown_step_is_404(call, project, tokens):
    response = call(
        "put",
        f"/projects/{project.public_id}/progress/bestaat-niet",
        token=tokens["teamlid"],
        json={"status": "gestart", "version": 0},
    )
    assert response.status_code == 404


def test_decision_with_unknown_party_is_400_and_writes_nothing(call, project, tokens):
    response = call(
        "post",
        f"/projects/{project.public_id}/decisions",
        token=tokens["teamlid"],
        json={"title": "Besluit", "decided_on": "2026-11-01", "parties_agreed": ["AAAAAAAAAAAA"]},
    )
    assert response.status_code == 400
    assert list(fields(response)) == ["parties_agreed"]
    assert not Entry.objects.exists()


def test_agreement_with_member_owner_is_recorded(call, project, tokens, bob):
    membership = project.memberships.get(user=bob)
    response = call(
        "post",
        f"/projects/{project.public_id}/agreements",
        token=tokens["teamlid"],
        json={
            "title": "Enquête uitzetten",
            "made_on": "2026-11-01",
            "owner_member": membership.public_id,
            "step_keys": [STEP],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["agreement"]["owner_member"]["id"] == membership.public_id
    assert body["step_keys"] == [STEP]


def test_page_size_above_the_maximum_is_422(call, project, tokens):
    response = call("get", "/projects?limit=201", token=tokens["teamlid"])
    assert response.status_code == 422
    assert fields(response) == {"limit": "Stuur een getal van hoogstens 200."}


def test_rate_limit_per_token_answers_429_with_retry_after(call, settings, project, tokens):
    settings.API_RATE_PER_TOKEN = 3
    for _ in range(3):
        assert call("get", "/projects", token=tokens["teamlid"]).status_code == 200

    response = call("get", "/projects", token=tokens["teamlid"])

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["code"] == "rate_limited"
    # Another token has its own count.
    assert call("get", "/projects", token=tokens["meelezer"]).status_code == 200


def test_rate_limit_per_address_for_anonymous_reads(call, settings, method):
    settings.API_RATE_PER_ADDRESS = 2
    assert call("get", "/method/phases").status_code == 200
    assert call("get", "/method/tracks").status_code == 200
    assert call("get", "/method/phases").status_code == 429
    assert call("get", "/method/phases", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_writes_with_a_token_need_no_csrf_token(project, tokens):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        f"/api/v1/projects/{project.public_id}/actions",
        data={"title": "Actie zonder CSRF"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {tokens['teamlid']}"},
    )
    assert response.status_code == 201


def test_a_logged_in_session_without_token_is_401(client, project, bob):
    client.force_login(bob)
    assert client.get("/api/v1/projects").status_code == 401


def test_unknown_api_path_is_404_json(call):
    response = call("get", "/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_unsupported_method_is_405_json(call, method):
    response = call("delete", "/method/phases")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert response.json()["detail"] == "Deze methode is hier niet toegestaan."
