"""The permission matrix of the logbook's entry pages and writes, with their side effects.

Anonymous users are sent to log in; strangers (a superuser too) get a 404; a meelezer reads
but every write is a 404 and leaves the database unchanged; a teamlid writes; in a closed
project everyone reads and nobody writes.
"""

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.models import (
    Action,
    AgreementRevision,
    DecisionRevision,
    Entry,
    Meeting,
)
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_decision,
)
from wijkkoers.projects.models import Membership, Role
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db
DAY = date(2026, 3, 1)

KINDS = {
    "anonymous": (None, None),
    "outsider": (None, {}),
    "superuser": (None, {"is_staff": True, "is_superuser": True}),
    "meelezer": (Role.MEELEZER, {}),
    "superuser-meelezer": (Role.MEELEZER, {"is_staff": True, "is_superuser": True}),
    "teamlid": (Role.TEAMLID, {}),
    "projectleider": (Role.PROJECTLEIDER, {}),
}
RANK = {None: 0, Role.MEELEZER: 1, Role.TEAMLID: 2, Role.PROJECTLEIDER: 3}


def allowed(kind, needs) -> bool:
    return RANK[KINDS[kind][0]] >= RANK[needs]


def refused(kind) -> int:
    return 302 if kind == "anonymous" else 404


@pytest.fixture
def entries(alice, project, method):
    owner = project.memberships.get(user=alice)
    meeting = create_meeting(
        alice, project, MeetingData(title="Start", held_on=DAY, kind="startbijeenkomst")
    )
    return {
        "besluit": record_decision(alice, project, DecisionData(title="Besluit", decided_on=DAY)),
        "afspraak": record_agreement(
            alice, project, AgreementData(title="Afspraak", made_on=DAY, owner_member=owner)
        ),
        "actie": create_action(alice, project, ActionData(title="Actie")),
        "bijeenkomst": meeting,
    }


@pytest.fixture
def as_user(client, project, alice, bob, mila):
    def _as(kind):
        role, attributes = KINDS[kind]
        named = {"meelezer": mila, "teamlid": bob, "projectleider": alice}
        user = named.get(kind)
        if user is None and attributes is not None:
            user = UserFactory(**attributes)
            if role:
                Membership.objects.create(project=project, user=user, role=role)
        if user:
            client.force_login(user)
        return client

    return _as


def read_urls(project, entries):
    def u(name, *args):
        return reverse(f"logbook:{name}", args=[project.public_id, *args])

    return [
        u("index"),
        u("decisions"),
        u("agreements"),
        u("actions"),
        u("meetings"),
        *(u(kind, entry.public_id) for kind, entry in entries.items()),
    ]


