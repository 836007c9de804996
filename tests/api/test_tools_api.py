"""RACI, linking opportunities and housing cost through the API: read for every member,
writes for the team through the web's services (their rules and Dutch messages as JSON,
version checks as 409), 404 for outsiders and staff, nothing written when refused."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.tools.housingcost_rows import define, household
from wijkkoers.api.tokens import create_api_token
from wijkkoers.audit.models import AuditEvent
from wijkkoers.housingcost.models import Calculation, DefinitionVersion
from wijkkoers.housingcost.services import save_calculation
from wijkkoers.opportunities.models import Opportunity
from wijkkoers.opportunities.services import OpportunityData, add_opportunity
from wijkkoers.projects.services import add_party, close_project, create_project
from wijkkoers.raci.models import RaciCell, RaciRow, TeamRole
from wijkkoers.raci.services import RoleData, RowData, add_role, add_row


@pytest.fixture
def staff_token(staff_user):
    return create_api_token(staff_user, name="Staf")[1]


@pytest.fixture
def roles(alice, project):
    owner = project.memberships.get(user=alice)
    return [
        add_role(alice, project, RoleData(name="Procesregisseur", member=owner)),
        add_role(alice, project, RoleData(name="Wethouder")),
        add_role(alice, project, RoleData(name="Communicatie")),
    ]


@pytest.fixture
def row(alice, project, roles):
    letters = {roles[0]: "R", roles[1]: "A", roles[2]: "I"}
    return add_row(alice, project, RowData(activity="Bewonersavond", letters=letters))


@pytest.fixture
def opportunity(alice, project):
    return add_opportunity(
        alice,
        project,
        OpportunityData(
            title="Rioolvervanging Kerkstraat",
            kind="fysiek",
            window_start=date(2027, 1, 1),
            window_start_precision="jaar",
            window_end=date(2028, 1, 1),
            window_end_precision="jaar",
        ),
    )


@pytest.fixture
def calculation(alice, project):
    define(alice, project)
    return save_calculation(alice, household(alice, project), note="Eerste schatting")


def _base(project):
    return f"/projects/{project.public_id}"


def _letters(roles, *letters):
    return [
        {"role": role.public_id, "letter": letter}
        for role, letter in zip(roles, letters, strict=False)
    ]


# --- RACI -----------------------------------------------------------------------------------


def test_member_reads_roles_and_rows(call, project, tokens, roles, row):
    listed = call("get", f"{_base(project)}/roles", token=tokens["meelezer"])
    rows = call("get", f"{_base(project)}/raci", token=tokens["meelezer"])

    assert listed.status_code == 200
    assert [r["name"] for r in listed.json()["items"]] == [r.name for r in roles]
    assert listed.json()["items"][0]["member"]["name"]
    assert rows.status_code == 200
    item = rows.json()["items"][0]
    assert (item["label"], item["complete"], item["problem"]) == ("Bewonersavond", True, "")
    assert [c["letter"] for c in item["letters"]] == ["R", "A", "I"]
    assert item["letters"][1]["letter_label"].startswith("A:")


def test_teamlid_adds_and_changes_a_row(call, project, tokens, roles):
    added = call(
        "post",
        f"{_base(project)}/raci",
        token=tokens["teamlid"],
        json={"step_key": "helderheid-over-ambities", "letters": _letters(roles, "A", "R", "")},
    )
    row_id = added.json()["id"]
    changed = call(
        "put",
        f"{_base(project)}/raci/{row_id}",
        token=tokens["teamlid"],
        json={
            "activity": "Ambities ophalen",
            "letters": _letters(roles, "A", "R", "C"),
            "version": 0,
        },
    )
    stale = call(
        "put",
        f"{_base(project)}/raci/{row_id}",
        token=tokens["leader"],
        json={"activity": "Anders", "letters": _letters(roles, "A", "R"), "version": 0},
    )

    assert added.status_code == 201
    assert added.json()["step_label"]
    assert changed.status_code == 200
    assert (changed.json()["activity"], changed.json()["version"]) == ("Ambities ophalen", 1)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 1
    assert AuditEvent.objects.filter(action__startswith="raci.row_").count() == 2


def test_teamlid_adds_and_changes_a_role(call, project, tokens, roles, alice):
    party = add_party(alice, project, name="Woonbron", party_type="gemeente")
    base = f"{_base(project)}/roles"
    added = call(
        "post",
        base,
        token=tokens["teamlid"],
        json={"name": "Bewonersraad", "party": party.public_id},
    )
    path = f"{base}/{added.json()['id']}"
    changed = call(
        "put",
        path,
        token=tokens["teamlid"],
        json={"name": "Bewonerscommissie", "party": party.public_id, "version": 0},
    )
    stale = call("put", path, token=tokens["leader"], json={"name": "Anders", "version": 0})
    taken = call("post", base, token=tokens["teamlid"], json={"name": "wethouder"})
    stranger = call("post", base, token=tokens["teamlid"], json={"name": "X", "member": "onbekend"})

    assert added.status_code == 201
    assert added.json()["party"]["name"] == "Woonbron"
    assert changed.status_code == 200
    assert (changed.json()["name"], changed.json()["version"]) == ("Bewonerscommissie", 1)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 1
    assert taken.status_code == 400
    assert taken.json()["errors"][0]["field"] == "name"
    assert stranger.status_code == 400
    assert stranger.json()["errors"][0]["field"] == "member"
    assert AuditEvent.objects.filter(action="raci.role_added").count() == 4


@pytest.mark.parametrize(
    ("letters", "code", "words"),
    [
        (("R", "R", "I"), "raci_no_accountable", "Geen enkele rol heeft A"),
        (("A", "A", "R"), "raci_two_accountable", "Twee rollen hebben A"),
        (("A", "C", "I"), "raci_no_responsible", "Geen enkele rol heeft R"),
    ],
)
def test_row_rules_come_back_in_dutch(call, project, tokens, roles, letters, code, words):
    response = call(
        "post",
        f"{_base(project)}/raci",
        token=tokens["teamlid"],
        json={"activity": "Subsidie aanvragen", "letters": _letters(roles, *letters)},
    )

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["detail"].startswith(words)
    assert response.json()["errors"][0]["field"] == "letters"
    assert not RaciRow.objects.exists()


def test_row_with_a_role_of_another_project_or_a_bad_letter(call, project, tokens, roles, alice):
    other = create_project(alice, name="Andere wijk", municipality="Elders")
    stranger = add_role(alice, other, RoleData(name="Geheim"))
    foreign = call(
        "post",
        f"{_base(project)}/raci",
        token=tokens["teamlid"],
        json={
            "activity": "X",
            "letters": [*_letters(roles, "A", "R"), {"role": stranger.public_id, "letter": "C"}],
        },
    )
    bad_letter = call(
        "post",
        f"{_base(project)}/raci",
        token=tokens["teamlid"],
        json={"activity": "X", "letters": _letters(roles, "A", "Q")},
    )

    assert foreign.status_code == 400
    assert foreign.json()["code"] == "raci_role_not_in_project"
    assert bad_letter.status_code == 422
    assert not RaciRow.objects.exists()


def test_raci_rows_queries_stay_flat(call, project, tokens, alice, roles, row):
    path = f"{_base(project)}/raci"
    call("get", path, token=tokens["teamlid"])
    with CaptureQueriesContext(connection) as one:
        call("get", path, token=tokens["teamlid"])
    for n in range(5):
        add_row(
            alice, project, RowData(activity=f"Taak {n}", letters={roles[0]: "A", roles[1]: "R"})
        )
    with CaptureQueriesContext(connection) as six:
        response = call("get", path, token=tokens["teamlid"])

    assert response.json()["count"] == 6
    assert len(six) == len(one) <= 8


# --- Linking opportunities --------------------------------------------------------------------


def test_member_reads_opportunities(call, project, tokens, opportunity):
    listed = call("get", f"{_base(project)}/opportunities?kind=fysiek", token=tokens["meelezer"])
    none = call("get", f"{_base(project)}/opportunities?status=benut", token=tokens["meelezer"])
    detail = call(
        "get", f"{_base(project)}/opportunities/{opportunity.public_id}", token=tokens["meelezer"]
    )

    assert listed.json()["count"] == 1
    assert none.json()["count"] == 0
    body = detail.json()
    assert (body["window_text"], body["window_end"]) == ("2027 – 2028", "2028-12-31")
    assert (body["kind_label"], body["status_label"]) == ("fysiek", "idee")


def test_teamlid_adds_and_changes_an_opportunity(call, project, tokens, alice):
    owner = project.memberships.get(user=alice).public_id
    body = {
        "title": "Buurtfonds",
        "kind": "sociaal",
        "owner_member": owner,
        "window_start": "2027-03-01",
        "window_start_precision": "maand",
    }
    added = call("post", f"{_base(project)}/opportunities", token=tokens["teamlid"], json=body)
    path = f"{_base(project)}/opportunities/{added.json()['id']}"
    changed = call(
        "put", path, token=tokens["teamlid"], json={**body, "status": "verkend", "version": 0}
    )
    stale = call("put", path, token=tokens["leader"], json={**body, "version": 0})

    assert added.status_code == 201
    assert added.json()["owner_member"]["id"] == owner
    assert changed.status_code == 200
    assert (changed.json()["status"], changed.json()["version"]) == ("verkend", 1)
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 1
    assert Opportunity.objects.get().status == "verkend"


def test_opportunity_rules_and_bad_input(call, project, tokens, alice):
    base = {"title": "Riool", "kind": "fysiek"}
    path = f"{_base(project)}/opportunities"
    backwards = call(
        "post",
        path,
        token=tokens["teamlid"],
        json={**base, "window_start": "2028-01-01", "window_end": "2027-01-01"},
    )
    two_owners = call(
        "post",
        path,
        token=tokens["teamlid"],
        json={**base, "owner_member": "onbekend", "owner_party": None},
    )
    bad_kind = call("post", path, token=tokens["teamlid"], json={**base, "kind": "groen"})
    blank = call("post", path, token=tokens["teamlid"], json={**base, "title": "  "})

    assert backwards.status_code == 400
    assert backwards.json()["errors"][0]["field"] == "window_end"
    assert two_owners.status_code == 400
    assert two_owners.json()["errors"][0]["field"] == "owner_member"
    unknown_step = call("post", path, token=tokens["teamlid"], json={**base, "step_keys": ["x"]})
    assert unknown_step.json()["errors"][0]["field"] == "step_keys"
    assert bad_kind.status_code == 422
    assert blank.status_code == 400
    assert not Opportunity.objects.exists()


# --- Housing cost -----------------------------------------------------------------------------


def test_member_reads_definition_households_and_calculations(call, project, tokens, calculation):
    base = f"{_base(project)}/housing-cost"
    current = call("get", f"{base}/definition", token=tokens["meelezer"])
    versions = call("get", f"{base}/definitions", token=tokens["meelezer"])
    households = call("get", f"{base}/households", token=tokens["meelezer"])
    listed = call("get", f"{base}/calculations", token=tokens["meelezer"])
    detail = call("get", f"{base}/calculations/{calculation.public_id}", token=tokens["meelezer"])

    definition = current.json()["definition"]
    assert (definition["version"], definition["gas_price"]) == (1, "1.4500")
    assert [c["value"] for c in definition["components"]] == ["energie", "financiering", "huur"]
    assert versions.json()["count"] == 1
    assert households.json()["items"][0]["latest_definition"] == 1
    assert listed.json()["items"][0]["note"] == "Eerste schatting"
    body = detail.json()
    assert body["definition_version"] == 1
    assert body["verdict"]
    assert {line["label"] for line in body["lines"]} >= {"Gas", "Elektriciteit"}
    assert all(line["how_before"] for line in body["lines"])


def test_no_definition_yet_reads_null(call, project, tokens):
    response = call("get", f"{_base(project)}/housing-cost/definition", token=tokens["teamlid"])

    assert response.status_code == 200
    assert response.json() == {"definition": None}


DEFINITION = {
    "components": ["energie", "huur"],
    "reference": "Cv-ketel op aardgas.",
    "gas_price": "1.45",
    "electricity_price": "0.40",
    "heat_fixed_monthly": 35,
    "heat_price_per_gj": "48.00",
    "prices_on": "2026-11-01",
    "segments": ["corporatiehuurder"],
    "version": 0,
}


def test_teamlid_records_definition_versions(call, project, tokens):
    path = f"{_base(project)}/housing-cost/definitions"
    first = call("post", path, token=tokens["teamlid"], json=DEFINITION)
    no_reason = call("post", path, token=tokens["teamlid"], json={**DEFINITION, "version": 1})
    second = call(
        "post",
        path,
        token=tokens["teamlid"],
        json={**DEFINITION, "gas_price": "1.60", "version": 1, "change_reason": "Nieuw tarief"},
    )
    stale = call(
        "post", path, token=tokens["leader"], json={**DEFINITION, "change_reason": "Ik ook"}
    )
    current = call("get", f"{_base(project)}/housing-cost/definition", token=tokens["meelezer"])

    assert first.status_code == 201
    assert first.json()["version"] == 1
    assert no_reason.status_code == 400
    assert no_reason.json()["errors"][0]["field"] == "change_reason"
    assert second.status_code == 201
    assert stale.status_code == 409
    assert stale.json()["current_version"] == 2
    assert (current.json()["definition"]["version"], current.json()["definition"]["gas_price"]) == (
        2,
        "1.6000",
    )
    assert AuditEvent.objects.filter(action="housingcost.definition_saved").count() == 2


def test_definition_rules_and_bad_input(call, project, tokens):
    path = f"{_base(project)}/housing-cost/definitions"
    too_dear = call("post", path, token=tokens["teamlid"], json={**DEFINITION, "gas_price": "50"})
    period = call(
        "post", path, token=tokens["teamlid"], json={**DEFINITION, "comparison": "periode"}
    )
    unknown = call("post", path, token=tokens["teamlid"], json={**DEFINITION, "components": ["x"]})
    empty = call("post", path, token=tokens["teamlid"], json={**DEFINITION, "segments": []})

    assert too_dear.status_code == 400
    assert too_dear.json()["errors"][0]["field"] == "gas_price"
    assert period.status_code == 400
    assert period.json()["errors"][0]["field"] == "period_years"
    assert unknown.status_code == 422
    assert empty.status_code == 400
    assert empty.json()["errors"][0]["field"] == "segments"


def test_teamlid_saves_a_calculation(call, project, tokens, alice):
    home = household(alice, project)
    path = f"{_base(project)}/housing-cost/households/{home.public_id}/calculations"
    without_definition = call("post", path, token=tokens["teamlid"], json={})
    define(alice, project)
    saved = call("post", path, token=tokens["teamlid"], json={"note": "Na de bewonersavond"})

    assert without_definition.status_code == 400
    assert without_definition.json()["code"] == "housingcost_definition_required"
    assert without_definition.json()["errors"] == []
    assert saved.status_code == 201
    assert (saved.json()["note"], saved.json()["definition_version"]) == ("Na de bewonersavond", 1)
    assert saved.json()["lines"]


# --- Everyone else ------------------------------------------------------------------------------


def _reads(project, row, opportunity, calculation):
    base = _base(project)
    return [
        f"{base}/roles",
        f"{base}/raci",
        f"{base}/opportunities",
        f"{base}/opportunities/{opportunity.public_id}",
        f"{base}/housing-cost/definition",
        f"{base}/housing-cost/definitions",
        f"{base}/housing-cost/households",
        f"{base}/housing-cost/calculations",
        f"{base}/housing-cost/calculations/{calculation.public_id}",
    ]


def _writes(project, roles, row, opportunity, calculation):
    base = _base(project)
    raci = {"activity": "Taak", "letters": _letters(roles, "A", "R")}
    kans = {"title": "Kans", "kind": "sociaal"}
    home = calculation.archetype.public_id
    return [
        ("post", f"{base}/roles", {"name": "Nieuwe rol"}),
        ("put", f"{base}/roles/{roles[0].public_id}", {"name": "Hernoemd", "version": 0}),
        ("post", f"{base}/raci", raci),
        ("put", f"{base}/raci/{row.public_id}", {**raci, "version": 0}),
        ("post", f"{base}/opportunities", kans),
        ("put", f"{base}/opportunities/{opportunity.public_id}", {**kans, "version": 0}),
        ("post", f"{base}/housing-cost/definitions", {**DEFINITION, "version": 1}),
        ("post", f"{base}/housing-cost/households/{home}/calculations", {}),
    ]


def _state():
    return (
        list(TeamRole.objects.values_list("name", "version")),
        RaciRow.objects.count(),
        RaciCell.objects.count(),
        list(Opportunity.objects.values_list("title", "version")),
        DefinitionVersion.objects.count(),
        Calculation.objects.count(),
    )


@pytest.mark.parametrize("who", ["outsider", "staff"])
def test_outsider_and_staff_get_404_everywhere(
    call, project, tokens, staff_token, roles, row, opportunity, calculation, who
):
    token = staff_token if who == "staff" else tokens[who]
    before = _state()
    for path in _reads(project, row, opportunity, calculation):
        response = call("get", path, token=token)
        assert response.status_code == 404, path
        assert response.json()["code"] == "not_found"
    for verb, path, body in _writes(project, roles, row, opportunity, calculation):
        assert call(verb, path, token=token, json=body).status_code == 404, path
    assert _state() == before


def test_meelezer_reads_but_cannot_write(
    call, project, tokens, roles, row, opportunity, calculation
):
    before = _state()
    for path in _reads(project, row, opportunity, calculation):
        assert call("get", path, token=tokens["meelezer"]).status_code == 200, path
    for verb, path, body in _writes(project, roles, row, opportunity, calculation):
        assert call(verb, path, token=tokens["meelezer"], json=body).status_code == 403, path
    assert _state() == before


def test_closed_project_is_read_only(
    call, project, tokens, alice, roles, row, opportunity, calculation
):
    close_project(alice, project, reason="Klaar")
    before = _state()
    for path in _reads(project, row, opportunity, calculation):
        assert call("get", path, token=tokens["teamlid"]).status_code == 200, path
    for verb, path, body in _writes(project, roles, row, opportunity, calculation):
        response = call(verb, path, token=tokens["teamlid"], json=body)
        assert response.status_code == 409, path
        assert response.json()["code"] == "project_closed"
    assert _state() == before


def test_another_projects_objects_are_404(call, project, tokens, alice):
    other = create_project(alice, name="Andere wijk", municipality="Elders")
    hidden = add_opportunity(alice, other, OpportunityData(title="Geheim", kind="sociaal"))
    define(alice, other)
    secret = save_calculation(alice, household(alice, other))
    base = _base(project)

    for path in (
        f"{base}/opportunities/{hidden.public_id}",
        f"{base}/housing-cost/calculations/{secret.public_id}",
    ):
        assert call("get", path, token=tokens["teamlid"]).status_code == 404, path
    response = call(
        "put",
        f"{base}/opportunities/{hidden.public_id}",
        token=tokens["teamlid"],
        json={"title": "Mijn", "kind": "sociaal", "version": 0},
    )
    assert response.status_code == 404
    assert Opportunity.objects.get(pk=hidden.pk).title == "Geheim"


def _grow(alice, project, n):
    """n more of everything the lists show."""
    owner = project.memberships.get(user=alice)
    for i in range(n):
        add_role(alice, project, RoleData(name=f"Rol {n}-{i}", member=owner))
        add_opportunity(
            alice,
            project,
            OpportunityData(title=f"Kans {n}-{i}", kind="sociaal", owner_member=owner),
        )
        home = household(alice, project, name=f"Huis {n}-{i}")
        save_calculation(alice, home)
        number = DefinitionVersion.objects.filter(project=project).count()
        define(alice, project, based_on=number, change_reason=f"Versie {number + 1}")


@pytest.mark.parametrize(
    "path",
    [
        "roles",
        "opportunities",
        "housing-cost/definitions",
        "housing-cost/households",
        "housing-cost/calculations",
    ],
)
def test_lists_stay_flat_as_data_grows(call, project, tokens, alice, path):
    define(alice, project)
    _grow(alice, project, 1)
    url = f"{_base(project)}/{path}"
    call("get", url, token=tokens["teamlid"])
    with CaptureQueriesContext(connection) as one:
        first = call("get", url, token=tokens["teamlid"])
    _grow(alice, project, 4)
    with CaptureQueriesContext(connection) as five:
        response = call("get", url, token=tokens["teamlid"])

    assert response.json()["count"] > first.json()["count"]
    assert len(five) == len(one) <= 8
