"""Every rule of documents and links, on the services."""

import re
from datetime import date
from unittest import mock

import pytest
from django.core.files.base import ContentFile

from tests.logbook.documents_support import (
    ALLOWED,
    CSV,
    EXE,
    GIF,
    OLE2,
    PDF,
    PLAIN_ZIP,
    PNG,
    ooxml,
    stored_files,
    upload,
)
from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook import filetypes
from wijkkoers.logbook.errors_documents import (
    AlreadyWithdrawn,
    FileContentMismatch,
    FileEmpty,
    FileMissing,
    FileTooLarge,
    FileTypeNotAllowed,
    LinkNotAllowed,
    PartyNotOfProject,
    StepNotInMethod,
    WithdrawalReasonMissing,
)
from wijkkoers.logbook.models import Document, Entry, EntryKind, Link
from wijkkoers.logbook.services.documents import (
    add_link,
    display_name,
    upload_document,
    withdraw_document,
    withdraw_link,
)
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import add_party, close_project, create_project

STEP = "helderheid-over-ambities"


@pytest.fixture
def party(alice, project, method):
    return add_party(alice, project, name="Woningcorporatie Thuis", party_type="woningcorporatie")


def nothing_written(project, media_root) -> bool:
    return not Entry.objects.filter(project=project).exists() and not stored_files(media_root)


# --- Types, by content ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ALLOWED))
def test_every_allowed_kind_is_accepted_and_stored_with_its_safe_type(bob, project, name, method):
    document = upload_document(bob, project, upload=upload(name, ALLOWED[name], "text/html"))

    kind = filetypes.KINDS[filetypes.extension_of(name)]
    assert document.content_type == kind.content_type  # not what the browser said
    assert document.original_name == name
    assert document.entry.kind == EntryKind.DOCUMENT
    assert document.file.read() == ALLOWED[name]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plan.pdf", PNG),  # a PNG named .pdf
        ("notulen.docx", EXE),  # a program renamed .docx
        ("notulen.docx", PLAIN_ZIP),  # a zip that is not OOXML
        ("notulen.docx", ooxml("xl")),  # an Excel file named .docx
        ("notulen.odt", PLAIN_ZIP),
        ("kaart.png", GIF),
        ("oud.doc", PDF),
        ("plan.pdf", OLE2),
        ("woningen.csv", b"a;b\n\x00\x01binary"),  # NUL bytes
        ("woningen.csv", b"caf\xe9;latin-1\n"),  # not UTF-8
        ("woningen.csv", PNG),
        ("verslag.txt", EXE),
    ],
)
def test_content_that_does_not_match_its_name_is_refused_before_storage(
    bob, project, media_root, name, data, method
):
    with pytest.raises(FileContentMismatch) as refused:
        upload_document(bob, project, upload=upload(name, data))

    assert refused.value.field == "file"
    assert "niet" in str(refused.value) or "not" in str(refused.value)
    assert nothing_written(project, media_root)


@pytest.mark.parametrize(
    "name", ["setup.exe", "script.js", "pagina.html", "geen-extensie", "x.zip"]
)
def test_kinds_off_the_allow_list_are_refused(bob, project, media_root, name, method):
    with pytest.raises(FileTypeNotAllowed):
        upload_document(bob, project, upload=upload(name, PDF))

    assert nothing_written(project, media_root)


# --- Sizes ----------------------------------------------------------------------------------


def test_a_file_over_25_mb_is_refused(bob, project, media_root, method):
    big = ContentFile(b"a" * (filetypes.MAX_DOCUMENT_SIZE + 1), name="groot.txt")

    with pytest.raises(FileTooLarge):
        upload_document(bob, project, upload=big)

    assert nothing_written(project, media_root)


def test_a_file_of_exactly_25_mb_is_taken(bob, project, method):
    data = PDF + b"%" * (filetypes.MAX_DOCUMENT_SIZE - len(PDF))

    document = upload_document(bob, project, upload=ContentFile(data, name="groot.pdf"))

    assert document.size == filetypes.MAX_DOCUMENT_SIZE


def test_an_empty_file_or_none_is_refused(bob, project, method):
    with pytest.raises(FileEmpty):
        upload_document(bob, project, upload=upload("leeg.txt", b""))
    with pytest.raises(FileMissing):
        upload_document(bob, project, upload=None)


def test_size_and_sha256_are_recorded(bob, project, method):
    import hashlib

    document = upload_document(bob, project, upload=upload("woningen.csv", CSV))

    assert document.size == len(CSV)
    assert document.sha256 == hashlib.sha256(CSV).hexdigest()


# --- Names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.pdf",
        "..\\..\\windows\\system32.pdf",
        "/absoluut/pad.pdf",
        "Besluit “wijkaanpak” 'definitief'.pdf",
        "Overzicht café – één.pdf",
        "warmte 🔥 plan.pdf",
    ],
)
def test_odd_names_are_kept_for_display_and_never_used_as_a_path(
    bob, project, media_root, name, method
):
    document = upload_document(bob, project, upload=upload("x.pdf", PDF), name=name)

    assert document.original_name == name
    assert document.entry.title == name
    # The stored path is the project's folder and a random token, nothing from the name
    # (the token is random, so a check like "etc not in path" would fail now and then).
    assert re.fullmatch(
        rf"logbook/{re.escape(project.public_id)}/[A-Za-z0-9_-]{{12}}", document.file.name
    )
    (stored,) = stored_files(media_root)
    assert stored.resolve().is_relative_to(media_root.resolve())
    assert stored.suffix == ""  # a random name: nothing from the user's name


