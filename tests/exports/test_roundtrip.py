"""Full export and import: the round trip gives the same document; a refused import writes
nothing."""

import hashlib
import io
import json
import zipfile
from datetime import datetime

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.exports import document
from wijkkoers.exports.errors import ImportNotLeader, ImportRefused
from wijkkoers.exports.models import Placeholder
from wijkkoers.exports.services import export_project, import_project
from wijkkoers.goals.models import Indicator, Measurement
from wijkkoers.housingcost.models import Calculation
from wijkkoers.logbook.models import Document, Entry
from wijkkoers.opportunities.models import Opportunity
from wijkkoers.projects.models import Project
from wijkkoers.raci.models import RaciRow, TeamRole
from wijkkoers.stakeholders.models import Stakeholder


def zipped(project, actor=None) -> bytes:
    out = io.BytesIO()
    export_project(actor, project, out)
    return out.getvalue()


def project_json(data: bytes) -> dict:
    return json.loads(zipfile.ZipFile(io.BytesIO(data)).read("project.json"))


def rezipped(data: bytes, changed: dict) -> bytes:
    """The export `data` with its project.json replaced by `changed`; the files stay."""
    archive = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(archive, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, json.dumps(changed) if name == "project.json" else content)
    return archive.getvalue()


def test_roundtrip_export_import_export_identical(full_project, alice):
    first = zipped(full_project, alice)

    result = import_project(alice, first)
    second = zipped(result.project, alice)

    assert result.project.pk != full_project.pk
    assert project_json(second) == project_json(first)
    assert second == first  # the same bytes, files and all
    sections = project_json(first)["sections"]
    assert {entry["kind"] for entry in sections["logbook"]["entries"]} == {
        "besluit", "afspraak", "actie", "bijeenkomst", "document", "link"
    }  # fmt: skip
    assert len(sections["stakeholders"]["stakeholders"]) == 2
    assert sections["audit"]["events"]
    # Every working tool holds data, so the equality above covers it.
    goals = sections["goals"]
    assert [version["number"] for version in goals["goal"]["versions"]] == [1, 2]
    assert goals["goal"]["current"] == 2
    assert len(goals["indicators"]) == 2
    measurements = [row for item in goals["indicators"] for row in item["measurements"]]
    assert any(row["corrects"] for row in measurements)
    assert len(sections["raci"]["roles"]) == 4
    assert all(row["cells"] for row in sections["raci"]["rows"])
    assert len(sections["housingcost"]["definitions"]) == 2
    assert sections["housingcost"]["archetypes"]
    assert sections["housingcost"]["calculations"]
    assert len(sections["opportunities"]["opportunities"]) == 4


def test_roundtrip_tools_point_at_the_new_project(full_project, alice, bob):
    result = import_project(alice, zipped(full_project))

    project = result.project
    indicators = list(Indicator.objects.filter(project=project).order_by("pk"))
    assert indicators[0].owner_member == project.memberships.get(user=bob)
    assert indicators[1].owner_party.project == project
    correction = Measurement.objects.get(indicator__project=project, corrects__isnull=False)
    assert correction.corrects.indicator == correction.indicator
    assert project.goal.current.number == 2
    assert project.goal.current.definition_html
    for row in RaciRow.objects.filter(project=project):
        assert {cell.role.project_id for cell in row.cells.all()} == {project.pk}
    calculation = Calculation.objects.filter(project=project).first()
    assert calculation.definition.project == project
    assert calculation.archetype.project == project
    assert Opportunity.objects.filter(project=project).count() == 4
    old = set(Indicator.objects.filter(project=full_project).values_list("public_id", flat=True))
    assert not old & {indicator.public_id for indicator in indicators}


def test_roundtrip_keeps_document_files(full_project, alice):
    result = import_project(alice, zipped(full_project))

    original = Document.objects.get(entry__project=full_project)
    copy = Document.objects.get(entry__project=result.project)
    assert copy.file.name != original.file.name
    assert copy.file.read() == original.file.read()
    assert copy.sha256 == original.sha256


def test_import_remaps_ids_and_matches_people_by_email(full_project, alice, bob):
    result = import_project(alice, zipped(full_project))

    project = result.project
    assert project.public_id != full_project.public_id
    assert project.memberships.get(user=bob).role == "teamlid"
    old_ids = set(Entry.objects.filter(project=full_project).values_list("public_id", flat=True))
    new_ids = set(Entry.objects.filter(project=project).values_list("public_id", flat=True))
    assert not old_ids & new_ids
    event = AuditEvent.objects.get(project=project, action="project.imported")
    assert event.actor == alice


def test_import_keeps_unknown_people_as_named_placeholders(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    for person in changed["people"]:
        if person["email"] == "mila@example.org":
            person["email"] = "mila@elders.example.org"

    result = import_project(alice, rezipped(data, changed))

    placeholder = Placeholder.objects.get(project=result.project)
    assert placeholder.name == "Mila Meelezer"
    assert placeholder.role == "meelezer"
    assert result.placeholders == ["Mila Meelezer"]


def _counts():
    return (
        Project.objects.count(),
        Entry.objects.count(),
        Stakeholder.objects.count(),
        AuditEvent.objects.count(),
        Indicator.objects.count(),
        Measurement.objects.count(),
        TeamRole.objects.count(),
        Calculation.objects.count(),
        Opportunity.objects.count(),
    )


def test_import_unknown_schema_refused(full_project, alice):
    data = project_json(zipped(full_project))
    data["schema"] = "wijkkoers-project/2"
    before = _counts()

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, json.dumps(data).encode())

    assert "wijkkoers-project/2" in refused.value.problems[0]
    assert _counts() == before


