"""One limit on request bodies, files included; the user gets a page that names it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.accounts.models import User
from wijkkoers.core.limits import MB, RequestBodyLimitMiddleware
from wijkkoers.projects.models import Invitation
from wijkkoers.projects.services import create_project

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "Anna de Vries",
    "email": "anna@example.org",
    "password1": "zonnepaneel-op-het-dak-7",
    "password2": "zonnepaneel-op-het-dak-7",
}
TOO_LARGE = "groter dan 5 MB"


@pytest.fixture
def alice(db):
    return UserFactory(name="Alice Projectleider")


@pytest.fixture
def project(alice):
    return create_project(alice, name="Wijkaanpak Testwijk", municipality="Teststad")


def big_file(size=6 * MB):
    return SimpleUploadedFile("plan.pdf", b"x" * size, content_type="application/pdf")


def test_oversized_upload_by_a_visitor_is_refused_and_nothing_saved(client):
    response = client.post("/account/signup/", {**SIGNUP, "bijlage": big_file()})

    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()
    assert not User.objects.filter(email="anna@example.org").exists()


def test_oversized_upload_by_a_member_is_refused_and_nothing_saved(client, alice, project):
    client.force_login(alice)
    url = reverse("projects:members", args=[project.public_id])

    response = client.post(
        url, {"email": "nieuw@example.org", "role": "teamlid", "bijlage": big_file()}
    )

    assert response.status_code == 413
    assert TOO_LARGE in response.content.decode()
    assert not Invitation.objects.filter(project=project).exists()


def test_oversized_body_is_refused_in_english_too(client):
    client.cookies["django_language"] = "en"

    response = client.post("/account/signup/", {**SIGNUP, "bijlage": big_file()})

    assert response.status_code == 413
    assert "larger than 5 MB" in response.content.decode()


def test_normal_post_with_a_small_file_still_works(client, alice, project):
    client.force_login(alice)
    url = reverse("projects:members", args=[project.public_id])

    response = client.post(
        url, {"email": "nieuw@example.org", "role": "teamlid", "bijlage": big_file(100_000)}
    )

    assert response.status_code == 302
    assert Invitation.objects.filter(project=project, email="nieuw@example.org").exists()


def test_a_path_can_get_a_larger_limit(client, settings):
    settings.MAX_REQUEST_BODY_SIZE_BY_PATH = {"/account/": 10 * MB}

    response = client.post("/account/signup/", {**SIGNUP, "bijlage": big_file()})

    assert response.status_code == 302
    assert User.objects.filter(email="anna@example.org").exists()


def streamed_request(body: bytes) -> ASGIRequest:
    """A multipart POST whose body is longer than the Content-Length it declares.

    Under ASGI Django parses the body stream to its end, whatever the header said; only the
    upload handler, counting while it streams, can stop it.
    """
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/account/signup/",
        "query_string": b"",
        "headers": [
            (b"content-type", MULTIPART_CONTENT.encode()),
            (b"content-length", b"1000"),
        ],
    }
    return ASGIRequest(scope, io.BytesIO(body))


@pytest.mark.parametrize(("size", "status"), [(6 * MB, 413), (100_000, 200)])
def test_streamed_upload_is_stopped_once_it_passes_the_limit(size, status):
    body = encode_multipart(BOUNDARY, {"bijlage": big_file(size)})
    middleware = RequestBodyLimitMiddleware(lambda request: HttpResponse("ok"))

    response = middleware(streamed_request(body))

    assert response.status_code == status
