"""Malformed ids in URLs and filters are a 404, never a 500 (PostgreSQL refuses NUL bytes)."""

import pytest
from django.urls import reverse

from wijkkoers.projects.access import is_public_id
from wijkkoers.projects.models import new_public_id

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("bad", ["a\x00b", "a" * 13, "a" * 11, "abc.defghijk", "ab cdefghijk"])
def test_is_public_id_refuses_malformed_ids(bad):
    assert not is_public_id(bad)


def test_is_public_id_accepts_new_ids():
    assert all(is_public_id(new_public_id()) for _ in range(50))


def test_new_ids_never_start_with_a_dash(monkeypatch):
    # A command line reads "-..." as an option: export_project failed on such an id.
    tokens = iter(["-startsdash1", "_fine_id_234"])
    monkeypatch.setattr("wijkkoers.projects.models.secrets.token_urlsafe", lambda n: next(tokens))

    assert new_public_id() == "_fine_id_234"


def test_project_url_with_nul_byte_is_404(client, alice, project):
    client.force_login(alice)

    response = client.get("/projecten/a%00b/")

    assert response.status_code == 404


@pytest.mark.parametrize("value", ["%00", "abc%00defghij", "x"])
def test_subproject_filter_with_malformed_id_is_404(client, alice, project, value):
    client.force_login(alice)

    response = client.get(
        reverse("projects:compass", args=[project.public_id]) + f"?deelproject={value}"
    )

    assert response.status_code == 404


def test_member_url_with_nul_byte_is_404(client, alice, project):
    client.force_login(alice)

    response = client.post(f"/projecten/{project.public_id}/leden/a%00b/verwijderen/")

    assert response.status_code == 404
