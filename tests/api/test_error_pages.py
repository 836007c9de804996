"""Whatever answers an error under /api/ (the body limit, Django's 404 and 500, ninja's 405),
the caller gets JSON with a message in its own language, never an HTML page."""

import json

from django.http import HttpResponse, HttpResponseServerError
from django.test import Client, RequestFactory

from wijkkoers.api.middleware import ApiJsonErrorsMiddleware

MB = 1024 * 1024


def _json(response) -> dict:
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_body_over_the_limit_is_413_json_before_anything_is_read(call, db):
    response = call("post", "/projects/AAAAAAAAAAAA/actions", json="x" * (5 * MB + 1))

    assert response.status_code == 413
    body = _json(response)
    assert body["code"] == "too_large"
    assert body["detail"] == (
        "Wat je verstuurde is groter dan 5 MB, het meeste dat je in één keer kunt versturen. "
        "Er is niets opgeslagen."
    )


def test_body_over_the_limit_is_413_in_english_when_asked(call, db):
    response = call(
        "post", "/projects/AAAAAAAAAAAA/actions", json="x" * (5 * MB + 1), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 413
    assert _json(response)["detail"].startswith("What you sent is larger than 5 MB")


def test_unknown_path_under_v1_is_404_json(call, db):
    response = call("get", "/projects/AAAAAAAAAAAA/bestaat-niet/ook-niet")

    assert response.status_code == 404
    assert _json(response) == {
        "detail": "Dit bestaat niet, of je hebt er geen toegang toe.",
        "code": "not_found",
        "errors": [],
    }


def test_method_a_path_lacks_is_405_json_with_allow(call, method):
    response = call("put", "/method/steps")

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert _json(response)["code"] == "method_not_allowed"


def test_a_server_error_under_api_is_500_json(method, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("wijkkoers.api.method.get_catalogue", broken)

    response = Client(raise_request_exception=False).get("/api/v1/method/phases")

    assert response.status_code == 500
    body = _json(response)
    assert body["code"] == "server_error"
    assert "kapot" not in body["detail"]


def test_html_error_outside_api_is_left_alone():
    page = HttpResponseServerError("<p>fout</p>")
    middleware = ApiJsonErrorsMiddleware(lambda request: page)

    assert middleware(RequestFactory().get("/kompas/")) is page


def test_other_html_errors_under_api_become_json_and_keep_their_headers():
    page = HttpResponse("<p>even geduld</p>", status=429, headers={"Retry-After": "30"})
    middleware = ApiJsonErrorsMiddleware(lambda request: page)

    response = middleware(RequestFactory().get("/api/v1/projects"))

    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert _json(response)["code"] == "rate_limited"
