import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from wijkkoers.audit import registry
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
    """Write one audit entry. Call it inside the transaction of the change it records.

    `action` must be registered (`audit.registry.register_action`); outside production an
    unknown action raises UnknownAction, so a new app cannot forget to say how it reads.
    Values are stored as JSON: dates as ISO text, lists as lists, records (people,
    organisations) as {"id", "name"} with the name as it was.
    """
    from wijkkoers.projects import freshness

    spec = registry.action(action, strict=not getattr(settings, "PRODUCTION", False))
    object_type, object_id, object_repr = registry.describe_object(obj)
    if project is not None:
        freshness.bump_unless_written(project)  # the trail shows it: what was cached is stale
    return AuditEvent.objects.create(
        project=project,
        actor=actor,
        actor_name=_name_of(actor)[:150],
        action=action,
        object_type=object_type,
        object_id=object_id[:200],
        object_repr=object_repr[:300],
        old=_stored(spec, old or {}),
        new=_stored(spec, new or {}),
    )


def _name_of(record) -> str:
    if record is None:
        return ""
    return str(getattr(record, "display_name", None) or record)


def _stored(spec: registry.Action, values: dict) -> dict:
    """Values as they will read forever: snapshots taken, records named, then plain JSON."""
    prepared = {}
    for key, value in values.items():
        snapshot = spec.fields[key].snapshot if key in spec.fields else None
        prepared[key] = _plain(snapshot(value) if snapshot and value not in (None, "") else value)
    return json.loads(json.dumps(prepared, cls=DjangoJSONEncoder))


def _plain(value):
    if isinstance(value, models.Model):
        return {"id": str(getattr(value, "public_id", None) or value.pk), "name": _name_of(value)}
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(item) for item in value), key=str)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
