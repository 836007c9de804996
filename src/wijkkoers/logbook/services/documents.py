"""Documents and links in a project's logbook: add and withdraw, never delete.

A document is checked completely (size, allow-list, content by its bytes) before anything
is stored. Then, in one transaction: lock the project, check steps and parties, write the
file through Django's storage API under a random name, write the rows and the audit entry.
If anything fails after the file was written, the file is deleted again, so there is never
a stored file without its row, nor a row without its file.
"""

import hashlib
import unicodedata
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from wijkkoers.audit.services import record_event
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
from wijkkoers.logbook.models import Document, Entry, EntryKind, EntryStep, Link
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import Project
from wijkkoers.projects.services import lock_open_project

DOCUMENT_FIELDS = ["title", "occurred_on", "original_name", "size", "steps", "parties"]
LINK_FIELDS = ["title", "occurred_on", "url", "steps", "parties"]
_url_validator = URLValidator(schemes=["http", "https"])


def display_name(name: str) -> str:
    """The file name as given, for display only: control characters (CR, LF, NUL) become
    spaces, so it can never break a header or a line; path parts and quotes stay."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char
        for char in name or ""
    )
    return cleaned.strip()[:255] or "document"


def check_upload(upload, name: str) -> filetypes.FileKind:
    """Size, allow-list and content of an upload, before anything is stored."""
    if upload is None:
        raise FileMissing
    if upload.size > filetypes.MAX_DOCUMENT_SIZE:
        raise FileTooLarge
    if upload.size == 0:
        raise FileEmpty
    try:
        return filetypes.sniff(upload, name)
    except filetypes.NotAllowed:
        raise FileTypeNotAllowed from None
    except filetypes.Mismatch:
        label = filetypes.KINDS[filetypes.extension_of(name)].label
        raise FileContentMismatch(label=label) from None


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _checked_steps(step_keys) -> list[str]:
    keys = list(dict.fromkeys(step_keys or ()))
    steps = get_catalogue().steps
    if any(key not in steps for key in keys):
        raise StepNotInMethod
    return keys


def _checked_parties(project: Project, parties) -> list:
    parties = list(dict.fromkeys(parties or ()))
    if any(party.project_id != project.pk for party in parties):
        raise PartyNotOfProject
    return parties


def _entry(actor, project, kind, *, title, occurred_on, step_keys, parties) -> Entry:
    entry = Entry.objects.create(
        project=project,
        kind=kind,
        title=title.strip()[:300],
        occurred_on=occurred_on or timezone.localdate(),
        created_by=actor,
    )
    EntryStep.objects.bulk_create(
        [EntryStep(entry=entry, project=project, step_key=key) for key in step_keys]
    )
    if parties:
        entry.parties.set(parties)
    return entry


def _audit_values(entry: Entry, step_keys, parties, **extra) -> dict:
    return {
        "title": entry.title,
        "occurred_on": entry.occurred_on,
        "steps": list(step_keys),
        "parties": list(parties),
        **extra,
    }


def upload_document(
    actor,
    project: Project,
    *,
    upload,
    title: str = "",
    occurred_on: date | None = None,
    step_keys=(),
    parties=(),
    name: str | None = None,
) -> Document:
    """Add a file to the logbook. `name` is the file name as the user gave it (defaults to
    the upload's own); it is shown and offered on download, never used as a path.

    Refused before storage: no file, empty, over 25 MB, not on the allow-list, content not
    what the name says. Side effects: the stored file, an Entry (kind document) with steps
    and parties, a Document with size and sha256; audit "document.added".
    """
    original = display_name(name if name is not None else getattr(upload, "name", ""))
    kind = check_upload(upload, original)
    digest = _sha256(upload)
    stored = None
    try:
        with transaction.atomic():
            project = lock_open_project(project)
            step_keys = _checked_steps(step_keys)
            parties = _checked_parties(project, parties)
            entry = _entry(
                actor,
                project,
                EntryKind.DOCUMENT,
                title=title.strip() or original,
                occurred_on=occurred_on,
                step_keys=step_keys,
                parties=parties,
            )
            document = Document(
                entry=entry,
                original_name=original,
                content_type=kind.content_type,
                size=upload.size,
                sha256=digest,
            )
            # upload_to gives a random name; the user's name never reaches the storage.
            document.file.save("upload", upload, save=False)
            stored = document.file.name
            document.save()
            record_event(
                project=project,
                actor=actor,
                action="document.added",
                obj=document,
                new=_audit_values(
                    entry, step_keys, parties, original_name=original, size=upload.size
                ),
            )
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return document


def add_link(
    actor,
    project: Project,
    *,
    title: str,
    url: str,
    occurred_on: date | None = None,
    step_keys=(),
    parties=(),
) -> Link:
    """Add a web address to the logbook: http or https only (no javascript:, data:, ...).

    Side effects: an Entry (kind link) with steps and parties, a Link; audit "link.added".
    """
    url = (url or "").strip()
    try:
        _url_validator(url)
    except ValidationError:
        raise LinkNotAllowed from None
    with transaction.atomic():
        project = lock_open_project(project)
        step_keys = _checked_steps(step_keys)
        parties = _checked_parties(project, parties)
        entry = _entry(
            actor,
            project,
            EntryKind.LINK,
            title=title.strip() or url,
            occurred_on=occurred_on,
            step_keys=step_keys,
            parties=parties,
        )
        link = Link.objects.create(entry=entry, url=url)
        record_event(
            project=project,
            actor=actor,
            action="link.added",
            obj=link,
            new=_audit_values(entry, step_keys, parties, url=url),
        )
    return link


def _withdraw(actor, obj, *, reason: str, action: str):
    reason = (reason or "").strip()
    if not reason:
        raise WithdrawalReasonMissing
    entry = obj.entry
    with transaction.atomic():
        lock_open_project(entry.project)
        current = Entry.objects.get(pk=entry.pk)
        if current.withdrawn_at is not None:
            raise AlreadyWithdrawn
        entry.withdrawn_at = timezone.now()
        entry.withdrawn_by = actor
        entry.withdrawal_reason = reason[:1000]
        entry.save(
            update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"]
        )
        record_event(
            project=entry.project,
            actor=actor,
            action=action,
            obj=obj,
            new={"reason": entry.withdrawal_reason},
        )
    return obj


def withdraw_document(actor, document: Document, *, reason: str) -> Document:
    """Mark a document withdrawn, with a reason; the file and its row stay (nothing is lost).

    Side effects: the entry's withdrawn_at/by/reason; audit "document.withdrawn".
    """
    return _withdraw(actor, document, reason=reason, action="document.withdrawn")


def withdraw_link(actor, link: Link, *, reason: str) -> Link:
    """Mark a link withdrawn, with a reason; it stays readable as withdrawn.

    Side effects: the entry's withdrawn_at/by/reason; audit "link.withdrawn".
    """
    return _withdraw(actor, link, reason=reason, action="link.withdrawn")
