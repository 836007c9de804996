"""The export pages: who may download what, what the files hold, and importing by upload."""

import csv
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.exports.conftest import add_stakeholders
from tests.logbook.report_rows import agreement, decision
from tests.pages import STEP
from wijkkoers.audit.models import AuditEvent
from wijkkoers.exports.services import export_project
from wijkkoers.exports.spreadsheet import csv_text
from wijkkoers.goals.models import Indicator, Measurement
from wijkkoers.opportunities.models import Opportunity
from wijkkoers.projects.models import Party, Project
from wijkkoers.projects.services import close_project
from wijkkoers.raci.models import RaciCell, RaciRow, TeamRole


def url(project, path=""):
    return f"/projecten/{project.public_id}/export/{path}"


def test_export_page_anonymous_redirected_to_login(client, project):
    response = client.get(url(project))

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


@pytest.mark.parametrize("path", ["", "tabel/besluiten.csv", "tabellen.xlsx"])
def test_export_downloads_outsider_gets_404(outsider_client, project, method, path):
    assert outsider_client.get(url(project, path)).status_code == 404


def test_full_export_outsider_gets_404(outsider_client, project):
    assert outsider_client.post(url(project, "volledig/")).status_code == 404


def test_spreadsheets_reader_may_download(client, full_project, mila):
    client.force_login(mila)

    page = client.get(url(full_project))
    sheet = client.get(url(full_project, "tabel/besluiten.xlsx"))

    assert page.status_code == 200
    assert sheet.status_code == 200
    assert "Volledige export downloaden" not in page.text
    assert 'action="/projecten/' not in page.text


@pytest.mark.parametrize("user", ["bob", "mila"])
def test_full_export_refused_below_project_leader(client, full_project, request, user):
    client.force_login(request.getfixturevalue(user))
    before = AuditEvent.objects.count()

    response = client.post(url(full_project, "volledig/"))

    assert response.status_code == 404
    assert AuditEvent.objects.count() == before


def test_full_export_leader_downloads_zip_and_is_audited(client, full_project, alice):
    client.force_login(alice)

    response = client.post(url(full_project, "volledig/"))

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert json.loads(archive.read("project.json"))["schema"] == "wijkkoers-project/1"
    assert any(name.startswith("files/") for name in archive.namelist())
    assert AuditEvent.objects.filter(project=full_project, action="project.exported").exists()


def test_full_export_get_not_allowed(client, full_project, alice):
    client.force_login(alice)

    assert client.get(url(full_project, "volledig/")).status_code == 405


def test_spreadsheets_of_closed_project_still_download(client, full_project, alice):
    close_project(alice, full_project, reason="Klaar")
    client.force_login(alice)

    assert client.get(url(full_project, "tabel/voortgang.csv")).status_code == 200
    assert client.post(url(full_project, "volledig/")).status_code == 200


def test_sheet_unknown_key_or_extension_404(client, full_project, alice):
    client.force_login(alice)

    assert client.get(url(full_project, "tabel/geheim.csv")).status_code == 404
    assert client.get(url(full_project, "tabel/besluiten.pdf")).status_code == 404


