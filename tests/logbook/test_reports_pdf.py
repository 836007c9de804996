"""PDFs of the briefing and the report: made by a task, stored, downloaded by members."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.logbook.report_rows import agreement, decision, meeting, progress
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.errors_reports import (
    ReportBusy,
    ReportDateInFuture,
    ReportPartyNotInProject,
)
from wijkkoers.logbook.models import ReportRun
from wijkkoers.logbook.pdf import render_document, render_pdf, static_file_for
from wijkkoers.logbook.services.reports import make_report, request_report
from wijkkoers.projects.services import add_party, create_project

pytestmark = pytest.mark.django_db

STEP = "helderheid-over-ambities"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_pdf_of_an_empty_project(alice, method):
    project = create_project(alice, name="Leeg", municipality="Nergens")

    for kind in ("rapport", "inwerkdossier"):
        pdf = render_pdf(project, kind, timezone.localdate())
        assert pdf.startswith(b"%PDF-")


def test_pdf_of_the_demo_project(method):
    from django.core.management import call_command

    from wijkkoers.projects.models import Project

    call_command("setup_demo", verbosity=0)
    project = Project.objects.order_by("-pk").first()

    pdf = render_pdf(project, "rapport", timezone.localdate())

    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 5000


def test_report_has_contents_with_page_numbers_and_dutch(project, alice, method):
    decision(project, "Warmtenet als voorkeur", date(2025, 3, 1), user=alice)
    agreement(project, "Enquête uitzetten", date(2025, 3, 1))
    meeting(project, "Startbijeenkomst", date(2025, 3, 1))
    progress(alice, project, STEP, "gestart", timezone.localdate(), note="Eerste **stap**")

    html = render_document(project, "rapport", timezone.localdate(), for_pdf=True)

    assert '<html lang="nl">' in html
    assert 'href="#besluiten"' in html
    assert "Warmtenet als voorkeur" in html
    assert "<strong>stap</strong>" in html  # the note as stored, rendered once
    assert "<svg" in html
    css = static_file_for("https://wijkkoers.invalid/static/logbook/print.css").read_text()
    assert "target-counter" in css
    assert "counter(pages)" in css
    assert "hyphens: auto" in css


def test_report_lists_each_agreement_on_one_line_with_owner_due_and_status(project, alice, method):
    party = add_party(alice, project, name="Woonstede", party_type="woningcorporatie")
    agreement(
        project, "Enquête uitzetten", date(2025, 3, 1), owner_party=party, due_on=date(2025, 4, 1)
    )
    agreement(project, "Flyers drukken", date(2025, 3, 1), status="afgerond")

    with translation.override("nl"):
        html = render_document(project, "rapport", timezone.localdate(), for_pdf=True)

    # Plain lines, no inline element for WeasyPrint to split (the briefing keeps bold titles).
    assert "<li>Enquête uitzetten — Woonstede · uiterlijk 1 april 2025 · open</li>" in html
    assert "<li>Flyers drukken — geen eigenaar · geen uiterste datum · afgerond</li>" in html
    css = static_file_for("https://wijkkoers.invalid/static/logbook/print.css").read_text()
    assert "list-style: none" in css  # no marker boxes for WeasyPrint to lay out


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/logbook/print.css",
        "file:///etc/passwd",
        "https://wijkkoers.invalid/media/x",
        "https://wijkkoers.invalid/static/../settings.py",
        "data:text/css,body{}",
    ],
)
def test_the_pdf_fetches_only_our_static_files(url):
    assert static_file_for(url) is None


def test_request_makes_the_pdf_and_audits(project, bob, method, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = request_report(bob, project, kind="rapport", as_of=timezone.localdate())

    run.refresh_from_db()
    assert run.status == "klaar"
    assert run.size > 0
    assert run.render_ms is not None
    assert run.file.read(5) == b"%PDF-"
    event = AuditEvent.objects.get(action="report.requested")
    assert event.actor == bob
    assert event.new["kind"] == "rapport"


def test_rules_of_a_request(project, alice, method):
    other = create_project(alice, name="Ander", municipality="X")
    foreign = add_party(alice, other, name="Elders", party_type="woningcorporatie")
    with pytest.raises(ReportDateInFuture):
        request_report(alice, project, kind="rapport", as_of=date(2200, 1, 1))
    with pytest.raises(ReportPartyNotInProject):
        request_report(
            alice, project, kind="inwerkdossier", as_of=timezone.localdate(), party=foreign
        )
    request_report(alice, project, kind="rapport", as_of=timezone.localdate())
    with pytest.raises(ReportBusy):
        request_report(alice, project, kind="rapport", as_of=timezone.localdate())
    assert ReportRun.objects.count() == 1


def test_a_failing_render_marks_the_run(project, alice, method, monkeypatch):
    run = request_report(alice, project, kind="rapport", as_of=timezone.localdate())

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("wijkkoers.logbook.pdf.render_pdf", broken)
    make_report(run.pk)

    run.refresh_from_db()
    assert run.status == "mislukt"
    assert not run.file


def test_make_and_download_through_the_pages(
    client, project, mila, method, django_capture_on_commit_callbacks
):
    client.force_login(mila)  # a meelezer may read the report, and so make its PDF
    url = reverse("logbook:make_pdf", args=[project.public_id])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"soort": "rapport", "datum": timezone.localdate()})

    run = ReportRun.objects.get()
    assert response.url == reverse("logbook:report_run", args=[project.public_id, run.public_id])
    page = client.get(response.url)
    assert "Download" in page.content.decode() or "download" in page.content.decode()
    download = client.get(
        reverse("logbook:report_download", args=[project.public_id, run.public_id])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_progress_page_polls_while_busy(client, project, bob, method):
    client.force_login(bob)
    run = request_report(bob, project, kind="rapport", as_of=timezone.localdate())  # not run
    url = reverse("logbook:report_run", args=[project.public_id, run.public_id])

    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})

    assert page["Refresh"] == "3"
    assert 'data-hx-trigger="every 2s"' in page.content.decode()
    assert fragment.content.decode().strip().startswith('<div id="pdf-status"')
    assert client.get(url + "download/").status_code == 404  # not ready yet


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rapport Wijk 2025-01-01", "Rapport Wijk 2025-01-01.pdf"),
        ("Rapport ../../etc/passwd", "Rapport .. .. etc passwd.pdf"),
        ("Rapport a\r\nSet-Cookie: x", "Rapport a Set-Cookie x.pdf"),
        ("Rapport “Zuid” é", "Rapport “Zuid” é.pdf"),
    ],
)
def test_download_names_are_safe(title, expected):
    from wijkkoers.logbook.views.reports import download_name

    assert download_name(title) == expected


def test_download_of_a_project_with_an_odd_name(
    client, alice, method, django_capture_on_commit_callbacks
):
    project = create_project(alice, name='Wijk "Zuid"\r\nX-Evil: 1 / ü', municipality="A")
    with django_capture_on_commit_callbacks(execute=True):
        run = request_report(alice, project, kind="rapport", as_of=timezone.localdate())
    client.force_login(alice)

    response = client.get(
        reverse("logbook:report_download", args=[project.public_id, run.public_id])
    )

    assert response.status_code == 200
    assert "\n" not in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_stuck_run_stops_blocking_after_a_while(client, project, bob, method):
    """A run whose worker died would block the same PDF forever; after STALE_AFTER the page
    says it failed, polling stops, and a new request is accepted."""
    run = request_report(bob, project, kind="rapport", as_of=timezone.localdate())  # not run
    long_ago = timezone.now() - ReportRun.STALE_AFTER - timedelta(minutes=1)
    ReportRun.objects.filter(pk=run.pk).update(requested_at=long_ago)
    client.force_login(bob)
    url = reverse("logbook:report_run", args=[project.public_id, run.public_id])

    page = client.get(url)

    assert "Refresh" not in page
    assert "duurde te lang" in page.content.decode()
    again = request_report(bob, project, kind="rapport", as_of=timezone.localdate())
    run.refresh_from_db()
    assert run.status == "mislukt"
    assert again.status == "wachtrij"


def test_a_recent_run_still_blocks_a_second_request(project, bob, method):
    request_report(bob, project, kind="rapport", as_of=timezone.localdate())
    with pytest.raises(ReportBusy):
        request_report(bob, project, kind="rapport", as_of=timezone.localdate())


@pytest.mark.parametrize(("language", "words"), [("nl", "Pagina 2 van"), ("en", "Page 2 of")])
def test_the_page_footer_speaks_the_documents_language(project, method, language, words):
    from weasyprint import HTML  # noqa: PLC0415

    from wijkkoers.logbook.pdf import BASE_URL, static_only_fetcher  # noqa: PLC0415

    with translation.override(language):
        html = render_document(project, "rapport", timezone.localdate(), for_pdf=True)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=static_only_fetcher()).render()

    footer = _margin_text(document.pages[1]._page_box)
    assert words in footer


def _margin_text(page_box) -> str:
    """The text WeasyPrint laid out in a page's margin boxes (header and footer)."""
    texts = []
    for margin in page_box.children[1:]:  # children[0] is the page's content
        for box in margin.descendants():
            if hasattr(box, "text"):
                texts.append(box.text)
    return " ".join(texts)