def test_import_malformed_json_refused(alice, method):
    with pytest.raises(ImportRefused) as refused:
        import_project(alice, b'{"schema": "wijkkoers-project/1", ')

    assert "JSON" in refused.value.problems[0]


def test_import_lists_every_problem_and_writes_nothing(full_project, alice, tmp_path):
    data = project_json(zipped(full_project))
    entries = data["sections"]["logbook"]["entries"]
    entries[0]["steps"] = ["bestaat-niet"]
    entries[1]["parties"] = ["party-99"]
    data["sections"]["projects"]["progress"][0]["step"] = "ook-onbekend"
    before = _counts()

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, json.dumps(data).encode())

    problems = "\n".join(refused.value.problems)
    assert "bestaat-niet" in problems
    assert "party-99" in problems
    assert "ook-onbekend" in problems
    assert _counts() == before


def test_import_bad_value_late_rolls_back_and_deletes_files(full_project, alice, media_root):
    data = zipped(full_project)
    changed = project_json(data)
    # A value only the load step finds: an audit event at no valid time, after the documents.
    changed["sections"]["audit"]["events"][-1]["at"] = "gisteren"
    files_before = sorted(p.name for p in media_root.rglob("*") if p.is_file())
    before = _counts()

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, rezipped(data, changed))

    assert any("audit.events" in problem for problem in refused.value.problems)
    assert _counts() == before
    assert sorted(p.name for p in media_root.rglob("*") if p.is_file()) == files_before


def test_import_by_someone_not_a_leader_in_the_file_refused(full_project, bob):
    data = zipped(full_project)
    before = _counts()

    with pytest.raises(ImportNotLeader):
        import_project(bob, data)

    assert _counts() == before


def test_import_of_another_installations_leader_refused(full_project, alice):
    stranger = UserFactory(email="stranger@example.org")

    with pytest.raises(ImportNotLeader):
        import_project(stranger, zipped(full_project))


def test_document_has_schema_and_no_installation_ids(full_project):
    data, _ = document.build(full_project)

    text = json.dumps(data, default=str)
    assert data["schema"] == "wijkkoers-project/1"
    assert full_project.public_id not in text


def test_import_two_parties_with_one_name_refused_not_a_server_error(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    parties = changed["sections"]["projects"]["parties"]
    parties[1]["name"] = parties[0]["name"].upper()
    before = _counts()

    with pytest.raises(ImportRefused):
        import_project(alice, rezipped(data, changed))

    assert _counts() == before


def test_import_odd_shapes_are_problems(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    changed["sections"]["logbook"]["entries"][0]["steps"] = [{"key": "x"}]
    changed["sections"]["logbook"]["entries"][1]["parties"] = [["party-1"]]
    changed["people"].append(dict(changed["people"][0], id="person-99"))

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, rezipped(data, changed))

    problems = "\n".join(refused.value.problems)
    assert "logbook.entries[0].steps" in problems
    assert "logbook.entries[1].parties" in problems
    assert "people[" in problems


def test_import_refuses_a_file_that_is_not_what_it_says(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    entry = next(e for e in changed["sections"]["logbook"]["entries"] if e["kind"] == "document")
    fake = b"MZ\x90\x00" + b"\x00" * 60
    entry["document"].update(size=len(fake), sha256=hashlib.sha256(fake).hexdigest())
    archive = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(archive, "w") as target:
        for name in source.namelist():
            content = json.dumps(changed) if name == "project.json" else source.read(name)
            target.writestr(name, fake if name == entry["document"]["file"] else content)

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, archive.getvalue())

    assert any(".document.file" in problem for problem in refused.value.problems)
    assert not Document.objects.exclude(entry__project=full_project).exists()


def test_roundtrip_keeps_moments_to_the_microsecond(full_project, alice):
    moment = timezone.make_aware(datetime(2026, 11, 2, 10, 0, 0, 500))
    Entry.objects.filter(project=full_project).update(created_at=moment)
    first = zipped(full_project)

    result = import_project(alice, first)

    assert Entry.objects.filter(project=result.project).first().created_at == moment
    assert project_json(zipped(result.project)) == project_json(first)


def test_import_broken_tool_sections_lists_every_problem_and_writes_nothing(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    tools = changed["sections"]
    tools["goals"]["goal"]["current"] = 7
    indicator = tools["goals"]["indicators"][0]
    indicator["owner_member"] = "member-99"
    indicator["measurements"][0]["corrects"] = indicator["measurements"][-1]["id"]
    tools["raci"]["rows"][0]["cells"][0]["letter"] = "X"
    tools["raci"]["rows"][1]["cells"][0]["role"] = "role-99"
    tools["housingcost"]["calculations"][0]["definition"] = "definition-99"
    tools["opportunities"]["opportunities"][0]["steps"] = ["geen-stap"]
    before = _counts()

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, rezipped(data, changed))

    problems = "\n".join(refused.value.problems)
    assert "goals.goal.current" in problems
    assert "goals.indicators[0].owner_member: verwijst naar member-99" in problems
    assert "goals.indicators[0].measurements[0].corrects" in problems
    assert "raci.rows[0].cells[0].letter" in problems
    assert "role-99" in problems
    assert "definition-99" in problems
    assert "geen-stap" in problems
    assert _counts() == before


def test_import_bad_tool_value_late_rolls_back(full_project, alice):
    data = zipped(full_project)
    changed = project_json(data)
    # Only the load step finds these: values that do not fit their fields.
    changed["sections"]["goals"]["indicators"][0]["measurements"][0]["value"] = "veel"
    before = _counts()

    with pytest.raises(ImportRefused) as refused:
        import_project(alice, rezipped(data, changed))

    problems = "\n".join(refused.value.problems)
    assert "goals.indicators[0].measurements[0].value" in problems
    assert _counts() == before
