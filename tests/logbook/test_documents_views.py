"""Documents, links and search pages: who may see and do what, uploads through the form,
the download and its headers, the request body limit of the upload path."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import UserFactory
from tests.html import inline_code
from tests.logbook.documents_support import (
    CSV,
    PDF,
    PNG,
    stored_files,
    upload,
)
from wijkkoers.audit.models import AuditEvent
from wijkkoers.core.limits import MB
from wijkkoers.logbook.models import Document, Entry, Link
from wijkkoers.logbook.services.documents import add_link, upload_document
from wijkkoers.projects.services import close_project

STEP = "helderheid-over-ambities"


@pytest.fixture
def document(bob, project, method):
    return upload_document(bob, project, upload=upload("plan.pdf", PDF), title="Plan")


@pytest.fixture
def link(bob, project, method):
    return add_link(bob, project, title="Warmtevisie", url="https://example.org/warmte")


def url(name, project, *args):
    return reverse(f"logbook:{name}", args=[project.public_id, *args])


def read_urls(project, document, link):
    doc_id, link_id = document.entry.public_id, link.entry.public_id
    return [
        url("documents", project),
        url("document_add", project),
        url("document", project, doc_id),
        url("document_download", project, doc_id),
        url("links", project),
        url("link", project, link_id),
        url("search", project) + "?q=plan",
    ]


def writes(project, document, link):
    """(url, data) of every write, each of which would change the database."""
    doc_id, link_id = document.entry.public_id, link.entry.public_id
    return [
        (
            url("document_add", project),
            {"file": SimpleUploadedFile("n.pdf", PDF), "occurred_on": "2026-01-05"},
        ),
        (url("document_withdraw", project, doc_id), {"reason": "Verkeerd"}),
        (
            url("links", project),
            {"title": "Nieuw", "url": "https://example.org/", "occurred_on": "2026-01-05"},
        ),
        (url("link_withdraw", project, link_id), {"reason": "Verouderd"}),
    ]


def snapshot(project, media_root):
    entries = list(Entry.objects.filter(project=project).values_list("public_id", "withdrawn_at"))
    return entries, len(stored_files(media_root)), AuditEvent.objects.count()


# --- Permission matrix ----------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, project, document, link):
    for path in read_urls(project, document, link):
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/account/login/" in response["Location"], path


def test_a_stranger_gets_404_everywhere_and_changes_nothing(
    client, project, document, link, media_root
):
    client.force_login(UserFactory(name="Vreemde"))
    before = snapshot(project, media_root)
    for path in read_urls(project, document, link):
        assert client.get(path).status_code == 404, path
    for path, data in writes(project, document, link):
        assert client.post(path, data).status_code == 404, path
    assert snapshot(project, media_root) == before


def test_a_reader_reads_and_downloads_but_cannot_write(
    client, mila, project, document, link, media_root
):
    client.force_login(mila)
    for path in read_urls(project, document, link):
        expected = 404 if path.endswith("/toevoegen/") else 200
        assert client.get(path).status_code == expected, path
    before = snapshot(project, media_root)
    for path, data in writes(project, document, link):
        assert client.post(path, data).status_code == 404, path
    assert snapshot(project, media_root) == before
    page = client.get(url("documents", project)).content.decode()
    assert "Document toevoegen" not in page
    assert 'type="file"' not in page


def test_a_teamlid_adds_and_withdraws(client, bob, project, document, link, media_root):
    client.force_login(bob)
    for path, data in writes(project, document, link):
        response = client.post(path, data)
        assert response.status_code == 302, (path, response.content.decode()[:2000])
    assert Document.objects.count() == 2
    assert Link.objects.count() == 2
    assert Entry.objects.filter(withdrawn_at__isnull=False).count() == 2
    assert len(stored_files(media_root)) == 2


def test_a_closed_project_is_read_only(client, alice, project, document, link, media_root):
    close_project(alice, project, reason="Klaar")
    client.force_login(alice)
    for path in read_urls(project, document, link):
        expected = 404 if path.endswith("/toevoegen/") else 200
        assert client.get(path).status_code == expected, path
    before = snapshot(project, media_root)
    for path, data in writes(project, document, link):
        assert client.post(path, data).status_code == 404, path
    assert snapshot(project, media_root) == before


def test_malformed_or_foreign_ids_are_404(client, alice, project, document):
    client.force_login(alice)
    for bad in ["x", "a" * 12, "%00" * 4, document.entry.public_id[:-1] + "!"]:
        assert (
            client.get(f"/projecten/{project.public_id}/logboek/documenten/{bad}/").status_code
            == 404
        )
    link_id = document.entry.public_id  # a document's id is not a link
    assert client.get(url("link", project, link_id)).status_code == 404


# --- Upload through the form ----------------------------------------------------------------


def test_upload_form_stores_the_file_and_shows_it(client, bob, project, method):
    client.force_login(bob)
    response = client.post(
        url("document_add", project),
        {
            "file": SimpleUploadedFile("Notulen start.pdf", PDF),
            "title": "",
            "occurred_on": "2026-02-03",
            "steps": [STEP],
        },
        follow=True,
    )

    document = Document.objects.get()
    assert document.entry.title == "Notulen start.pdf"
    page = response.content.decode()
    assert "Notulen start.pdf" in page
    assert "is toegevoegd" in page
    assert not inline_code(page)


def test_a_refused_file_shows_a_dutch_message_and_keeps_the_input(
    client, bob, project, media_root, method
):
    client.force_login(bob)
    response = client.post(
        url("document_add", project),
        {
            "file": SimpleUploadedFile("plan.pdf", PNG),
            "title": "Mijn titel",
            "occurred_on": "2026-02-03",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "komt niet overeen" in page
    assert 'value="Mijn titel"' in page
    assert not Entry.objects.exists()
    assert not stored_files(media_root)


def test_the_step_in_the_query_string_is_preselected(client, bob, project, method):
    client.force_login(bob)
    page = client.get(url("documents", project) + f"?stap={STEP}").content.decode()

    assert f'<option value="{STEP}" selected>' in page


def test_a_bad_link_is_refused_at_its_field(client, bob, project, method):
    client.force_login(bob)
    response = client.post(
        url("links", project),
        {"title": "Kwaad", "url": "javascript:alert(1)", "occurred_on": "2026-02-03"},
    )

    assert response.status_code == 400
    assert "http://" in response.content.decode()
    assert not Link.objects.exists()


def test_withdrawal_without_a_reason_is_refused(client, bob, project, document):
    client.force_login(bob)
    response = client.post(url("document_withdraw", project, document.entry.public_id), {})

    assert response.status_code == 400
    document.entry.refresh_from_db()
    assert document.entry.withdrawn_at is None


def test_a_withdrawn_document_shows_why_and_can_still_be_downloaded(
    client, bob, mila, project, document
):
    client.force_login(bob)
    client.post(url("document_withdraw", project, document.entry.public_id), {"reason": "Oud"})
    client.force_login(mila)

    page = client.get(url("document", project, document.entry.public_id)).content.decode()
    assert "Ingetrokken" in page
    assert "Oud" in page
    assert (
        client.get(url("document_download", project, document.entry.public_id)).status_code == 200
    )


# --- Download -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "ascii_part", "encoded"),
    [
        ("plan.pdf", 'filename="plan.pdf"', "filename*=UTF-8''plan.pdf"),
        ("../../etc/passwd.pdf", 'filename="../../etc/passwd.pdf"', "%2F"),
        ('Besluit "definitief".pdf', 'filename="Besluit _definitief_.pdf"', "%22definitief%22"),
        ("café één.pdf", 'filename="caf_ __n.pdf"', "caf%C3%A9%20%C3%A9%C3%A9n.pdf"),
        ("a\r\nSet-Cookie: x=1.pdf", 'filename="a  Set-Cookie: x=1.pdf"', "a%20%20Set-Cookie"),
    ],
)
def test_download_is_an_attachment_with_a_safe_name_and_type(
    client, bob, mila, project, method, name, ascii_part, encoded
):
    document = upload_document(bob, project, upload=upload("x.pdf", PDF, "text/html"), name=name)
    client.force_login(mila)

    response = client.get(url("document_download", project, document.entry.public_id))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert ascii_part in disposition
    assert encoded in disposition
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert "Set-Cookie" not in {key for key, _value in response.items()}


def test_csv_is_served_as_csv_text(client, bob, project, method):
    document = upload_document(bob, project, upload=upload("woningen.csv", CSV, "text/html"))
    client.force_login(bob)

    response = client.get(url("document_download", project, document.entry.public_id))

    assert response["Content-Type"] == "text/csv; charset=utf-8"


# --- The request body limit -----------------------------------------------------------------


def test_the_upload_path_takes_25_mb_and_other_paths_do_not(client, bob, project, method):
    client.force_login(bob)
    data = PDF + b"%" * (25 * MB - len(PDF))

    response = client.post(
        url("document_add", project),
        {"file": SimpleUploadedFile("groot.pdf", data), "occurred_on": "2026-02-03"},
    )
    assert response.status_code == 302
    assert Document.objects.get().size == 25 * MB

    elsewhere = client.post(
        url("links", project),
        {"title": "x", "url": "https://example.org/", "bijlage": SimpleUploadedFile("g.pdf", data)},
    )
    assert elsewhere.status_code == 413


def test_a_body_over_the_limit_gets_the_413_page(client, bob, project, media_root, method):
    client.force_login(bob)
    data = b"%" * (27 * MB)

    response = client.post(
        url("document_add", project),
        {"file": SimpleUploadedFile("groot.pdf", data), "occurred_on": "2026-02-03"},
    )

    assert response.status_code == 413
    assert "groter dan 26 MB" in response.content.decode()
    assert not Entry.objects.exists()
    assert not stored_files(media_root)


def test_a_file_just_over_25_mb_is_refused_by_the_rule(client, bob, project, media_root, method):
    client.force_login(bob)
    data = PDF + b"%" * (25 * MB + 10 - len(PDF))

    response = client.post(
        url("document_add", project),
        {"file": SimpleUploadedFile("groot.pdf", data), "occurred_on": "2026-02-03"},
    )

    assert response.status_code == 400
    assert "groter dan 25 MB" in response.content.decode()
    assert not Entry.objects.exists()
    assert not stored_files(media_root)


def test_a_star_in_a_limit_prefix_stands_for_one_path_segment(settings):
    from wijkkoers.core.limits import body_limit

    settings.MAX_REQUEST_BODY_SIZE_BY_PATH = {"/projecten/*/logboek/documenten/toevoegen/": 26 * MB}

    assert body_limit("/projecten/abcDEF123_-x/logboek/documenten/toevoegen/") == 26 * MB
    assert body_limit("/projecten/a/b/logboek/documenten/toevoegen/") == 5 * MB
    assert body_limit("/projecten/abc/logboek/documenten/") == 5 * MB
    assert body_limit("/x/projecten/abc/logboek/documenten/toevoegen/") == 5 * MB
