"""The housing-cost pages: who may read and write, bad input, the result, query counts."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.tools.housingcost_rows import define, household
from wijkkoers.housingcost.models import Archetype, Calculation, DefinitionVersion
from wijkkoers.housingcost.services import save_calculation
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db

DEFINITION_POST = {
    "components": ["energie", "financiering"],
    "reference": "De huidige situatie.",
    "gas_price": "1,45",
    "electricity_price": "0,40",
    "heat_fixed_monthly": "35",
    "heat_price_per_gj": "48",
    "prices_on": "2026-11-01",
    "comparison": "moment",
    "segments": ["eigenaar"],
    "subsidies_counted": "nee",
    "guarantee": "niemand",
    "based_on": "0",
}
ARCHETYPE_POST = {
    "name": "Koopwoning tussenwoning",
    "segment": "eigenaar",
    "gas_m3_before": "1.200",
    "gas_m3_after": "0",
    "electricity_kwh_before": "2.500",
    "electricity_kwh_after": "4.500",
    "heat_gj_before": "0",
    "heat_gj_after": "0",
    "financing_before": "500",
    "financing_after": "600,00",
}


def _base(project):
    return f"/projecten/{project.public_id}/instrumenten/woonlasten/"


def _pages(project):
    base = _base(project)
    pages = {
        "definition": base,
        "archetypes": f"{base}huishoudens/",
        "calculator": f"{base}berekenen/",
    }
    archetype = Archetype.objects.filter(project=project).first()
    calculation = Calculation.objects.filter(project=project).first()
    if archetype:
        pages["run"] = f"{base}berekenen/?huishouden={archetype.public_id}"
    if calculation:
        pages["saved"] = f"{base}berekeningen/{calculation.public_id}/"
    return pages


def _writes(project):
    base = _base(project)
    archetype = Archetype.objects.filter(project=project).first()
    writes = {f"{base}definitie/": DEFINITION_POST, f"{base}huishoudens/nieuw/": ARCHETYPE_POST}
    if archetype:
        writes[f"{base}huishoudens/{archetype.public_id}/"] = ARCHETYPE_POST
        writes[f"{base}berekenen/{archetype.public_id}/bewaren/"] = {"note": ""}
        writes[f"{base}huishoudens/{archetype.public_id}/verwijderen/"] = {}
    return writes


@pytest.fixture
def filled(project, alice):
    define(alice, project)
    archetype = household(alice, project)
    save_calculation(alice, archetype)
    return project


def _counts():
    return (
        DefinitionVersion.objects.count(),
        Archetype.objects.count(),
        Calculation.objects.count(),
    )


def test_housingcost_pages_anonymous_go_to_login(client, filled):
    for url in _pages(filled).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/account/login/" in response["Location"]


def test_housingcost_pages_outsider_and_staff_get_404(outsider_client, staff_client, filled):
    for url in _pages(filled).values():
        assert outsider_client.get(url).status_code == 404
        assert staff_client.get(url).status_code == 404
    for url, data in _writes(filled).items():
        assert outsider_client.post(url, data).status_code == 404
    assert _counts() == (1, 1, 1)


def test_housingcost_reader_reads_but_cannot_write(client, filled, mila):
    client.force_login(mila)
    for name, url in _pages(filled).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "Save this calculation" not in response.content.decode()
    for url, data in _writes(filled).items():
        assert client.post(url, data).status_code == 404, url
        assert client.get(url).status_code in (404, 405), url
    assert _counts() == (1, 1, 1)


def test_housingcost_closed_project_refuses_writes(client, filled, alice):
    close_project(alice, filled, reason="Klaar")
    client.force_login(alice)
    for url in _pages(filled).values():
        assert client.get(url).status_code == 200
    for url, data in _writes(filled).items():
        assert client.post(url, data).status_code == 404, url
    assert _counts() == (1, 1, 1)


def test_definition_form_saves_a_version(client, project, bob):
    client.force_login(bob)

    response = client.post(f"{_base(project)}definitie/", DEFINITION_POST)

    assert response.status_code == 302
    version = DefinitionVersion.objects.get(project=project)
    assert (version.number, version.gas_price, version.components) == (
        1,
        D("1.45"),
        ["energie", "financiering"],
    )
    page = client.get(_base(project)).content.decode()
    assert "€ 1,45" in page


def test_definition_form_bad_price_shows_at_the_field(client, project, bob):
    client.force_login(bob)

    response = client.post(f"{_base(project)}definitie/", {**DEFINITION_POST, "gas_price": "25"})

    assert response.status_code == 200
    assert response.context["form"].errors["gas_price"]
    assert "€ 10,00 per m³" in response.context["form"].errors["gas_price"][0]
    assert not DefinitionVersion.objects.exists()


def test_definition_form_conflict_keeps_input_and_shows_the_other(client, project, alice, bob):
    define(alice, project)
    define(alice, project, based_on=1, change_reason="Tarief")
    client.force_login(bob)

    response = client.post(
        f"{_base(project)}definitie/",
        {**DEFINITION_POST, "based_on": "1", "change_reason": "Mijn versie"},
    )

    assert response.status_code == 200
    assert response.context["conflict"].number == 2
    assert response.context["form"].data["change_reason"] == "Mijn versie"
    assert DefinitionVersion.objects.count() == 2


def test_archetype_form_parses_dutch_numbers(client, project, alice, bob):
    define(alice, project, components=["energie", "financiering"])
    client.force_login(bob)

    response = client.post(f"{_base(project)}huishoudens/nieuw/", ARCHETYPE_POST)

    assert response.status_code == 302
    archetype = Archetype.objects.get()
    assert (archetype.gas_m3_before, archetype.financing_after) == (D("1200"), D("600"))


def test_archetype_form_negative_use_shows_at_the_field(client, project, bob):
    client.force_login(bob)

    response = client.post(
        f"{_base(project)}huishoudens/nieuw/", {**ARCHETYPE_POST, "gas_m3_after": "-5"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["gas_m3_after"]
    assert not Archetype.objects.exists()


def test_archetype_form_missing_input_shows_at_each_field(client, project, alice, bob):
    define(alice, project)
    client.force_login(bob)
    data = {**ARCHETYPE_POST, "heat_gj_before": "", "heat_gj_after": ""}

    response = client.post(f"{_base(project)}huishoudens/nieuw/", data)

    errors = response.context["form"].errors
    assert set(errors) == {"heat_gj_before", "heat_gj_after"}
    assert not Archetype.objects.exists()


def test_calculator_shows_the_result_line_by_line_and_saves(client, project, alice, bob):
    define(alice, project)
    archetype = household(alice, project)
    client.force_login(bob)

    page = client.get(f"{_base(project)}berekenen/", {"huishouden": archetype.public_id})
    response = client.post(
        f"{_base(project)}berekenen/{archetype.public_id}/bewaren/", {"note": "Eerste"}
    )

    text = page.content.decode()
    assert "1.200 m³ × € 1,45 / 12" in text
    assert "€ 728,33" in text
    assert "€ 750,00" in text
    assert "+ € 21,67" in text
    assert response.status_code == 302
    saved = Calculation.objects.get()
    assert saved.note == "Eerste"
    assert saved.created_by == bob
    detail = client.get(response["Location"]).content.decode()
    assert "€ 728,33" in detail


def test_calculator_without_definition_says_so(client, project, alice, bob):
    archetype = household(alice, project)
    client.force_login(bob)

    page = client.get(f"{_base(project)}berekenen/", {"huishouden": archetype.public_id})
    response = client.post(f"{_base(project)}berekenen/{archetype.public_id}/bewaren/", {})

    assert page.context["error"]
    assert page.context["result"] is None
    assert response.status_code == 200
    assert response.context["error"]
    assert not Calculation.objects.exists()


def test_calculator_unknown_household_is_404(client, project, bob):
    client.force_login(bob)

    assert client.get(f"{_base(project)}berekenen/", {"huishouden": "x\x00"}).status_code == 404
    assert client.get(f"{_base(project)}berekenen/", {"huishouden": "a" * 12}).status_code == 404


def test_saved_calculation_names_an_older_definition_version(client, filled, alice):
    define(alice, filled, based_on=1, change_reason="Duurder gas", gas_price=D("2"))
    client.force_login(alice)

    response = client.get(_pages(filled)["saved"])

    assert response.context["calculation"].definition.number == 1
    assert response.context["current"].number == 2
    assert "€ 728,33" in response.content.decode()


def _fill(project, user, start, count):
    for index in range(start, start + count):
        archetype = household(user, project, name=f"Huishouden {index:03d}")
        save_calculation(user, archetype)


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_housingcost_queries_stay_flat_from_5_to_50_households(client, project, alice):
    define(alice, project)
    _fill(project, alice, 0, 5)
    client.force_login(alice)
    small = {name: _count(client, url) for name, url in _pages(project).items()}
    _fill(project, alice, 5, 45)

    large = {name: _count(client, url) for name, url in _pages(project).items()}

    assert large == small
    for name, count in large.items():
        assert count <= 12, name


def test_housingcost_tool_summary_is_three_queries(project, alice, django_assert_num_queries):
    from wijkkoers.tools.registry import get_tool

    define(alice, project)
    _fill(project, alice, 0, 6)
    tool = get_tool("housingcost")

    with django_assert_num_queries(3):
        summary = tool.summarise(project)

    assert not summary.empty
    assert len(summary.lines) == 2 + 5
