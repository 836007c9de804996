"""The compass reads the shared catalogue and keeps each project's numbers in its own rows."""

import pytest
from django.urls import reverse

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.queries import compass_for, portfolio_for, progress_by_key
from wijkkoers.projects.services import ProgressChange, create_project, set_step_progress

pytestmark = pytest.mark.django_db

SEED = "helderheid-over-ambities"


def test_compass_rows_belong_to_their_project(alice, method):
    started = create_project(alice, name="Gestart", municipality="A")
    untouched = create_project(alice, name="Niet gestart", municipality="B")
    set_step_progress(alice, started, SEED, ProgressChange(status="gestart"), expected_version=0)
    catalogue = get_catalogue()
    shared_step = catalogue.steps[SEED]

    first = compass_for(catalogue, progress_by_key(started))
    second = compass_for(catalogue, progress_by_key(untouched))

    assert [row.step.key for row in first.in_progress] == [SEED]
    assert first.in_progress[0].status == "gestart"
    assert first.in_progress[0].step is shared_step
    assert second.in_progress == []
    assert SEED not in {item.row.step.key for item in second.what_next}
    assert get_catalogue().steps[SEED] == shared_step


def test_compass_tallies_every_step_of_the_method(alice, method):
    project = create_project(alice, name="Teller", municipality="A")
    catalogue = get_catalogue()

    compass = compass_for(catalogue, progress_by_key(project))

    assert compass.overall.total == len(catalogue.steps)
    assert [tally.total for tally in compass.phases] == [len(p.steps) for p in catalogue.phases]


def test_portfolio_shows_the_phase_the_project_is_in(alice, method):
    project = create_project(alice, name="Fase", municipality="A")
    catalogue = get_catalogue()
    for key in [step.key for step in catalogue.phases[0].steps]:
        set_step_progress(
            alice, project, key, ProgressChange(status="afgerond"), expected_version=0
        )

    [row] = portfolio_for(catalogue, list(alice.memberships.select_related("project")))

    assert row.phase == catalogue.phases[1]
    assert row.tally.finished == len(catalogue.phases[0].steps)


def test_compass_page_links_each_listed_step_to_its_project_page(client, alice, method):
    project = create_project(alice, name="Links", municipality="A")
    set_step_progress(alice, project, SEED, ProgressChange(status="gestart"), expected_version=0)
    client.force_login(alice)

    html = client.get(reverse("projects:compass", args=[project.public_id])).content.decode()

    in_progress = html.split('id="bezig-kop"')[1].split("</section>")[0]
    assert reverse("projects:step", args=[project.public_id, SEED]) in in_progress
    assert '<span class="step__number">1.2</span>' in in_progress
