"""The project's audit trail, oldest first, with the project's own ids made local.

An event names its object by (type, id) and may hold records as {"id", "name"}; where that
id is one of the exported objects it is written as "@<local id>" (for a step's progress of
a sub-project: "<step key>:@subproject-1"), and an import writes the new object's id there.
Ids of things no longer in the project (a removed party) stay as they were: they are only
shown by the name stored beside them. Events of exporting and importing themselves belong
to the installation where they happened and are left out (see docs/export-schema.md).
"""

from django.utils.translation import gettext as _

from wijkkoers.audit.models import AuditEvent
from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import create_all

OWN_ACTIONS = ("project.exported", "project.imported")
EVENT_FIELDS = ("at", "action", "actor_name", "object_type")
TEXT_FIELDS = ("object_repr",)
MARK = "@"


def dump(project, ctx) -> dict:
    events = (
        AuditEvent.objects.filter(project=project)
        .exclude(action__in=OWN_ACTIONS)
        .select_related("actor")
        .order_by("at", "pk")
    )
    return {"events": [_event(ctx, event) for event in events]}


def _event(ctx, event) -> dict:
    return {
        "at": event.at,
        "action": event.action,
        "actor": ctx.person(event.actor),
        "actor_name": event.actor_name,
        "object_type": event.object_type,
        "object_id": _local_object_id(ctx, event.object_type, event.object_id),
        "object_repr": event.object_repr,
        "old": _local_values(ctx, event.old),
        "new": _local_values(ctx, event.new),
    }


def _local_object_id(ctx, object_type: str, object_id: str) -> str:
    typed = ctx.typed_ids.get((object_type, object_id))
    if typed:
        return MARK + typed
    return ":".join(
        MARK + ctx.public_ids[part] if part in ctx.public_ids else part
        for part in object_id.split(":")
    )


def _local_values(ctx, value):
    if isinstance(value, dict):
        result = {key: _local_values(ctx, item) for key, item in value.items()}
        if isinstance(value.get("id"), str) and value["id"] in ctx.public_ids:
            result["id"] = MARK + ctx.public_ids[value["id"]]
        return result
    if isinstance(value, list):
        return [_local_values(ctx, item) for item in value]
    return value


def check(data, ctx) -> None:
    for index, item in enumerate(ctx.items(data, "events", "audit")):
        at = f"audit.events[{index}]"
        ctx.reference(f"{at}.actor", item.get("actor"), "person")
        if not isinstance(item.get("action"), str) or not isinstance(item.get("object_id"), str):
            ctx.problem(at, _("an event needs an action and an object."))
        for name in ("old", "new"):
            if not isinstance(item.get(name, {}), dict):
                ctx.problem(f"{at}.{name}", _("a set of values was expected."))


def load(data, ctx) -> None:
    events = []
    for index, item in enumerate(data.get("events", [])):
        event = AuditEvent(
            project=ctx.project,
            actor=ctx.user(item.get("actor")),
            actor_name=item.get("actor_name", ""),
            action=item.get("action"),
            object_type=item.get("object_type", ""),
            object_id=_installation_id(ctx, item.get("object_id", "")),
            object_repr=item.get("object_repr", ""),
            old=_installation_values(ctx, item.get("old", {})),
            new=_installation_values(ctx, item.get("new", {})),
        )
        event.at = item.get("at")
        events.append(ctx.validated(f"audit.events[{index}]", event))
    create_all(ctx, AuditEvent, events)


def _new_id(ctx, part: str) -> str:
    if not part.startswith(MARK):
        return part
    local = part[len(MARK) :]
    if local in ctx.imported_ids:
        return ctx.imported_ids[local]
    obj = ctx.obj(local)
    if obj is None:  # a person: the trail names people by their account's id here
        user = ctx.user(local)
        return str(user.pk) if user is not None else ""
    return str(getattr(obj, "public_id", None) or obj.pk)


def _installation_id(ctx, object_id: str) -> str:
    return ":".join(_new_id(ctx, part) for part in object_id.split(":"))


def _installation_values(ctx, value):
    if isinstance(value, dict):
        result = {key: _installation_values(ctx, item) for key, item in value.items()}
        if isinstance(value.get("id"), str):
            result["id"] = _new_id(ctx, value["id"])
        return result
    if isinstance(value, list):
        return [_installation_values(ctx, item) for item in value]
    return value


def register() -> None:
    register_section(Section(key="audit", order=1000, dump=dump, check=check, load=load))
