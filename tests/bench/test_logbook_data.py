"""The bench set's logbook: 200 entries per project, 2,000 in the large one, in the shapes
the services write (every decision and agreement points at its newest revision)."""

import pytest
from django.db.models import Count, F, Q

from tests.bench.test_generate import bench  # noqa: F401 - the fixture
from wijkkoers.logbook.models import Agreement, Decision, Entry, EntryStep
from wijkkoers.projects.models import Project

pytestmark = pytest.mark.django_db


def test_every_project_has_a_logbook_and_the_large_one_2000(bench):  # noqa: F811
    per_project = dict(
        # The large project's 100 documents come on top (bench/documents.py).
        Project.objects.annotate(
            n=Count("logbook_entries", filter=~Q(logbook_entries__kind="document"))
        ).values_list("name", "n")
    )
    assert per_project.pop(bench.name) == 2_000
    assert set(per_project.values()) == {200}
    assert set(Entry.objects.exclude(kind="document").values_list("kind", flat=True)) == {
        "besluit",
        "afspraak",
        "actie",
        "bijeenkomst",
    }
    assert not Decision.objects.filter(current=None).exists()
    assert not Agreement.objects.filter(current=None).exists()
    newest = Decision.objects.annotate(top=Count("revisions")).exclude(current__number=F("top"))
    assert not newest.exists()
    assert (
        Decision.objects.filter(entry__status=F("current__status")).count()
        == Decision.objects.count()
    )
    assert not EntryStep.objects.exclude(project_id=F("entry__project_id")).exists()
