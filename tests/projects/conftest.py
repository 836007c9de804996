import pytest

from tests.factories import UserFactory
from wijkkoers.projects.models import Role
from wijkkoers.projects.services import add_member, create_project


@pytest.fixture
def alice(db):
    """Projectleider."""
    return UserFactory(name="Alice Projectleider", email="alice@example.org")


@pytest.fixture
def bob(db):
    """Teamlid."""
    return UserFactory(name="Bob Teamlid", email="bob@example.org")


@pytest.fixture
def mila(db):
    """Meelezer: reads only."""
    return UserFactory(name="Mila Meelezer", email="mila@example.org")


@pytest.fixture
def project(alice, bob, mila):
    project = create_project(alice, name="Wijkaanpak Testwijk", municipality="Teststad")
    add_member(alice, project, bob, role=Role.TEAMLID)
    add_member(alice, project, mila, role=Role.MEELEZER)
    return project
