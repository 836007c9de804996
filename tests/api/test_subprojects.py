"""Sub-projects and their own progress through the API (read only): every member reads them,
an outsider or staff gets 404, another project's sub-project is 404."""

import pytest

from wijkkoers.api.tokens import create_api_token
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    create_project,
    set_step_progress,
)

STEP = "helderheid-over-ambities"


@pytest.fixture
def subproject(alice, project):
    found = add_subproject(alice, project, name="Warmtenet Noord", description="Blok A en B")
    set_step_progress(
        alice, project, STEP, ProgressChange(status="gestart"), expected_version=0, subproject=found
    )
    return found


def _path(project, subproject=None):
    base = f"/projects/{project.public_id}/subprojects"
    return f"{base}/{subproject.public_id}/progress" if subproject else base


def test_member_reads_subprojects_and_their_progress(call, project, tokens, subproject, alice):
    from wijkkoers.method.catalogue import get_catalogue

    first_other = next(key for key in get_catalogue().steps if key != STEP)
    set_step_progress(
        alice,
        project,
        first_other,
        ProgressChange(status="nvt", reason="Niet in deze wijk"),
        expected_version=0,
    )
    listed = call("get", _path(project), token=tokens["meelezer"])
    own = call("get", f"{_path(project, subproject)}?step={STEP}", token=tokens["meelezer"])
    inherited = call(
        "get", f"{_path(project, subproject)}?step={first_other}", token=tokens["meelezer"]
    )
    whole = call(
        "get", f"/projects/{project.public_id}/progress?step={STEP}", token=tokens["meelezer"]
    )

    assert listed.json()["items"] == [
        {"id": subproject.public_id, "name": "Warmtenet Noord", "description": "Blok A en B"}
    ]
    assert own.json()["items"][0]["status"] == "gestart"
    assert own.json()["items"][0]["from_whole_project"] is False
    assert inherited.json()["items"][0]["status"] == "nvt"
    assert inherited.json()["items"][0]["from_whole_project"] is True
    assert whole.json()["items"][0]["status"] == "niet_gestart"


def test_subprojects_are_404_for_outsider_staff_and_other_projects(
    call, project, tokens, subproject, staff_user, alice
):
    staff = create_api_token(staff_user, name="Staf")[1]
    other = create_project(alice, name="Andere wijk", municipality="Elders")
    hidden = add_subproject(alice, other, name="Geheim")

    for token in (tokens["outsider"], staff):
        for path in (_path(project), _path(project, subproject)):
            response = call("get", path, token=token)
            assert response.status_code == 404, path
            assert response.json()["code"] == "not_found"
    wrong = f"/projects/{project.public_id}/subprojects/{hidden.public_id}/progress"
    assert call("get", wrong, token=tokens["teamlid"]).status_code == 404


def test_subproject_lists_stay_flat(call, project, tokens, subproject, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    paths = [_path(project), _path(project, subproject)]
    counts = []
    for more in (0, 4):
        for n in range(more):
            extra = add_subproject(alice, project, name=f"Deel {n}")
            set_step_progress(
                alice,
                project,
                STEP,
                ProgressChange(status="gestart"),
                expected_version=0,
                subproject=extra,
            )
        for path in paths:
            call("get", path, token=tokens["teamlid"])
            with CaptureQueriesContext(connection) as queries:
                call("get", path, token=tokens["teamlid"])
            counts.append(len(queries))

    assert counts[:2] == counts[2:]
    assert max(counts) <= 8
