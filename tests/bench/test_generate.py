"""The bench data set: its shapes, its determinism, and pages that render from it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from bench.data import LARGE_NAME, PORTFOLIO_EMAIL, large_project
from bench.pages import bench_pages, session_for
from wijkkoers.accounts.models import User
from wijkkoers.audit.models import AuditEvent
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.actions import PROGRESS_OBJECT
from wijkkoers.projects.models import Membership, Project, Role, StepProgress
from wijkkoers.projects.services import ProgressChange, add_member, set_step_progress

SCALE = "0.005"  # the smallest set: 2 municipalities, 20 projects, and the large project


def generate(seed: int = 1) -> str:
    out = StringIO()
    call_command("generate_bench_data", "--scale", SCALE, "--seed", str(seed), stdout=out)
    return out.getvalue()


@pytest.fixture
def bench(method):
    generate()
    return large_project()


class Rollback(Exception):
    pass


def names_for(seed: int) -> list[str]:
    """The names a run with `seed` writes, the run itself rolled back."""
    try:
        with transaction.atomic():
            generate(seed)
            names = list(Project.objects.order_by("name").values_list("name", flat=True))
            names += User.objects.order_by("email").values_list("name", flat=True)
            raise Rollback
    except Rollback:
        return names


def test_large_project_has_60_members_5_subprojects_and_5000_entries(bench):
    assert bench.name == LARGE_NAME
    assert bench.memberships.count() == 60
    assert bench.subprojects.count() == 5
    trail = AuditEvent.objects.filter(project=bench)
    assert trail.exclude(object_type="logbook_document").count() == 5_000


def test_large_project_has_100_documents_with_stored_files(bench):
    from wijkkoers.logbook.models import Document

    documents = Document.objects.filter(entry__project=bench).select_related("entry")
    assert documents.count() == 100
    first = documents.first()
    assert first.file.read().startswith(b"%PDF-")
    first.file.seek(0)
    assert first.entry.steps.count() == 2
    generated = AuditEvent.objects.filter(project=bench, action="document.added")
    assert generated.count() == 100

    from django.core.files.base import ContentFile

    from wijkkoers.logbook.services.documents import upload_document

    writer = bench.memberships.filter(role=Role.TEAMLID).first().user
    upload_document(writer, bench, upload=ContentFile(first.file.read(), name="x.pdf"))
    written = AuditEvent.objects.filter(action="document.added").order_by("-id")[0]
    made = generated.exclude(pk=written.pk).order_by("id")[0]
    assert made.object_type == written.object_type
    assert made.new.keys() == written.new.keys()


def test_every_project_has_a_team_of_8_and_progress_on_every_step(bench):
    steps = len(get_catalogue().steps)
    others = Project.objects.exclude(pk=bench.pk)

    assert others.count() == 20
    for project in others:
        assert project.memberships.count() == 8
        assert project.memberships.filter(role=Role.PROJECTLEIDER).exists()
        whole = StepProgress.objects.filter(project=project, subproject=None)
        assert whole.count() == steps
    assert others.filter(subprojects__isnull=False).distinct().count() == 2  # a tenth


def test_portfolio_user_is_member_of_20_projects(bench):
    assert Membership.objects.filter(user__email=PORTFOLIO_EMAIL).count() == 20


def test_step_history_is_the_audit_trail_of_its_progress(bench):
    progress = StepProgress.objects.filter(subproject=None).exclude(project=bench).first()
    history = AuditEvent.objects.filter(
        project=progress.project, object_type=PROGRESS_OBJECT, object_id=progress.step_key
    ).order_by("at", "id")

    assert history.count() == progress.version
    assert history.last().new["status"] == progress.status
    assert history.first().old["status"] == "niet_gestart"
    chain = list(history)
    assert all(a.new == b.old for a, b in zip(chain, chain[1:], strict=False))


def test_generated_entries_have_the_shapes_the_services_write(bench):
    project = Project.objects.exclude(pk=bench.pk).first()
    leader = project.memberships.filter(role=Role.PROJECTLEIDER).first().user
    teamlid = project.memberships.filter(role=Role.TEAMLID).first().user
    generated = AuditEvent.objects.filter(project=project)
    newcomer = User.objects.create(email="nieuw@example.org", name="Nieuw Lid")
    first_step = next(iter(get_catalogue().steps))
    progress = StepProgress.objects.get(project=project, step_key=first_step, subproject=None)

    add_member(leader, project, newcomer, role=Role.MEELEZER, party=project.parties.first())
    change = ProgressChange(status="gestart", owner=teamlid, note="Verder.")
    set_step_progress(
        teamlid, project, progress.step_key, change, expected_version=progress.version
    )

    for action in ("member.added", "progress.changed"):
        written = AuditEvent.objects.filter(project=project, action=action).order_by("-id")[0]
        made = generated.filter(action=action).exclude(pk=written.pk).order_by("id")[0]
        assert (made.object_type, set(made.old), set(made.new)) == (
            written.object_type,
            set(written.old),
            set(written.new),
        )
        assert made.actor_name == made.actor.display_name
    written = AuditEvent.objects.filter(action="progress.changed").order_by("-id")[0]
    assert written.object_id == progress.step_key
    assert set(written.new["owner"]) == {"id", "name"}


def test_same_seed_gives_the_same_names_another_seed_others(method):
    first, again, other = names_for(7), names_for(7), names_for(8)

    assert first == again
    assert first != other


def test_every_bench_page_renders_for_its_user(client, bench):
    for page in bench_pages():
        if page.session:
            client.cookies["sessionid"] = page.session
        else:
            client.cookies.pop("sessionid", None)

        response = client.get(page.path)

        assert response.status_code == 200, page.name


def test_compass_of_a_generated_project_renders(client, bench):
    project = Project.objects.exclude(pk=bench.pk).first()
    member = project.memberships.first().user
    client.cookies["sessionid"] = session_for(member)

    response = client.get(f"/projecten/{project.public_id}/")

    assert response.status_code == 200
    assert project.name in response.content.decode()


def test_if_missing_leaves_an_existing_set_alone(bench):
    before = AuditEvent.objects.count()

    out = StringIO()
    call_command("generate_bench_data", "--scale", SCALE, "--if-missing", stdout=out)

    assert AuditEvent.objects.count() == before
    with pytest.raises(CommandError):
        generate()


@override_settings(PRODUCTION=True)
def test_generate_bench_data_refused_in_production(method):
    with pytest.raises(CommandError, match="production"):
        generate()

    assert not Project.objects.filter(name=LARGE_NAME).exists()
