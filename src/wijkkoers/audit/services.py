from django.db import models

from wijkkoers.audit.models import AuditEvent


def record_event(
    *,
    project,
    actor,
    action: str,
    obj: models.Model | str,
    old: dict | None = None,
    new: dict | None = None,
) -> AuditEvent:
    """Write one audit entry. Call it inside the transaction of the change it records."""
    object_id = str(getattr(obj, "public_id", getattr(obj, "pk", "")) or "")
    return AuditEvent.objects.create(
        project=project,
        actor=actor,
        kind=_kind_of(action),
        action=action,
        object_repr=str(obj)[:300],
        object_id=object_id,
        old=_jsonable(old or {}),
        new=_jsonable(new or {}),
    )


def _jsonable(values: dict) -> dict:
    """Dates, users and choices become plain text, so the entry reads the same forever."""
    return {
        key: (value if isinstance(value, (str, int, float, bool, type(None))) else str(value))
        for key, value in values.items()
    }


_KIND_BY_PREFIX = {
    "project": AuditEvent.Kind.PROJECT,
    "neighbourhood": AuditEvent.Kind.PROJECT,
    "subproject": AuditEvent.Kind.PROJECT,
    "party": AuditEvent.Kind.PROJECT,
    "member": AuditEvent.Kind.MEMBERSHIP,
    "invitation": AuditEvent.Kind.INVITATION,
    "progress": AuditEvent.Kind.PROGRESS,
}


def _kind_of(action: str) -> str:
    return _KIND_BY_PREFIX[action.split(".", 1)[0]]
