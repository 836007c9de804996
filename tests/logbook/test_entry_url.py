"""The logbook rows' links: one reverse() per kind and project, the same URL as reverse()."""

from types import SimpleNamespace

from django.urls import reverse

from wijkkoers.logbook.models import EntryKind
from wijkkoers.logbook.templatetags.logbook_tags import entry_url


def test_entry_url_is_the_reversed_url_for_every_entry_and_kind():
    projects = [SimpleNamespace(public_id=p) for p in ("Proj_aaaa-01", "Proj_bbbb-02")]
    for project in projects:
        for kind in ("besluit", "afspraak", "actie", "bijeenkomst"):
            for public_id in ("Entry-aaaa_1", "Entry-bbbb_2"):
                entry = SimpleNamespace(kind=kind, public_id=public_id)
                expected = reverse(f"logbook:{kind}", args=[project.public_id, public_id])
                assert entry_url(entry, project) == expected


def test_entry_url_is_empty_for_a_kind_without_a_detail_page():
    project = SimpleNamespace(public_id="Proj_aaaa-01")
    kinds_with_page = {"besluit", "afspraak", "actie", "bijeenkomst", "document", "link"}
    for kind in set(EntryKind.values) - kinds_with_page:
        assert entry_url(SimpleNamespace(kind=kind, public_id="Entry-aaaa_1"), project) == ""
