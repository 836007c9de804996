"""Logbook rows made directly through the models, with the moments they were recorded.

The report tests need a past: a decision recorded in March and replaced in May. The write
services stamp "now", so these helpers write the rows and then set their recording times.
"""

from datetime import date, datetime, time

from django.utils import timezone

from wijkkoers.audit.models import AuditEvent
from wijkkoers.logbook.models import (
    Agreement,
    AgreementRevision,
    Decision,
    DecisionRevision,
    Document,
    Entry,
    EntryKind,
    EntryStep,
    Meeting,
)
from wijkkoers.projects.services import ProgressChange, set_step_progress


def moment(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _entry(project, kind, title, day, *, user=None, steps=(), parties=(), status=""):
    entry = Entry.objects.create(
        project=project, kind=kind, title=title, occurred_on=day, status=status, created_by=user
    )
    Entry.objects.filter(pk=entry.pk).update(created_at=moment(day))
    entry.refresh_from_db()
    for key in steps:
        EntryStep.objects.create(entry=entry, project=project, step_key=key)
    entry.parties.set(parties)
    return entry


def decision(project, title, day, *, user=None, status="genomen", steps=(), parties=()):
    entry = _entry(
        project,
        EntryKind.DECISION,
        title,
        day,
        user=user,
        steps=steps,
        parties=parties,
        status=status,
    )
    detail = Decision.objects.create(entry=entry)
    revise_decision(detail, day, title=title, status=status, user=user)
    return detail


def revise_decision(detail, day, *, title=None, status="genomen", user=None, reason=""):
    number = detail.revisions.count() + 1
    revision = DecisionRevision.objects.create(
        decision=detail,
        number=number,
        title=title or detail.entry.title,
        text="Tekst",
        text_html="<p>Tekst</p>",
        status=status,
        decided_on=detail.entry.occurred_on,
        change_reason=reason,
        created_by=user,
    )
    DecisionRevision.objects.filter(pk=revision.pk).update(created_at=moment(day))
    Decision.objects.filter(pk=detail.pk).update(current=revision)
    Entry.objects.filter(pk=detail.pk).update(title=revision.title, status=status)
    return revision


def agreement(project, title, day, *, user=None, owner_party=None, due_on=None, status="open"):
    entry = _entry(project, EntryKind.AGREEMENT, title, day, user=user, status=status)
    detail = Agreement.objects.create(entry=entry)
    revise_agreement(detail, day, status=status, owner_party=owner_party, due_on=due_on)
    return detail


def revise_agreement(detail, day, *, status, owner_party=None, due_on=None, reason=""):
    number = detail.revisions.count() + 1
    revision = AgreementRevision.objects.create(
        agreement=detail,
        number=number,
        title=detail.entry.title,
        made_on=detail.entry.occurred_on,
        due_on=due_on,
        owner_party=owner_party,
        status=status,
        status_reason=reason,
    )
    AgreementRevision.objects.filter(pk=revision.pk).update(created_at=moment(day))
    Agreement.objects.filter(pk=detail.pk).update(current=revision)
    Entry.objects.filter(pk=detail.pk).update(status=status)
    return revision


def meeting(project, title, day, *, user=None, kind="startbijeenkomst", parties=()):
    entry = _entry(project, EntryKind.MEETING, title, day, user=user, parties=parties)
    return Meeting.objects.create(entry=entry, kind=kind, place="Buurthuis")


def document(project, title, day, *, user=None):
    entry = _entry(project, EntryKind.DOCUMENT, title, day, user=user)
    return Document.objects.create(
        entry=entry,
        file="logbook/test/x",
        original_name=f"{title}.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )


def withdraw(entry, day, reason="Niet meer nodig"):
    Entry.objects.filter(pk=entry.pk).update(withdrawn_at=moment(day), withdrawal_reason=reason)


def progress(user, project, step_key, status, day, *, version=None, subproject=None, **extra):
    """Set a step's status through the service, then move its audit event to `day`."""
    from wijkkoers.projects.models import StepProgress

    row = StepProgress.objects.filter(
        project=project, step_key=step_key, subproject=subproject
    ).first()
    result = set_step_progress(
        user,
        project,
        step_key,
        ProgressChange(status=status, **extra),
        expected_version=row.version if row else 0,
        subproject=subproject,
    )
    event = AuditEvent.objects.filter(project=project, action="progress.changed").latest("id")
    AuditEvent.objects.filter(pk=event.pk).update(at=moment(day))
    return result
