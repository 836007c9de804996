"""How long a full project export and import take, for a large project.

    DATABASE_URL=... .venv/bin/python -m bench.export_import

Builds a project with 2,000 logbook entries (every kind, with revisions), 300 stakeholders
(each a party with a priority and two assessments), 50 documents, progress on every step,
every working tool's data (the demo's through the services, then in bulk: 10 indicators of
24 measurements with corrections, 12 roles and 60 RACI rows, housing-cost calculations, 40
koppelkansen) and an audit trail, then times export (the zip, in memory) and import (one transaction),
and checks that exporting the imported copy gives the same bytes. Needs a migrated
database with the method loaded. Runs inside one transaction that it rolls back, so the
database is left as it was; files go to a temporary directory.
"""

import io
import os
import random
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from wijkkoers.accounts.models import User  # noqa: E402
from wijkkoers.exports.services import export_project, import_project  # noqa: E402
from wijkkoers.goals.demo import create_demo_goals  # noqa: E402
from wijkkoers.goals.models import Indicator, Measurement  # noqa: E402
from wijkkoers.housingcost.demo import create_demo_housingcost  # noqa: E402
from wijkkoers.housingcost.models import Archetype  # noqa: E402
from wijkkoers.housingcost.services import save_calculation  # noqa: E402
from wijkkoers.logbook.bulk import LogbookBuilder  # noqa: E402
from wijkkoers.logbook.demo_documents import simple_pdf  # noqa: E402
from wijkkoers.logbook.services.documents import upload_document  # noqa: E402
from wijkkoers.method.catalogue import get_catalogue  # noqa: E402
from wijkkoers.opportunities.demo import create_demo_opportunities  # noqa: E402
from wijkkoers.opportunities.models import Opportunity  # noqa: E402
from wijkkoers.projects.models import Party, Role  # noqa: E402
from wijkkoers.projects.services import (  # noqa: E402
    ProgressChange,
    add_member,
    create_project,
    set_step_progress,
)
from wijkkoers.raci.demo import create_demo_roles  # noqa: E402
from wijkkoers.raci.models import RaciCell, RaciRow, TeamRole  # noqa: E402
from wijkkoers.stakeholders.models import Assessment, Priority, Stakeholder  # noqa: E402

ENTRIES = 2_000
STAKEHOLDERS = 300
DOCUMENTS = 50
MEMBERS = 8
INDICATORS = 10
MEASUREMENTS = 24  # per indicator, every fourth one corrected
ROLES = 12
RACI_ROWS = 60
CALCULATIONS = 50
OPPORTUNITIES = 40


class Rollback(Exception):
    pass


def large_project():
    leader = User.objects.create_user(email="export-bench@example.org", name="Bench Leider")
    project = create_project(leader, name="Export: grote wijkaanpak", municipality="Benchstad")
    users = [leader]
    for number in range(MEMBERS):
        user = User.objects.create_user(
            email=f"export-bench-{number}@example.org", name=f"Lid {number}"
        )
        add_member(leader, project, user, role=Role.TEAMLID)
        users.append(user)
    parties = Party.objects.bulk_create(
        Party(project=project, name=f"Partij {number:03}", party_type="gemeente")
        for number in range(STAKEHOLDERS)
    )
    _stakeholders(project, parties, leader)
    keys = list(get_catalogue().steps)
    for key in keys:
        change = ProgressChange(status="gestart", owner=users[1], note="Notitie bij de stap.")
        set_step_progress(leader, project, key, change, expected_version=0)
    builder = LogbookBuilder(rng=random.Random(1), today=timezone.localdate())
    builder.add(
        project,
        count=ENTRIES - DOCUMENTS,
        memberships=list(project.memberships.all()),
        parties=parties[:20],
        users=users,
        step_keys=keys,
        every=True,
    )
    builder.write(timezone.now())
    pdf = simple_pdf(["Benchgegevens: een verzonnen document."])
    for number in range(DOCUMENTS):
        upload = ContentFile(pdf, name=f"verslag-{number}.pdf")
        upload_document(leader, project, upload=upload, step_keys=keys[:1])
    _tools(project, leader, users[1], parties, keys)
    return project, leader


