"""Alice (projectleider), Bob (teamlid), Mila (meelezer) and their project, as in tests/projects."""

import pytest

from tests.projects.conftest import alice, bob, mila, project  # noqa: F401
from wijkkoers.audit import registry


@pytest.fixture
def scratch_registry():
    """Register test-only groups and actions; the registry is restored afterwards."""
    saved = (dict(registry._groups), dict(registry._actions))
    yield registry
    registry._groups.clear()
    registry._groups.update(saved[0])
    registry._actions.clear()
    registry._actions.update(saved[1])
