"""The actions the audit trail knows: who owns them, how they read, how their values show.

Each app registers its own actions once, in its `AppConfig.ready()` (see
`projects/actions.py`): a group for the filter, a sentence ("%(actor)s changed the role of
%(object)s"), and per field a label and a way to show a stored value. The model stores only
the action code, so a new app adds actions without a migration here. Writing an action that
was never registered is an error outside production (`record_event` checks it).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display


class UnknownAction(LookupError):
    """An action code nobody registered: register it in the owning app's actions.py."""


@dataclass(frozen=True)
class Group:
    code: str
    label: str


@dataclass(frozen=True)
class Field:
    """How one value of an action reads: its label, and how a stored value is shown.

    `snapshot`, if given, turns the value into what is stored at write time (for example a
    code into {"id": code, "name": its name}), so the entry reads the same forever.
    """

    label: str
    show: Callable[[object], str] = display.text
    snapshot: Callable[[object], object] | None = None


@dataclass(frozen=True)
class Action:
    code: str
    group: str
    summary: str  # "%(actor)s ... %(object)s", translated
    fields: Mapping[str, Field] = field(default_factory=dict)

    def field(self, name: str) -> Field:
        return self.fields.get(name) or Field(label=name.replace("_", " "))


@dataclass(frozen=True)
class ObjectType:
    code: str
    describe: Callable[[models.Model], str]
    identify: Callable[[models.Model], str]


_groups: dict[str, Group] = {}
_actions: dict[str, Action] = {}
_object_types: dict[type, ObjectType] = {}

UNKNOWN = Action(code="", group="", summary=_("%(actor)s made a change to %(object)s"), fields={})


def register_group(code: str, label) -> Group:
    group = Group(code, label)
    if _groups.setdefault(code, group) is not group:
        raise ImproperlyConfigured(f"Audit group {code!r} is registered twice.")
    return group


def register_action(code: str, *, group: str, summary, fields: Mapping | None = None) -> Action:
    """Make an action known; `fields` maps a value's key to its Field."""
    if group not in _groups:
        raise ImproperlyConfigured(f"Audit action {code!r} names an unknown group {group!r}.")
    action = Action(code, group, summary, dict(fields or {}))
    if _actions.setdefault(code, action) is not action:
        raise ImproperlyConfigured(f"Audit action {code!r} is registered twice.")
    return action


def register_object_type(model: type, code: str, *, describe=str, identify=None) -> None:
    """How records of `model` are named in the trail: a type code, an id, a readable name."""
    _object_types[model] = ObjectType(code, describe, identify or _public_id)


def action(code: str, *, strict: bool = False) -> Action:
    """The registered action; an unknown one reads as "made a change" unless `strict`."""
    found = _actions.get(code)
    if found is None and strict:
        raise UnknownAction(code)
    return found or UNKNOWN


def groups() -> list[Group]:
    return list(_groups.values())


def actions_in(group: str) -> list[str]:
    return [code for code, found in _actions.items() if found.group == group]


def describe_object(obj) -> tuple[str, str, str]:
    """(type, id, readable name) of what an event is about; a string names itself."""
    if isinstance(obj, models.Model):
        kind = _object_types.get(type(obj)) or ObjectType(obj._meta.model_name, str, _public_id)
        return kind.code, kind.identify(obj), str(kind.describe(obj))
    return "", "", str(obj)


def _public_id(obj) -> str:
    return str(getattr(obj, "public_id", None) or obj.pk or "")


def fields_of(model: type, names, **overrides) -> dict[str, Field]:
    """Fields labelled with the model's own verbose names, shown by the model field's type.

    Choices show their label, dates the Dutch date, booleans yes/no, relations the name
    stored with them. `overrides` replace a name's Field.
    """
    result = {}
    for name in names:
        model_field = model._meta.get_field(name)
        result[name] = Field(label=model_field.verbose_name, show=_show_for(model_field))
    result.update(overrides)
    return result


def _show_for(model_field) -> Callable[[object], str]:
    if model_field.choices:
        return display.choice(model_field.choices)
    if isinstance(model_field, models.DateTimeField):
        return display.datetime
    if isinstance(model_field, models.DateField):
        return display.date
    if isinstance(model_field, models.BooleanField):
        return display.yes_no
    return display.text
