"""How long the project report PDF takes: the demo project and a project with 500 entries.

    DATABASE_URL=... .venv/bin/python -m bench.report_pdf

Needs a migrated database with the method loaded (`manage.py load_method content`); on the
bench database it also times the large project of `generate_bench_data`. Runs
inside one transaction that it rolls back, so the database is left as it was. Prints the
median of three renders per project (WeasyPrint, in this process; the task does the same).
Issue 11's target: at most 5 s.
"""

import logging
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

import django  # noqa: E402

logging.getLogger("weasyprint").setLevel(logging.ERROR)  # its progress lines at INFO

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkkoers.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.data import large_project  # noqa: E402
from wijkkoers.accounts.models import User  # noqa: E402
from wijkkoers.logbook.models import (  # noqa: E402
    Agreement,
    AgreementRevision,
    Decision,
    DecisionRevision,
    Document,
    Entry,
    EntryKind,
    EntryStep,
    Meeting,
)
from wijkkoers.logbook.pdf import render_pdf  # noqa: E402
from wijkkoers.method.catalogue import get_catalogue  # noqa: E402
from wijkkoers.projects.demo import DEMO_NAME  # noqa: E402
from wijkkoers.projects.models import Project, Role  # noqa: E402
from wijkkoers.projects.services import (  # noqa: E402
    ProgressChange,
    add_member,
    add_party,
    create_project,
    set_step_progress,
)

ENTRIES = 500
RUNS = 3


def timed(project) -> tuple[float, float, int]:
    """Median wall-clock and CPU seconds of RUNS renders, and the PDF's size. On a busy
    machine the CPU time says more about the work itself than the wall clock."""
    walls, cpus, size = [], [], 0
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        pdf = render_pdf(project, "rapport", timezone.localdate())
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - started_cpu)
        size = len(pdf)
    return statistics.median(walls), statistics.median(cpus), size


def project_with_entries(count: int = ENTRIES) -> Project:
    """A project with `count` logbook entries of every kind, revisions and step progress."""
    leader = User.objects.create_user(email="pdf-bench@example.org", name="Bench Leider")
    member = User.objects.create_user(email="pdf-bench-2@example.org", name="Bench Teamlid")
    project = create_project(leader, name="Rapport met 500 items", municipality="Benchstad")
    add_member(leader, project, member, role=Role.TEAMLID)
    party = add_party(leader, project, name="Woningcorporatie", party_type="woningcorporatie")
    keys = list(get_catalogue().steps)
    for key in keys:
        set_step_progress(
            leader,
            project,
            key,
            ProgressChange(status="gestart", owner=member, note="Notitie bij de stap."),
            expected_version=0,
        )
    kinds = (
        [EntryKind.DECISION] * 2
        + [EntryKind.AGREEMENT] * 2
        + [EntryKind.MEETING]
        + [EntryKind.DOCUMENT]
    )
    start = timezone.localdate() - timedelta(days=count)
    entries = Entry.objects.bulk_create(
        Entry(
            project=project,
            kind=kinds[i % len(kinds)],
            title=f"Logboekitem {i}: een titel van gewone lengte voor een rapport",
            occurred_on=start + timedelta(days=i),
            status={"besluit": "genomen", "afspraak": "open"}.get(kinds[i % len(kinds)], ""),
        )
        for i in range(count)
    )
    EntryStep.objects.bulk_create(
        EntryStep(entry=e, project=project, step_key=keys[i % len(keys)])
        for i, e in enumerate(entries)
    )
    by_kind = {kind: [e for e in entries if e.kind == kind] for kind in EntryKind.values}
    decisions = Decision.objects.bulk_create(Decision(entry=e) for e in by_kind["besluit"])
    DecisionRevision.objects.bulk_create(
        DecisionRevision(
            decision=d,
            number=n,
            title=d.entry.title,
            text="Tekst van het besluit.",
            text_html="<p>Tekst van het besluit.</p>",
            decided_on=d.entry.occurred_on,
            decided_by="Stuurgroep",
        )
        for d in decisions
        for n in (1, 2)
    )
    agreements = Agreement.objects.bulk_create(Agreement(entry=e) for e in by_kind["afspraak"])
    AgreementRevision.objects.bulk_create(
        AgreementRevision(
            agreement=a,
            number=1,
            title=a.entry.title,
            made_on=a.entry.occurred_on,
            due_on=a.entry.occurred_on + timedelta(days=30),
            owner_party=party,
            status="open" if i % 2 else "afgerond",
        )
        for i, a in enumerate(agreements)
    )
    Meeting.objects.bulk_create(
        Meeting(entry=e, kind="kernteam", place="Buurthuis") for e in by_kind["bijeenkomst"]
    )
    Document.objects.bulk_create(
        Document(
            entry=e,
            file=f"logbook/bench/{e.pk}",
            original_name=f"stuk-{e.pk}.pdf",
            content_type="application/pdf",
            size=1000,
            sha256="0" * 64,
        )
        for e in by_kind["document"]
    )
    return project


def main() -> None:
    rows = []
    with transaction.atomic():
        call_command("setup_demo", verbosity=0)
        demo = Project.objects.get(name=DEMO_NAME)
        rows.append((f"demo project ({demo.logbook_entries.count()} entries)", *timed(demo)))
        large = project_with_entries()
        rows.append((f"project with {ENTRIES} entries", *timed(large)))
        # On the bench database: the large project of `generate_bench_data` too.
        if (bench_large := large_project()) is not None:
            count = bench_large.logbook_entries.count()
            rows.append((f"bench large project ({count} entries)", *timed(bench_large)))
        transaction.set_rollback(True)
    load = os.getloadavg()[0]
    print(
        f"Report PDF render time, median of {RUNS} ({date.today().isoformat()}, load {load:.1f}):"
    )
    for name, wall, cpu, size in rows:
        print(f"  {name}: {wall:.2f} s ({cpu:.2f} s CPU), {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
