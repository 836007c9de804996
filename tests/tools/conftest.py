"""Tool tests use the projects' people: Alice (projectleider), Bob (teamlid), Mila (meelezer)."""

from tests.projects.conftest import alice, bob, mila, project  # noqa: F401