def _tools(project, leader, member, parties, keys):
    """The demo's tool data through the services, then more of each in bulk."""
    create_demo_goals(project, leader, member, corporation=parties[0])
    create_demo_roles(project, leader, member)
    create_demo_housingcost(project, leader, member)
    create_demo_opportunities(project, leader, member)
    members = list(project.memberships.all())
    indicators = Indicator.objects.bulk_create(
        Indicator(
            project=project,
            name=f"Indicator {number:02}",
            unit="woningen",
            baseline_value=0,
            baseline_on=date(2025, 1, 1),
            target_value=400,
            deadline=date(2030, 1, 1),
            owner_member=members[number % len(members)],
            created_by=leader,
        )
        for number in range(INDICATORS)
    )
    measurements = Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            value=month * 5,
            measured_on=date(2025, 1, 1) + timedelta(days=30 * month),
            note="Opgave netbeheerder",
            created_by=member,
        )
        for indicator in indicators
        for month in range(MEASUREMENTS)
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=row.indicator,
            value=row.value + 1,
            measured_on=row.measured_on,
            corrects=row,
            created_by=leader,
        )
        for row in measurements[::4]
    )
    roles = TeamRole.objects.bulk_create(
        TeamRole(project=project, name=f"Rol {number:02}", member=members[number % len(members)])
        for number in range(ROLES)
    )
    rows = RaciRow.objects.bulk_create(
        RaciRow(project=project, activity=f"Activiteit {number}", step_key=keys[number % len(keys)])
        for number in range(RACI_ROWS)
    )
    RaciCell.objects.bulk_create(
        RaciCell(row=row, role=roles[(number + offset) % ROLES], letter=letter)
        for number, row in enumerate(rows)
        for offset, letter in enumerate("ARCI")
    )
    archetypes = list(Archetype.objects.filter(project=project))
    for number in range(CALCULATIONS - len(archetypes)):
        save_calculation(member, archetypes[number % len(archetypes)], note="Bench")
    Opportunity.objects.bulk_create(
        Opportunity(
            project=project,
            title=f"Koppelkans {number}",
            kind="fysiek" if number % 2 else "sociaal",
            owner_party=parties[number],
            window_start=date(2027, 1, 1),
            window_start_precision="jaar",
            window_end=date(2028, 12, 31),
            window_end_precision="jaar",
            step_keys=keys[number % len(keys) : number % len(keys) + 2],
            created_by=leader,
        )
        for number in range(OPPORTUNITIES)
    )


def _stakeholders(project, parties, user):
    holders = Stakeholder.objects.bulk_create(
        Stakeholder(
            project=project, party=party, interests="Betaalbare woonlasten", created_by=user
        )
        for party in parties
    )
    Priority.objects.bulk_create(
        Priority(stakeholder=holder, rank=1, text="Woonlasten gelijk") for holder in holders
    )
    Assessment.objects.bulk_create(
        Assessment(
            stakeholder=holder,
            project=project,
            assessed_on=date(2026, 1, 1) + timedelta(days=days),
            power=3,
            interest=4,
            created_by=user,
        )
        for holder in holders
        for days in (0, 90)
    )


def _tool_counts(project) -> str:
    counts = {
        "indicators": Indicator.objects.filter(project=project).count(),
        "measurements": Measurement.objects.filter(indicator__project=project).count(),
        "roles": TeamRole.objects.filter(project=project).count(),
        "RACI rows": RaciRow.objects.filter(project=project).count(),
        "calculations": project.housing_calculations.count(),
        "koppelkansen": Opportunity.objects.filter(project=project).count(),
    }
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def timed(function):
    started, started_cpu = time.perf_counter(), time.process_time()
    result = function()
    return result, time.perf_counter() - started, time.process_time() - started_cpu


def _show_difference(first: bytes, second: bytes) -> None:
    """The first line of project.json that differs, if any (to find what broke the trip)."""
    lines = [
        zipfile.ZipFile(io.BytesIO(data)).read("project.json").decode().splitlines()
        for data in (first, second)
    ]
    for number, (old, new) in enumerate(zip(*lines, strict=False)):
        if old != new:
            context = "\n".join(lines[0][max(0, number - 12) : number])
            print(f"line {number}: {old!r} -> {new!r}\n{context}")
            return
    archives = [zipfile.ZipFile(io.BytesIO(data)) for data in (first, second)]
    for old, new in zip(*(archive.infolist() for archive in archives), strict=False):
        if (old.filename, archives[0].read(old)) != (new.filename, archives[1].read(new)):
            print(f"zip member differs: {old.filename} -> {new.filename}")
            return


def main() -> None:
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="export-bench-")
    try:
        with transaction.atomic():
            project, leader = large_project()
            first = io.BytesIO()
            _, export_wall, export_cpu = timed(lambda: export_project(leader, project, first))
            result, import_wall, import_cpu = timed(
                lambda: import_project(leader, first.getvalue())
            )
            second = io.BytesIO()
            export_project(leader, result.project, second)
            entries = result.project.logbook_entries.count()
            print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
            print(
                f"project: {entries} logbook entries, {STAKEHOLDERS} stakeholders, {DOCUMENTS} documents"
            )
            print(f"tools: {_tool_counts(result.project)}")
            print(f"zip: {len(first.getvalue()) / 1e6:.1f} MB")
            print(f"export: {export_wall:.2f} s wall, {export_cpu:.2f} s CPU")
            print(f"import: {import_wall:.2f} s wall, {import_cpu:.2f} s CPU")
            print(f"export -> import -> export identical: {first.getvalue() == second.getvalue()}")
            _show_difference(first.getvalue(), second.getvalue())
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
