from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.html import inline_code
from wijkkoers.audit.models import AuditEvent
from wijkkoers.audit.queries import history_of
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.actions import PROGRESS_OBJECT, progress_object_id
from wijkkoers.projects.models import StepProgress, StepStatus
from wijkkoers.projects.queries import progress_by_key, what_next
from wijkkoers.projects.services import ProgressChange, ProgressConflict, set_step_progress

pytestmark = pytest.mark.django_db
SEED = "helderheid-over-ambities"


def step_url(project, key=SEED):
    return reverse("projects:step", args=[project.public_id, key])


def test_status_change_keeps_history_in_the_audit_trail(client, bob, project, method):
    client.force_login(bob)

    client.post(step_url(project), {"status": "gestart", "version": 0})
    client.post(step_url(project), {"status": "afgerond", "version": 1})

    progress = StepProgress.objects.get(project=project, step_key=SEED)
    history = list(
        AuditEvent.objects.filter(
            project=project, object_type=PROGRESS_OBJECT, object_id=SEED
        ).order_by("at", "id")
    )
    assert [(e.old["status"], e.new["status"]) for e in history] == [
        ("niet_gestart", "gestart"),
        ("gestart", "afgerond"),
    ]
    assert all(e.actor == bob and e.action == "progress.changed" for e in history)
    assert progress.finished_at is not None
    page = client.get(step_url(project)).content.decode()
    history_html = page.split("<h3>Geschiedenis</h3>")[1].split("</section>")[0]
    assert "Bob Teamlid" in history_html
    assert "status: van ‘gestart’ naar ‘afgerond’" in history_html
    assert "status: van ‘niet gestart’ naar ‘gestart’" in history_html


def test_step_history_is_per_subproject(alice, project, method):
    sub = project.subprojects.create(name="Hoogbouw")
    set_step_progress(alice, project, SEED, ProgressChange(status="gestart"), expected_version=0)
    set_step_progress(
        alice, project, SEED, ProgressChange(status="afgerond"), expected_version=0, subproject=sub
    )

    whole = history_of(project, PROGRESS_OBJECT, progress_object_id(SEED))
    part = history_of(project, PROGRESS_OBJECT, progress_object_id(SEED, sub))

    assert [e.event.new["status"] for e in whole] == ["gestart"]
    assert [e.event.new["status"] for e in part] == ["afgerond"]
    assert part[0].event.object_repr.endswith(
        "Helderheid over ambities, belangen en prioritering · Hoogbouw"
    )


def test_second_writer_gets_conflict_and_nothing_is_overwritten(
    client, alice, bob, project, method
):
    client.force_login(bob)
    client.post(step_url(project), {"status": "gestart", "note": "Bob was eerst", "version": 0})
    client.force_login(alice)

    response = client.post(
        step_url(project), {"status": "gepauzeerd", "note": "Alice later", "version": 0}
    )

    html = response.content.decode()
    progress = StepProgress.objects.get(project=project, step_key=SEED)
    assert response.status_code == 200
    assert progress.status == StepStatus.STARTED
    assert progress.note == "Bob was eerst"
    assert "Iemand anders heeft deze stap gewijzigd" in html
    assert "Bob was eerst" in html
    assert "Alice later" in html  # her own input is kept in the form


def test_conflict_service_raises_with_current_state(alice, bob, project):
    set_step_progress(bob, project, SEED, ProgressChange(status="gestart"), expected_version=0)

    with pytest.raises(ProgressConflict) as conflict:
        set_step_progress(
            alice, project, SEED, ProgressChange(status="afgerond"), expected_version=0
        )

    assert conflict.value.current.status == "gestart"
    assert conflict.value.current.updated_by == bob


def test_not_applicable_needs_a_reason(client, bob, project, method):
    client.force_login(bob)

    response = client.post(step_url(project), {"status": "nvt", "reason": "", "version": 0})

    assert "Geef aan waarom" in response.content.decode()
    assert not StepProgress.objects.filter(project=project, step_key=SEED).exists()


def test_target_date_in_the_past_is_refused(client, bob, project, method):
    client.force_login(bob)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post(
        step_url(project), {"status": "gestart", "target_date": yesterday.isoformat(), "version": 0}
    )

    assert "vandaag of later" in response.content.decode()


def test_note_markdown_is_sanitised(client, bob, project, method):
    client.force_login(bob)

    client.post(
        step_url(project),
        {"status": "gestart", "note": "**vet** <script>alert(1)</script>", "version": 0},
    )
    html = client.get(step_url(project)).content.decode()

    assert "<strong>vet</strong>" in html
    assert inline_code(html) == []


def test_what_next_lists_unblocked_steps_in_phase_order(alice, project, method):
    catalogue = get_catalogue()
    before = [step.key for step in what_next(catalogue, progress_by_key(project))]
    set_step_progress(
        alice,
        project,
        "de-juiste-partijen-aan-tafel",
        ProgressChange(status="afgerond"),
        expected_version=0,
    )

    after = [step.key for step in what_next(catalogue, progress_by_key(project))]

    assert before[0] == "de-juiste-partijen-aan-tafel"
    assert "de-juiste-partijen-aan-tafel" not in after
    assert "helderheid-over-ambities" in after
    assert "helderheid-over-ambities" not in before
    phases = [catalogue.steps[key].phase_number for key in after]
    assert phases == sorted(phases)


def test_compass_shows_started_step(client, bob, project, method):
    set_step_progress(bob, project, SEED, ProgressChange(status="gestart"), expected_version=0)
    client.force_login(bob)

    html = client.get(reverse("projects:compass", args=[project.public_id])).content.decode()

    in_progress = html.split('id="bezig-kop"')[1].split("</section>")[0]
    assert "Helderheid over ambities" in in_progress


def test_subproject_has_its_own_progress(client, alice, project, method):
    sub = project.subprojects.create(name="Hoogbouw")
    client.force_login(alice)

    client.post(
        step_url(project) + f"?deelproject={sub.public_id}",
        {"status": "gestart", "version": 0, "deelproject": sub.public_id},
    )

    assert StepProgress.objects.get(subproject=sub, step_key=SEED).status == "gestart"
    assert not StepProgress.objects.filter(project=project, subproject=None, step_key=SEED).exists()
