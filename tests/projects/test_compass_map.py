"""The compass map is drawn once per method version and language, then filled per project."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.models import StepPage
from wijkkoers.projects import compass_map
from wijkkoers.projects.queries import compass_for, progress_by_key
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    create_project,
    set_step_progress,
)

pytestmark = pytest.mark.django_db

SEED = "helderheid-over-ambities"


@pytest.fixture(autouse=True)
def _forget_skeletons():
    compass_map._memo.update({"of": None, "maps": {}})


def _rows(project, subproject=None):
    compass = compass_for(get_catalogue(), progress_by_key(project, subproject))
    return {row.step.key: row for _phase, rows in compass.phase_rows for row in rows}


def test_each_step_state_reads_as_the_state_template(alice, method):
    project = create_project(alice, name="Wijk", municipality="A")
    set_step_progress(alice, project, SEED, ProgressChange(status="gestart"), expected_version=0)
    rows = _rows(project)
    row = rows[SEED]
    skeleton = f"<!--state:{SEED}:wide-->|<!--state:{SEED}:narrow-->"

    wide, narrow = compass_map.fill_map(skeleton, rows, project).split("|")

    context = {"row": row, "project": project, "subproject": None}
    assert wide == render_to_string("projects/_step_state.html", context)
    assert narrow == render_to_string("projects/_step_state.html", context | {"with_title": True})
    assert "state--gestart" in wide


def test_the_skeleton_is_drawn_once_per_version_and_language(method, monkeypatch):
    drawn = []
    original = compass_map.render_to_string
    monkeypatch.setattr(
        compass_map, "render_to_string", lambda *a, **k: drawn.append(1) or original(*a, **k)
    )
    catalogue = get_catalogue()

    first = compass_map.map_skeleton(catalogue)
    compass_map._memo.update({"of": None, "maps": {}})  # another process: from the cache
    assert compass_map.map_skeleton(catalogue) == first
    assert compass_map.map_skeleton(catalogue) == first
    assert len(drawn) == 1
    assert f"<!--state:{SEED}:wide-->" in first
    assert f"<!--state:{SEED}:narrow-->" in first


def test_each_project_sees_its_own_states(alice, method):
    mine = create_project(alice, name="Mijn wijk", municipality="A")
    other = create_project(alice, name="Andere wijk", municipality="B")
    set_step_progress(alice, mine, SEED, ProgressChange(status="afgerond"), expected_version=0)
    client = Client()
    client.force_login(alice)

    html_mine = client.get(reverse("projects:compass", args=[mine.public_id])).content.decode()
    html_other = client.get(reverse("projects:compass", args=[other.public_id])).content.decode()

    seed_mine = reverse("projects:step", args=[mine.public_id, SEED])
    seed_other = reverse("projects:step", args=[other.public_id, SEED])
    assert f'<a class="state state--afgerond" href="{seed_mine}">' in html_mine
    assert f'<a class="state state--niet_gestart" href="{seed_other}">' in html_other
    assert mine.public_id not in html_other
    assert "<!--state:" not in html_mine


def test_a_publish_redraws_the_map(alice, method):
    project = create_project(alice, name="Wijk", municipality="A")
    client = Client()
    client.force_login(alice)
    url = reverse("projects:compass", args=[project.public_id])
    assert "Een nieuwe titel" not in client.get(url).content.decode()
    step = StepPage.objects.get(key=SEED)
    step.title = "Een nieuwe titel"

    step.save_revision().publish()

    assert "Een nieuwe titel" in client.get(url).content.decode()


def test_each_language_has_its_own_map(alice, method):
    project = create_project(alice, name="Wijk", municipality="A")
    url = reverse("projects:compass", args=[project.public_id])
    dutch, english = Client(), Client(headers={"Accept-Language": "en"})
    for client in (dutch, english):
        client.force_login(alice)

    assert "Alle stappen" in dutch.get(url).content.decode()
    assert "All steps" in english.get(url).content.decode()
    assert "Alle stappen" in dutch.get(url).content.decode()


def test_a_sub_project_links_its_steps_with_its_scope(alice, method):
    project = create_project(alice, name="Wijk", municipality="A")
    sub = add_subproject(alice, project, name="Noord")
    client = Client()
    client.force_login(alice)

    html = client.get(
        reverse("projects:compass", args=[project.public_id]) + f"?deelproject={sub.public_id}"
    ).content.decode()

    assert (
        f"{reverse('projects:step', args=[project.public_id, SEED])}?deelproject={sub.public_id}"
        in html
    )