def form_urls(project, entries):
    def u(name, *args):
        return reverse(f"logbook:{name}", args=[project.public_id, *args])

    return [
        u("decision_create"),
        u("agreement_create"),
        u("action_create"),
        u("meeting_create"),
        u("decision_revise", entries["besluit"].public_id),
        u("decision_withdraw", entries["besluit"].public_id),
        u("agreement_revise", entries["afspraak"].public_id),
        u("agreement_withdraw", entries["afspraak"].public_id),
        u("action_edit", entries["actie"].public_id),
        u("meeting_edit", entries["bijeenkomst"].public_id),
        u("meeting_record", entries["bijeenkomst"].public_id),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_reading_matrix(as_user, project, entries, kind):
    client = as_user(kind)
    for url in read_urls(project, entries):
        response = client.get(url)
        assert response.status_code == (200 if allowed(kind, Role.MEELEZER) else refused(kind)), url


@pytest.mark.parametrize("kind", KINDS)
def test_form_pages_matrix(as_user, project, entries, kind):
    client = as_user(kind)
    for url in form_urls(project, entries):
        response = client.get(url)
        assert response.status_code == (200 if allowed(kind, Role.TEAMLID) else refused(kind)), url


def writes(project, entries, owner):
    """(url, data, what changed if it was allowed) for every write of this part."""
    d, a, act, m = (entries[k] for k in ["besluit", "afspraak", "actie", "bijeenkomst"])

    def u(name, *args):
        return reverse(f"logbook:{name}", args=[project.public_id, *args])

    decision = {"title": "Nieuw besluit", "status": "genomen", "decided_on": "2026-03-02"}
    agreement = {
        "title": "Nieuwe afspraak",
        "owner": f"lid:{owner.public_id}",
        "made_on": "2026-03-02",
        "status": "open",
    }
    return [
        (
            u("decision_create"),
            decision,
            lambda: Entry.objects.filter(title="Nieuw besluit").exists(),
        ),
        (
            u("decision_revise", d.public_id),
            {**decision, "title": "Herzien", "based_on": 1, "change_reason": "r"},
            lambda: DecisionRevision.objects.filter(title="Herzien").exists(),
        ),
        (
            u("decision_withdraw", d.public_id),
            {"based_on": 2, "reason": "weg"},  # after the revision above
            lambda: Entry.objects.filter(pk=d.pk, withdrawn_at__isnull=False).exists(),
        ),
        (
            u("agreement_create"),
            agreement,
            lambda: Entry.objects.filter(title="Nieuwe afspraak").exists(),
        ),
        (
            u("agreement_revise", a.public_id),
            {**agreement, "title": "Herziene afspraak", "based_on": 1, "change_reason": "r"},
            lambda: AgreementRevision.objects.filter(title="Herziene afspraak").exists(),
        ),
        (
            u("agreement_withdraw", a.public_id),
            {"based_on": 2, "reason": "weg"},
            lambda: Entry.objects.filter(pk=a.pk, withdrawn_at__isnull=False).exists(),
        ),
        (
            u("action_create"),
            {"title": "Nieuwe actie"},
            lambda: Entry.objects.filter(title="Nieuwe actie").exists(),
        ),
        (
            u("action_edit", act.public_id),
            {"title": "Andere actie"},
            lambda: Entry.objects.filter(pk=act.pk, title="Andere actie").exists(),
        ),
        (
            u("action_done", act.public_id),
            {"done": "1"},
            lambda: Action.objects.filter(pk=act.pk, done_at__isnull=False).exists(),
        ),
        (
            u("meeting_create"),
            {
                "title": "Nieuwe bijeenkomst",
                "held_on": "2026-03-03",
                "kind": "kernteam",
                "other_attendees": 0,
            },
            lambda: Entry.objects.filter(title="Nieuwe bijeenkomst").exists(),
        ),
        (
            u("meeting_edit", m.public_id),
            {
                "title": "Start",
                "held_on": "2026-03-01",
                "kind": "startbijeenkomst",
                "other_attendees": 7,
            },
            lambda: Meeting.objects.filter(pk=m.pk, other_attendees=7).exists(),
        ),
        (
            u("meeting_record", m.public_id),
            {
                **{f"besluit-{i}-status": "genomen" for i in range(3)},
                "besluit-0-title": "Ter plekke besloten",
            },
            lambda: Entry.objects.filter(title="Ter plekke besloten").exists(),
        ),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_write_matrix(as_user, project, entries, alice, kind):
    owner = project.memberships.get(user=alice)
    for url, data, changed in writes(project, entries, owner):
        client = as_user(kind)
        events = AuditEvent.objects.count()
        response = client.post(url, data)
        may = allowed(kind, Role.TEAMLID)
        assert response.status_code == (302 if may else refused(kind)), url
        assert changed() == may, url
        assert (AuditEvent.objects.count() > events) == may, url


@pytest.mark.parametrize("kind", ["meelezer", "teamlid", "projectleider"])
def test_closed_project_is_read_only(as_user, project, entries, alice, kind):
    close_project(alice, project)
    owner = project.memberships.get(user=alice)
    client = as_user(kind)
    for url in read_urls(project, entries):
        assert client.get(url).status_code == 200, url
    html = client.get(read_urls(project, entries)[0]).content.decode()
    assert "Besluit toevoegen" not in html
    for url in form_urls(project, entries):
        assert client.get(url).status_code == 404, url
    for url, data, changed in writes(project, entries, owner):
        events = AuditEvent.objects.count()
        assert client.post(url, data).status_code == 404, url
        assert not changed(), url
        assert AuditEvent.objects.count() == events, url


def test_entries_of_another_project_are_not_found(client, alice, project, entries):
    other_owner = UserFactory()
    from wijkkoers.projects.services import create_project

    other = create_project(other_owner, name="Ander", municipality="X")
    client.force_login(alice)
    for kind, entry in entries.items():
        url = reverse(f"logbook:{kind}", args=[other.public_id, entry.public_id])
        assert client.get(url).status_code == 404  # alice is no member of `other`
        Membership.objects.get_or_create(project=other, user=alice, defaults={"role": Role.TEAMLID})
        assert client.get(url).status_code == 404  # a member, but the entry is not of `other`
    for bad in ["x" * 12 + "\x00", "kort", "besluit"]:
        assert (
            client.get(f"/projecten/{project.public_id}/logboek/besluiten/{bad}/").status_code
            == 404
        )
    # an entry of another kind under the wrong URL
    url = reverse("logbook:afspraak", args=[project.public_id, entries["besluit"].public_id])
    assert client.get(url).status_code == 404
