import pytest

from tests.projects import conftest as people
from wijkkoers.api.tokens import create_api_token
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import add_member, create_project

# The same three people as the project tests: a projectleider, a teamlid and a meelezer.
alice, bob, mila = people.alice, people.bob, people.mila


@pytest.fixture
def project(method, alice, bob, mila):
    project = create_project(alice, name="Wijkaanpak Testwijk", municipality="Teststad")
    add_member(alice, project, bob, role=Role.TEAMLID)
    add_member(alice, project, mila, role=Role.MEELEZER)
    return project


def _token(user) -> str:
    return create_api_token(user, name="Test")[1]


@pytest.fixture
def tokens(alice, bob, mila, outsider):
    """The token text per kind of user."""
    return {
        "leader": _token(alice),
        "teamlid": _token(bob),
        "meelezer": _token(mila),
        "outsider": _token(outsider),
    }


@pytest.fixture
def call(client):
    """api(method, path, token=None, json=None): the response of /api/v1<path>."""

    def _call(method, path, token=None, json=None, **extra):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        kwargs = {"headers": headers, **extra}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return getattr(client, method)(f"/api/v1{path}", **kwargs)

    return _call