def test_csv_has_bom_semicolons_dutch_columns_and_labels(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabel/besluiten.csv"))

    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Besluit", "Status", "Datum besluit"]
    statuses = {row[1] for row in rows[1:]}
    assert "genomen" in statuses or "Genomen" in statuses or statuses <= {"genomen"}
    assert all(row[2] == "" or date.fromisoformat(row[2]) for row in rows[1:])


def test_csv_neutralises_formulas(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabel/belanghebbenden.csv"))

    text = response.content.decode("utf-8-sig")
    assert "'=SOM(A1:A3) betaalbare woonlasten" in text
    assert ";=SOM" not in text


def test_xlsx_opens_holds_rows_and_no_formulas(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabellen.xlsx"))

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:4] == ["Voortgang", "Besluiten", "Afspraken", "Belanghebbenden"]
    stakeholders = workbook["Belanghebbenden"]
    assert stakeholders.max_row == 3  # header and two stakeholders
    cells = [cell for row in stakeholders.iter_rows(min_row=2) for cell in row]
    interests = [cell for cell in cells if str(cell.value).startswith("=SOM")]
    assert interests
    assert all(cell.data_type == "s" for cell in interests)
    decisions = workbook["Besluiten"]
    assert decisions.max_row >= 2
    assert decisions["A1"].value == "Besluit"
    assert workbook["Voortgang"].max_row > 90  # a row per step of the method


def test_xlsx_dates_are_dates(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabel/besluiten.xlsx"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    decided = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True) if row[2]]
    assert decided
    assert all(value.year >= 2026 for value in decided)


def test_xlsx_holds_indicators_and_measurements(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabellen.xlsx"))

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Voortgang", "Besluiten", "Afspraken", "Belanghebbenden", "Indicatoren", "Metingen",
        "Rollen (RACI)", "Koppelkansen",
    ]  # fmt: skip
    indicators = list(workbook["Indicatoren"].iter_rows(values_only=True))
    assert indicators[0][:3] == ("Indicator", "Eenheid", "Nulmeting")
    by_name = {row[0]: row for row in indicators[1:]}
    gas = by_name["Woningen van het aardgas af"]
    assert gas[1] == "woningen"
    assert gas[4] == 420  # target, a number
    assert gas[6] == 61  # the newest counting value: the correction, not the 66 it replaced
    assert gas[8] in {"Op koers", "Risico", "Uit koers"} or gas[8]
    assert gas[9] == "Bob Teamlid"
    assert by_name["Huurwoningen geïsoleerd tot de standaard"][9] == "Woonstad"
    measurements = list(workbook["Metingen"].iter_rows(values_only=True))
    assert measurements[0][:4] == ("Indicator", "Eenheid", "Datum van de meting", "Waarde")
    assert len(measurements) == 1 + 6  # four, one correction, one of the other indicator
    assert all(isinstance(row[2], datetime) for row in measurements[1:])  # a real date
    counts = [row[4] for row in measurements[1:]]
    assert counts.count("Nee") == 1
    assert sum(1 for row in measurements[1:] if row[5]) == 1
    raci = list(workbook["Rollen (RACI)"].iter_rows(values_only=True))
    assert raci[0][2:] == (
        "Eindverantwoordelijk (A)", "Uitvoerend (R)", "Geraadpleegd (C)", "Geïnformeerd (I)"
    )  # fmt: skip
    assert len(raci) == 1 + 3
    assert all(row[2] == "Procesregisseur gemeente" for row in raci[1:])
    assert {row[3] for row in raci[1:]} >= {
        "Communicatieadviseur, Contactpersoon energiecoöperatie"
    }
    opportunities = list(workbook["Koppelkansen"].iter_rows(values_only=True))
    assert len(opportunities) == 1 + 4
    assert {row[1] for row in opportunities[1:]} == {"sociaal", "fysiek"}


def test_csv_measurements_iso_dates_and_decimal_comma(client, full_project, alice):
    client.force_login(alice)

    response = client.get(url(full_project, "tabel/metingen.csv"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Indicator", "Eenheid", "Datum van de meting", "Waarde"]
    assert all(date.fromisoformat(row[2]) for row in rows[1:])
    assert {row[3] for row in rows[1:]} >= {"8", "21", "52", "66", "61"}


def test_measurement_value_with_decimals_reads_in_dutch_excel():
    assert csv_text(Decimal("12.500")) == "12,5"
    assert csv_text(Decimal("420.000")) == "420"
    assert csv_text(Decimal("-0.250")) == "-0,25"


def _fill(project, user, count):
    parties = [
        Party.objects.create(project=project, name=f"Partij {n}", party_type="gemeente")
        for n in range(count)
    ]
    add_stakeholders(project, parties, user)
    member = project.memberships.get(user=user)
    for n in range(count):
        indicator = Indicator.objects.create(
            project=project,
            name=f"Indicator {n}",
            unit="woningen",
            baseline_value=0,
            baseline_on=date(2026, 1, 1),
            target_value=100,
            deadline=date(2030, 1, 1),
            owner_member=member if n % 2 else None,
            owner_party=None if n % 2 else parties[n],
        )
        first = Measurement.objects.create(
            indicator=indicator, value=5, measured_on=date(2026, 6, 1)
        )
        Measurement.objects.create(
            indicator=indicator, value=6, measured_on=date(2026, 6, 1), corrects=first
        )
        Opportunity.objects.create(
            project=project,
            title=f"Kans {n}",
            kind="fysiek",
            owner_member=member if n % 2 else None,
            owner_party=None if n % 2 else parties[n],
            step_keys=[STEP],
        )
        role = TeamRole.objects.create(project=project, name=f"Rol {n}")
        row = RaciRow.objects.create(project=project, activity=f"Activiteit {n}", step_key=STEP)
        RaciCell.objects.create(row=row, role=role, letter="A")
        decision(project, f"Besluit {n}", date(2026, 11, 1), user=user, parties=parties[:2])
        agreement(project, f"Afspraak {n}", date(2026, 11, 1), user=user, owner_party=parties[0])


@pytest.mark.parametrize(
    "key",
    [
        "voortgang", "besluiten", "afspraken", "belanghebbenden", "indicatoren", "metingen",
        "raci", "koppelkansen",
    ],
)  # fmt: skip
def test_sheet_query_count_flat(client, method, alice, key):
    client.force_login(alice)
    counts = []
    for size in (5, 200):
        from wijkkoers.projects.services import create_project

        project = create_project(alice, name=f"Wijk {size}", municipality="Teststad")
        _fill(project, alice, size)
        client.get(url(project, f"tabel/{key}.csv"))  # warm the catalogue and session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url(project, f"tabel/{key}.xlsx"))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 8


# --- Import ---------------------------------------------------------------------------------


def _export(project) -> bytes:
    out = io.BytesIO()
    export_project(None, project, out)
    return out.getvalue()


def test_import_page_anonymous_redirected(client):
    response = client.get("/projecten/importeren/")

    assert response.status_code == 302


def test_import_upload_creates_project_and_opens_it(client, full_project, alice):
    data = _export(full_project)
    client.force_login(alice)

    response = client.post(
        "/projecten/importeren/", {"file": SimpleUploadedFile("export.zip", data)}
    )

    imported = Project.objects.exclude(pk=full_project.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"/projecten/{imported.public_id}/"


def test_import_upload_bad_file_lists_problems_and_saves_nothing(client, full_project, alice):
    client.force_login(alice)
    bad = json.dumps({"schema": "wijkkoers-project/1", "people": [], "sections": {
        "projects": {"project": {"id": "project-1", "name": "X"}, "progress": [
            {"step": "bestaat-niet"}
        ]}
    }}).encode()  # fmt: skip

    response = client.post("/projecten/importeren/", {"file": SimpleUploadedFile("x.json", bad)})

    assert response.status_code == 400
    assert "bestaat-niet" in response.text
    assert "Nothing was imported" in response.text or "Er is niets geïmporteerd" in response.text
    assert Project.objects.count() == 1


def test_import_upload_without_file_shows_field_error(client, alice, method):
    client.force_login(alice)

    response = client.post("/projecten/importeren/", {})

    assert response.status_code == 400
    assert 'class="field field--error"' in response.text


def test_import_by_member_not_leader_refused(client, full_project, bob):
    data = _export(full_project)
    client.force_login(bob)

    response = client.post(
        "/projecten/importeren/", {"file": SimpleUploadedFile("export.zip", data)}
    )

    assert response.status_code == 400
    assert Project.objects.count() == 1


def test_import_too_large_refused(client, alice, settings, method):
    settings.PROJECT_IMPORT_MAX_SIZE = 10
    client.force_login(alice)

    response = client.post(
        "/projecten/importeren/", {"file": SimpleUploadedFile("x.zip", b"PK\x03\x04" + b"0" * 20)}
    )

    assert response.status_code == 400
    assert Project.objects.count() == 0


# --- Open data ------------------------------------------------------------------------------


def test_open_data_page_public(client, method):
    response = client.get("/open-data/")

    assert response.status_code == 200
    assert "/licentie/" in response.text


def test_open_data_method_json_has_steps_and_sources(client, method):
    response = client.get("/open-data/methode.json")

    data = json.loads(response.content)
    assert data["schema"] == "wijkkoers-method/1"
    assert len(data["phases"]) == 6
    assert len(data["steps"]) >= 90
    assert any(step["sources"] for step in data["steps"])
    assert {"doel", "aanpak", "tips"} <= set(data["steps"][0])


def test_open_data_content_zip_holds_content_files(client, method):
    response = client.get("/open-data/methode-content.zip")

    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "content/fasen.yaml" in names
    assert any(name.startswith("content/knooppunten/") for name in names)


def test_export_page_query_count_fixed(client, full_project, alice, django_assert_max_num_queries):
    client.force_login(alice)
    client.get(url(full_project))

    with django_assert_max_num_queries(6):
        response = client.get(url(full_project))

    assert response.status_code == 200


def test_export_page_lists_people_without_an_account(client, full_project, alice):
    from wijkkoers.exports.models import Placeholder

    Placeholder.objects.create(project=full_project, name="Piet Zonder Account", role="teamlid")
    client.force_login(alice)

    response = client.get(url(full_project))

    assert "Piet Zonder Account" in response.text
