"""The roles tool's pages: who may read and write, bad input at the field, flat query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkoers.projects.services import close_project
from wijkkoers.raci.models import RaciRow, TeamRole
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row

pytestmark = pytest.mark.django_db
STEP = "verwachtingen-en-rollen"


@pytest.fixture
def roles(alice, project):
    return [
        add_role(alice, project, RoleData(name=name))
        for name in ["Procesregisseur gemeente", "Projectleider corporatie"]
    ]


@pytest.fixture
def row(alice, project, roles):
    return add_row(alice, project, RowData(activity="Plan", letters={roles[0]: "A", roles[1]: "R"}))


def _url(name, project, *args):
    return reverse(f"raci:{name}", args=[project.public_id, *args])


def read_urls(project):
    return [_url("index", project), _url("roles", project)]


def write_urls(project, roles, row):
    return [
        _url("row_create", project),
        _url("row_edit", project, row.public_id),
        _url("row_remove", project, row.public_id),
        _url("role_edit", project, roles[0].public_id),
        _url("role_remove", project, roles[0].public_id),
    ]


def test_raci_pages_send_anonymous_to_login(client, project, roles, row):
    for url in read_urls(project) + write_urls(project, roles, row):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/account/login/" in response["Location"]


def test_raci_pages_are_404_for_outsiders_and_staff(outsider_client, project, roles, row):
    for url in read_urls(project) + write_urls(project, roles, row):
        assert outsider_client.get(url).status_code == 404, url


def test_raci_pages_staff_gets_nothing_extra(staff_client, project, roles, row):
    for url in read_urls(project) + write_urls(project, roles, row):
        assert staff_client.get(url).status_code == 404, url


def test_raci_reader_reads_but_cannot_write(client, mila, project, roles, row, method):
    client.force_login(mila)
    for url in read_urls(project):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Rol toevoegen" not in response.content.decode()
    for url in write_urls(project, roles, row):
        assert client.get(url).status_code == 404, url
    response = client.post(_url("roles", project), {"name": "Stiekem", "version": 0})
    assert response.status_code == 404
    response = client.post(_url("role_remove", project, roles[0].public_id))
    assert response.status_code == 404
    assert TeamRole.objects.filter(project=project).count() == 2


def test_raci_closed_project_reads_but_refuses_writes(client, alice, project, roles, row, method):
    close_project(alice, project, reason="Klaar")
    client.force_login(alice)
    assert client.get(_url("index", project)).status_code == 200
    for url in write_urls(project, roles, row):
        assert client.get(url).status_code == 404, url
    response = client.post(_url("row_remove", project, row.public_id))
    assert response.status_code == 404
    assert RaciRow.objects.filter(project=project).exists()


def test_raci_matrix_shows_letters_legend_and_flags(client, bob, project, roles, row, method):
    client.force_login(bob)
    html = client.get(_url("index", project)).content.decode()
    assert "Wat de letters betekenen" in html
    assert "A: eindverantwoordelijk" in html
    assert '<span class="raci-letter">A</span>' in html
    assert 'role="region" tabindex="0" aria-labelledby="raci-caption"' in html


def test_raci_row_form_with_two_as_says_so_and_saves_nothing(client, bob, project, roles, method):
    client.force_login(bob)
    data = {
        "activity": "Communicatieplan",
        "step": STEP,
        "version": 0,
        f"rol_{roles[0].public_id}": "A",
        f"rol_{roles[1].public_id}": "A",
    }
    response = client.post(_url("row_create", project), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Twee rollen hebben A: Procesregisseur gemeente en Projectleider corporatie" in html
    assert 'value="Communicatieplan"' in html
    assert not RaciRow.objects.exists()


def test_raci_row_form_without_r_says_so(client, bob, project, roles, method):
    client.force_login(bob)
    data = {"activity": "Plan", "version": 0, f"rol_{roles[0].public_id}": "A"}
    response = client.post(_url("row_create", project), data)
    assert "Geen enkele rol heeft R" in response.content.decode()
    assert not RaciRow.objects.exists()


def test_raci_row_form_saves_a_valid_row(client, bob, project, roles, method):
    client.force_login(bob)
    data = {
        "activity": "",
        "step": STEP,
        "version": 0,
        f"rol_{roles[0].public_id}": "A",
        f"rol_{roles[1].public_id}": "R",
    }
    response = client.post(_url("row_create", project), data)
    assert response.status_code == 302
    saved = RaciRow.objects.get()
    assert saved.step_key == STEP
    assert dict(saved.cells.values_list("role__name", "letter")) == {
        "Procesregisseur gemeente": "A",
        "Projectleider corporatie": "R",
    }


def test_raci_row_edit_with_old_version_shows_the_conflict(
    client, alice, bob, project, roles, row, method
):
    client.force_login(bob)
    data = {
        "activity": "Plan B",
        "version": 0,
        f"rol_{roles[0].public_id}": "R",
        f"rol_{roles[1].public_id}": "A",
    }
    assert client.post(_url("row_edit", project, row.public_id), data).status_code == 302
    data["activity"] = "Plan C"
    response = client.post(_url("row_edit", project, row.public_id), data)
    assert response.status_code == 200
    assert "Iemand anders wijzigde deze rij" in response.content.decode()
    row.refresh_from_db()
    assert (row.activity, row.version) == ("Plan B", 1)


def test_raci_role_form_duplicate_name_shows_at_the_field(client, bob, project, roles):
    client.force_login(bob)
    response = client.post(_url("roles", project), {"name": "PROCESREGISSEUR gemeente"})
    assert "Dit project heeft al een rol met deze naam." in response.content.decode()
    assert TeamRole.objects.filter(project=project).count() == 2


def test_raci_role_remove_holding_a_warns_and_flags(client, bob, project, roles, row, method):
    client.force_login(bob)
    page = client.get(_url("role_remove", project, roles[0].public_id)).content.decode()
    assert "Plan" in page
    response = client.post(_url("role_remove", project, roles[0].public_id), follow=True)
    html = response.content.decode()
    assert "Deze rijen hebben nu geen geldige A en R" in html
    matrix_html = client.get(_url("index", project)).content.decode()
    assert "Geen A" in matrix_html


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _fill(alice, project, roles, count):
    for number in range(count):
        letters = {roles[0]: "A", roles[1]: "R", roles[2]: "C" if number % 2 else "I"}
        add_row(alice, project, RowData(activity=f"Activiteit {number}", letters=letters))


def test_raci_pages_queries_flat_with_5_and_200_rows(client, alice, project, method):
    roles = [add_role(alice, project, RoleData(name=f"Rol {n}")) for n in range(3)]
    client.force_login(alice)
    urls = [
        _url("index", project),
        _url("roles", project),
        reverse("tools:index", args=[project.public_id]),
    ]
    _fill(alice, project, roles, 5)
    small = [_count(client, url) for url in urls]
    _fill(alice, project, roles, 195)
    large = [_count(client, url) for url in urls]
    assert large == small
    assert large[0] <= 8
