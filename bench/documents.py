"""Bench data: 100 documents in the large project's logbook.

Written as `logbook.services.documents.upload_document` writes them (an Entry of kind
document with steps and a party, a Document with size and sha256, the stored file under a
random name through Django's storage, a "document.added" audit entry), but in bulk. The
files are the same tiny PDF, so the set costs well under a megabyte of disk.
"""

import hashlib
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.demo_documents import simple_pdf
from wijkkoers.logbook.models import Document, Entry, EntryKind, EntryStep, document_path

LARGE_DOCUMENTS = 100
TITLES = [
    "Verslag kernteam",
    "Notitie warmteopties",
    "Planning bewonersavond",
    "Presentatie stuurgroep",
    "Overzicht woningen per straat",
    "Brief aan bewoners",
]
BATCH = 2_000


def add_documents(generator, plan, count: int = LARGE_DOCUMENTS) -> int:
    """`count` documents in `plan`'s project (already written), with their audit entries."""
    rng, project = generator.rng, plan.project
    writers = [user for user, role in plan.team if role != "meelezer"]
    data = simple_pdf(["Benchgegevens: een verzonnen document."])
    digest = hashlib.sha256(data).hexdigest()
    entries, documents, steps, links, events = [], [], [], [], []
    for number in range(count):
        title = f"{rng.choice(TITLES)} {number + 1}"
        day = generator.now - timedelta(days=rng.randint(0, 700))
        entry = Entry(
            project=project,
            kind=EntryKind.DOCUMENT,
            title=title,
            occurred_on=day.date(),
            created_by=rng.choice(writers),
        )
        entries.append(entry)
    Entry.objects.bulk_create(entries, batch_size=BATCH)
    for entry in entries:
        document = Document(
            entry=entry,
            original_name=f"{entry.title}.pdf",
            content_type="application/pdf",
            size=len(data),
            sha256=digest,
        )
        document.file.name = default_storage.save(
            document_path(document, "upload"), ContentFile(data)
        )
        documents.append(document)
        keys = [step.key for step in rng.sample(generator.steps, 2)]
        steps += [EntryStep(entry=entry, project=project, step_key=key) for key in keys]
        party = rng.choice(plan.parties)
        links.append(Entry.parties.through(entry=entry, party=party))
        event = generator._event(
            plan,
            entry.created_by,
            "document.added",
            document,
            new={
                "title": entry.title,
                "occurred_on": entry.occurred_on,
                "steps": keys,
                "parties": [party],
                "original_name": document.original_name,
                "size": document.size,
            },
        )
        event.at = day
        events.append(event)
    Document.objects.bulk_create(documents, batch_size=BATCH)
    EntryStep.objects.bulk_create(steps, batch_size=BATCH)
    Entry.parties.through.objects.bulk_create(links, batch_size=BATCH)
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
    return count