def test_control_characters_in_a_name_become_spaces():
    assert display_name("plan\r\nSet-Cookie: x.pdf") == "plan  Set-Cookie: x.pdf"
    assert display_name("a\x00b.pdf") == "a b.pdf"
    assert display_name("\n") == "document"


def test_the_extension_of_a_name_with_control_characters_still_counts(bob, project, method):
    document = upload_document(bob, project, upload=upload("x", PDF), name="plan\r\n.pdf")

    assert document.original_name == "plan  .pdf"


# --- Title, date, steps, parties ------------------------------------------------------------


def test_title_date_steps_and_parties_are_recorded_and_audited(bob, project, party, method):
    document = upload_document(
        bob,
        project,
        upload=upload("plan.pdf", PDF),
        title="  Plan van aanpak  ",
        occurred_on=date(2026, 3, 1),
        step_keys=[STEP, STEP],
        parties=[party],
    )

    entry = document.entry
    assert entry.title == "Plan van aanpak"
    assert entry.occurred_on == date(2026, 3, 1)
    assert list(entry.steps.values_list("step_key", flat=True)) == [STEP]
    assert list(entry.parties.all()) == [party]
    assert entry.created_by == bob
    event = AuditEvent.objects.get(action="document.added")
    assert event.object_id == entry.public_id
    assert event.new["original_name"] == "plan.pdf"
    assert event.new["steps"][0]["id"] == STEP
    assert event.new["parties"][0]["name"] == party.name


def test_an_unknown_step_is_refused_and_nothing_is_stored(bob, project, media_root, method):
    with pytest.raises(StepNotInMethod):
        upload_document(bob, project, upload=upload("plan.pdf", PDF), step_keys=["bestaat-niet"])

    assert nothing_written(project, media_root)


def test_another_projects_party_is_refused(alice, bob, project, media_root, method):
    other = create_project(alice, name="Ander project", municipality="Elders")
    stranger = add_party(alice, other, name="Gemeente Elders", party_type="gemeente")

    with pytest.raises(PartyNotOfProject):
        upload_document(bob, project, upload=upload("plan.pdf", PDF), parties=[stranger])
    with pytest.raises(PartyNotOfProject):
        add_link(bob, project, title="x", url="https://example.org/", parties=[stranger])

    assert nothing_written(project, media_root)


# --- Nothing half-written -------------------------------------------------------------------


def test_a_failure_after_storing_removes_the_stored_file(bob, project, media_root, method):
    with (
        mock.patch(
            "wijkkoers.logbook.services.documents.record_event", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        upload_document(bob, project, upload=upload("plan.pdf", PDF))

    assert nothing_written(project, media_root)
    assert not Document.objects.exists()


def test_a_closed_project_takes_no_document_and_stores_nothing(
    alice, bob, project, media_root, method
):
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        upload_document(bob, project, upload=upload("plan.pdf", PDF))
    with pytest.raises(ProjectClosed):
        add_link(bob, project, title="Site", url="https://example.org/")

    assert nothing_written(project, media_root)


# --- Links ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://example.org/plan.pdf",
        "file:///etc/passwd",
        "example.org",
        "https://",
        "",
    ],
)
def test_only_http_and_https_links_are_taken(bob, project, url, method):
    with pytest.raises(LinkNotAllowed) as refused:
        add_link(bob, project, title="Link", url=url)

    assert refused.value.field == "url"
    assert not Link.objects.exists()


def test_a_link_is_recorded_and_audited(bob, project, method):
    link = add_link(
        bob, project, title="Warmtevisie", url=" https://example.org/warmte ", step_keys=[STEP]
    )

    assert link.url == "https://example.org/warmte"
    assert link.entry.kind == EntryKind.LINK
    assert AuditEvent.objects.filter(action="link.added", object_id=link.entry.public_id).exists()


# --- Withdrawal -----------------------------------------------------------------------------


def test_withdrawing_needs_a_reason_and_keeps_the_file(bob, project, media_root, method):
    document = upload_document(bob, project, upload=upload("plan.pdf", PDF))

    with pytest.raises(WithdrawalReasonMissing):
        withdraw_document(bob, document, reason="   ")
    withdraw_document(bob, document, reason="Verkeerde versie")

    document.refresh_from_db()
    assert document.entry.withdrawn_at is not None
    assert document.entry.withdrawn_by == bob
    assert document.entry.withdrawal_reason == "Verkeerde versie"
    assert len(stored_files(media_root)) == 1
    assert document.file.read() == PDF
    event = AuditEvent.objects.get(action="document.withdrawn")
    assert event.new == {"reason": "Verkeerde versie"}


def test_withdrawing_twice_is_refused(bob, project, method):
    link = add_link(bob, project, title="Site", url="https://example.org/")
    withdraw_link(bob, link, reason="Verouderd")

    with pytest.raises(AlreadyWithdrawn):
        withdraw_link(bob, link, reason="Nog eens")

    assert AuditEvent.objects.filter(action="link.withdrawn").count() == 1


def test_withdrawal_in_a_closed_project_is_refused(alice, bob, project, method):
    link = add_link(bob, project, title="Site", url="https://example.org/")
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        withdraw_link(bob, link, reason="Verouderd")

    link.entry.refresh_from_db()
    assert link.entry.withdrawn_at is None
