"""The project kompas: every step with its status, "what next" that always proposes
something while steps are open, the sensitive count, and totals that agree between a
project and its sub-projects."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import StepProgress, StepStatus
from wijkkoers.projects.queries import compass_for, progress_by_key, what_next
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    create_project,
    set_step_progress,
)

pytestmark = pytest.mark.django_db

FIRST = "de-juiste-partijen-aan-tafel"  # 1.1: every other step waits on it, directly or not
SEED = "helderheid-over-ambities"  # 1.2: requires 1.1


def set_status(user, project, key, status, subproject=None, **extra):
    set_step_progress(
        user,
        project,
        key,
        ProgressChange(status=status, **extra),
        expected_version=0,
        subproject=subproject,
    )


def step_links(html, project):
    """The distinct step keys the page links to in this project."""
    prefix = re.escape(reverse("projects:step", args=[project.public_id, "KEY"])[: -len("KEY/")])
    return set(re.findall(prefix + r"([\w-]+)/", html))


# --- What next --------------------------------------------------------------------------


def test_what_next_falls_back_to_open_steps_in_method_order_when_none_is_ready(
    alice, project, method
):
    catalogue = get_catalogue()
    set_status(alice, project, FIRST, StepStatus.REVISITING)
    progress = progress_by_key(project)
    assert what_next(catalogue, progress) == []  # the situation that left the box empty

    proposed = compass_for(catalogue, progress).what_next

    assert proposed
    assert all(item.fallback for item in proposed)
    assert proposed[0].row.step.key == FIRST
    ordered = list(catalogue.steps)
    positions = [ordered.index(item.row.step.key) for item in proposed]
    assert positions == sorted(positions)


def test_what_next_names_the_required_steps_that_are_done(alice, project, method):
    catalogue = get_catalogue()
    set_status(alice, project, FIRST, StepStatus.FINISHED)

    proposed = {
        item.row.step.key: item
        for item in compass_for(catalogue, progress_by_key(project)).what_next
    }

    assert not proposed[SEED].fallback
    assert catalogue.steps[FIRST] in proposed[SEED].required


def test_what_next_is_empty_only_when_every_step_is_done(method):
    catalogue = get_catalogue()
    keys = list(catalogue.steps)
    progress = {key: StepProgress(step_key=key, status=StepStatus.FINISHED) for key in keys}
    progress[keys[-1]] = StepProgress(step_key=keys[-1], status=StepStatus.NOT_APPLICABLE)

    assert compass_for(catalogue, progress).what_next == []
    progress[keys[-1]] = StepProgress(step_key=keys[-1], status=StepStatus.PAUSED)
    assert [item.row.step.key for item in compass_for(catalogue, progress).what_next] == [keys[-1]]


def test_what_next_page_says_why_a_step_is_proposed(client, alice, project, method):
    set_status(alice, project, FIRST, StepStatus.FINISHED)
    client.force_login(alice)

    html = client.get(reverse("projects:compass", args=[project.public_id])).content.decode()

    box = html.split('id="volgende-kop"')[1].split("</section>")[0]
    first = get_catalogue().steps[FIRST]
    assert f"{first.display_number} {first.title}" in box


# --- Sensitive steps --------------------------------------------------------------------


def test_sensitive_open_counts_every_sensitive_step_of_a_new_project(alice, method):
    catalogue = get_catalogue()
    project = create_project(alice, name="Nieuw", municipality="A")
    sensitive = [step.key for step in catalogue.steps.values() if step.sensitive]

    compass = compass_for(catalogue, progress_by_key(project))

    assert len(sensitive) > 1
    assert [row.step.key for row in compass.sensitive_open] == sensitive


def test_sensitive_open_leaves_out_finished_and_not_applicable_steps(alice, method):
    catalogue = get_catalogue()
    project = create_project(alice, name="Gevoelig", municipality="A")
    first, second, third = [s.key for s in catalogue.steps.values() if s.sensitive][:3]
    set_status(alice, project, first, StepStatus.FINISHED)
    set_status(alice, project, second, StepStatus.NOT_APPLICABLE, reason="Niet bij ons.")
    set_status(alice, project, third, StepStatus.PAUSED)

    keys = [row.step.key for row in compass_for(catalogue, progress_by_key(project)).sensitive_open]

    assert first not in keys
    assert second not in keys
    assert third in keys


# --- Statuses on the map ----------------------------------------------------------------


def test_open_step_past_its_target_date_is_shown_overdue(method):
    catalogue = get_catalogue()
    progress = {
        SEED: StepProgress(step_key=SEED, status=StepStatus.STARTED, target_date=date(2026, 1, 1))
    }

    compass = compass_for(catalogue, progress, today=date(2026, 2, 1))

    [row] = [row for _phase, rows in compass.phase_rows for row in rows if row.step.key == SEED]
    assert row.state == "over_tijd"
    assert row.state_icon
    assert [r.step.key for r in compass.overdue] == [SEED]


def test_finished_step_past_its_target_date_is_not_overdue(method):
    catalogue = get_catalogue()
    progress = {
        SEED: StepProgress(step_key=SEED, status=StepStatus.FINISHED, target_date=date(2026, 1, 1))
    }

    compass = compass_for(catalogue, progress, today=date(2026, 2, 1))

    [row] = [row for _phase, rows in compass.phase_rows for row in rows if row.step.key == SEED]
    assert row.state == StepStatus.FINISHED
    assert compass.overdue == []


def test_map_places_each_step_under_each_of_its_tracks(alice, method):
    catalogue = get_catalogue()
    project = create_project(alice, name="Kaart", municipality="A")

    compass = compass_for(catalogue, progress_by_key(project))

    placed = {
        (row.step.key, track.code)
        for _phase, cells in compass.map_rows
        for track, rows in cells
        for row in rows
    }
    expected = {(s.key, code) for s in catalogue.steps.values() for code in s.track_codes}
    assert placed == expected


# --- Sub-projects -----------------------------------------------------------------------


def test_subproject_totals_agree_with_the_project_on_not_applicable_steps(alice, project, method):
    catalogue = get_catalogue()
    subproject = add_subproject(alice, project, name="Hoogbouw")
    set_status(alice, project, "rol-vve", StepStatus.NOT_APPLICABLE, reason="Geen VvE's.")

    whole = compass_for(catalogue, progress_by_key(project)).overall
    part = compass_for(catalogue, progress_by_key(project, subproject)).overall

    assert whole.applicable == part.applicable == len(catalogue.steps) - 1


def test_subproject_keeps_its_own_status_over_the_projects(alice, project, method):
    catalogue = get_catalogue()
    subproject = add_subproject(alice, project, name="Laagbouw")
    set_status(alice, project, "rol-vve", StepStatus.NOT_APPLICABLE, reason="Geen VvE's.")
    set_status(alice, project, "rol-vve", StepStatus.STARTED, subproject=subproject)
    set_status(alice, project, SEED, StepStatus.FINISHED)

    progress = progress_by_key(project, subproject)

    assert progress["rol-vve"].status == StepStatus.STARTED
    assert SEED not in progress  # only "not applicable" carries over from the whole project
    assert compass_for(catalogue, progress).overall.applicable == len(catalogue.steps)


def step_page(client, project, key, subproject=None):
    url = reverse("projects:step", args=[project.public_id, key])
    if subproject is not None:
        url += f"?deelproject={subproject.public_id}"
    return client.get(url).content.decode()


def test_subproject_step_page_shows_the_inherited_not_applicable(client, alice, project, method):
    subproject = add_subproject(alice, project, name="Hoogbouw")
    set_status(alice, project, "rol-vve", StepStatus.NOT_APPLICABLE, reason="Geen <VvE's>.")
    client.force_login(alice)

    html = step_page(client, project, "rol-vve", subproject)

    assert "Status: <strong>niet van toepassing</strong>" in html
    assert "(overgenomen van het hele project)" in html
    # The whole project's reason, escaped, worded as the project's, not the sub-project's.
    assert (
        "Het hele project vond deze stap niet van toepassing, omdat: Geen &lt;VvE&#x27;s&gt;."
        in html
    )
    assert "tot het een eigen status vastlegt" in html


def test_subproject_step_page_with_its_own_status_inherits_nothing(client, alice, project, method):
    subproject = add_subproject(alice, project, name="Laagbouw")
    set_status(alice, project, "rol-vve", StepStatus.NOT_APPLICABLE, reason="Geen VvE's.")
    set_status(alice, project, "rol-vve", StepStatus.STARTED, subproject=subproject)
    set_status(alice, project, SEED, StepStatus.FINISHED)
    client.force_login(alice)

    own = step_page(client, project, "rol-vve", subproject)
    finished_elsewhere = step_page(client, project, SEED, subproject)
    whole = step_page(client, project, "rol-vve")

    assert "Status: <strong>gestart</strong>" in own
    assert "overgenomen" not in own
    # Only "not applicable" carries over: the project's "afgerond" is not the sub-project's.
    assert "Status: <strong>niet gestart</strong>" in finished_elsewhere
    assert "overgenomen" not in finished_elsewhere
    # The whole project's own page shows its own status and reason, not as inherited.
    assert "Status: <strong>niet van toepassing</strong>" in whole
    assert "overgenomen" not in whole


def test_subproject_step_page_refuses_a_stranger(client, alice, project, method):
    subproject = add_subproject(alice, project, name="Hoogbouw")
    set_status(alice, project, "rol-vve", StepStatus.NOT_APPLICABLE, reason="Geen VvE's.")
    client.force_login(UserFactory(email="vreemde@example.org"))

    url = reverse("projects:step", args=[project.public_id, "rol-vve"])
    assert client.get(url + f"?deelproject={subproject.public_id}").status_code == 404


# --- The page ---------------------------------------------------------------------------


def test_compass_page_links_to_every_step_of_the_method(client, alice, method):
    project = create_project(alice, name="Alle stappen", municipality="A")
    client.force_login(alice)

    html = client.get(reverse("projects:compass", args=[project.public_id])).content.decode()

    assert step_links(html, project) == set(get_catalogue().steps)


def test_compass_page_shows_each_status_in_words(client, alice, project, method):
    set_status(alice, project, SEED, StepStatus.PAUSED)
    client.force_login(alice)

    html = client.get(reverse("projects:compass", args=[project.public_id])).content.decode()

    assert 'class="state state--gepauzeerd"' in html
    assert f'<span class="state__label">{StepStatus.PAUSED.label}</span>' in html
    assert f"{get_catalogue().steps[SEED].title}: {StepStatus.PAUSED.label}</span>" in html


def test_compass_links_keep_the_chosen_subproject(client, alice, project, method):
    subproject = add_subproject(alice, project, name="Noord")
    client.force_login(alice)
    url = reverse("projects:compass", args=[project.public_id])

    html = client.get(url, {"deelproject": subproject.public_id}).content.decode()

    step = reverse("projects:step", args=[project.public_id, SEED])
    assert f'href="{step}?deelproject={subproject.public_id}"' in html
    assert f'href="{step}"' not in html


def test_compass_of_another_project_is_not_found(client, outsider, project, method):
    client.force_login(outsider)

    response = client.get(reverse("projects:compass", args=[project.public_id]))

    assert response.status_code == 404
