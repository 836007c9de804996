"""A public step page links a logged-in member to that step in each of their projects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.services import create_project

pytestmark = pytest.mark.django_db

SEED = "helderheid-over-ambities"


def public_url():
    return get_catalogue().steps[SEED].url


def test_step_page_links_a_member_to_the_step_in_each_project(client, alice, method):
    first = create_project(alice, name="Eerste wijk", municipality="A")
    second = create_project(alice, name="Tweede wijk", municipality="B")
    client.force_login(alice)

    html = client.get(public_url()).content.decode()

    assert 'id="in-mijn-project"' in html
    for project in (first, second):
        assert f'href="{reverse("projects:step", args=[project.public_id, SEED])}"' in html


def test_step_page_shows_no_project_block_to_a_user_without_projects(client, outsider, method):
    client.force_login(outsider)

    html = client.get(public_url()).content.decode()

    assert 'id="in-mijn-project"' not in html


def test_step_page_is_the_same_for_every_anonymous_visitor(client, alice, method):
    create_project(alice, name="Verborgen wijk", municipality="A")
    client.get(public_url())  # warm per-process caches

    with CaptureQueriesContext(connection) as queries:
        html = client.get(public_url()).content.decode()

    assert 'id="in-mijn-project"' not in html
    assert "Verborgen wijk" not in html
    assert not any("projects_membership" in query["sql"] for query in queries)


def test_step_page_does_not_show_other_peoples_projects(client, alice, outsider, method):
    create_project(alice, name="Project van Alice", municipality="A")
    client.force_login(outsider)

    html = client.get(public_url()).content.decode()

    assert "Project van Alice" not in html
