"""Who may open the timeline, the briefing and the report, and make and download PDFs.

Anonymous -> login; a stranger -> 404 (as for a project that does not exist); every member,
the meelezer included, reads them all and may make a PDF (it changes no project content),
also in a closed project. Another project's PDF is a 404.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkkoers.logbook.models import ReportRun
from wijkkoers.logbook.services.reports import request_report
from wijkkoers.projects.services import close_project, create_project

pytestmark = pytest.mark.django_db

PAGES = ["timeline", "briefing", "briefing_print", "report", "report_print"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def run(project, alice, method, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        made = request_report(alice, project, kind="rapport", as_of=timezone.localdate())
    made.refresh_from_db()
    return made


def run_urls(project, run):
    return [
        reverse("logbook:report_run", args=[project.public_id, run.public_id]),
        reverse("logbook:report_download", args=[project.public_id, run.public_id]),
    ]


def page_urls(project):
    return [reverse(f"logbook:{name}", args=[project.public_id]) for name in PAGES]


def test_anonymous_is_sent_to_login(client, project, run):
    for url in [*page_urls(project), *run_urls(project, run)]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/account/login/" in response.url
    response = client.post(reverse("logbook:make_pdf", args=[project.public_id]), {})
    assert response.status_code == 302
    assert ReportRun.objects.count() == 1


def test_stranger_gets_404_and_writes_nothing(outsider_client, project, run):
    for url in [*page_urls(project), *run_urls(project, run)]:
        assert outsider_client.get(url).status_code == 404
    response = outsider_client.post(
        reverse("logbook:make_pdf", args=[project.public_id]),
        {"soort": "rapport", "datum": timezone.localdate()},
    )
    assert response.status_code == 404
    assert ReportRun.objects.count() == 1


@pytest.mark.parametrize("who", ["alice", "bob", "mila"])
def test_every_member_reads(client, project, run, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in [*page_urls(project), *run_urls(project, run)]:
        assert client.get(url).status_code == 200, url


def test_meelezer_makes_a_pdf_in_a_closed_project(
    client, project, alice, mila, method, django_capture_on_commit_callbacks
):
    close_project(alice, project, reason="Klaar")
    client.force_login(mila)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("logbook:make_pdf", args=[project.public_id]),
            {"soort": "inwerkdossier", "datum": timezone.localdate()},
        )

    assert response.status_code == 302
    assert ReportRun.objects.get().status == "klaar"


def test_another_projects_pdf_is_404(client, project, alice, run):
    other = create_project(alice, name="Ander", municipality="X")
    client.force_login(alice)
    for url in run_urls(other, run):
        assert client.get(url).status_code == 404
    for bad in ["x", "\x00" * 12, "a" * 13]:
        url = reverse("logbook:report_run", args=[project.public_id, "placeholder"])
        assert client.get(url.replace("placeholder", bad)).status_code == 404


def test_unknown_kind_is_404(client, project, bob, method):
    client.force_login(bob)
    response = client.post(
        reverse("logbook:make_pdf", args=[project.public_id]), {"soort": "geheim"}
    )
    assert response.status_code == 404
    assert ReportRun.objects.count() == 0


def test_get_cannot_make_a_pdf(client, project, bob, method):
    client.force_login(bob)
    response = client.get(reverse("logbook:make_pdf", args=[project.public_id]))
    assert response.status_code == 405
    assert ReportRun.objects.count() == 0


def test_new_member_is_pointed_to_the_briefing_until_opened(client, project, bob, method):
    client.force_login(bob)
    compass = reverse("projects:compass", args=[project.public_id])
    briefing = reverse("logbook:briefing", args=[project.public_id])

    assert briefing in client.get(compass).content.decode()
    client.get(briefing)

    assert project.memberships.get(user=bob).briefing_opened_at is not None
    assert "inwerk-kop" not in client.get(compass).content.decode()
    client.logout()
    client.force_login(bob)  # a new session: the membership remembers
    assert "inwerk-kop" not in client.get(compass).content.decode()


def test_notice_can_be_hidden(client, project, mila, method):
    client.force_login(mila)
    compass = reverse("projects:compass", args=[project.public_id])

    response = client.post(reverse("logbook:dismiss_briefing_notice", args=[project.public_id]))

    assert response.url == compass
    assert "inwerk-kop" not in client.get(compass).content.decode()
    assert project.memberships.get(user=mila).briefing_opened_at is not None


def test_step_page_links_to_its_timeline(client, project, bob, method):
    client.force_login(bob)
    step = "helderheid-over-ambities"

    html = client.get(reverse("projects:step", args=[project.public_id, step])).content.decode()

    assert f"{reverse('logbook:timeline', args=[project.public_id])}?stap={step}" in html
