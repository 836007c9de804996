"""What the sections share while a project is exported or imported: local ids and people.

Local ids ("party-3") replace installation ids in the document: they are given in the
order the sections write their objects (each in a stable order), so exporting a freshly
imported project gives every object the same local id again. People are "person-N" in
order of first mention, with their name and e-mail address.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _


class ExportContext:
    def __init__(self, project):
        self.project = project
        self._by_key: dict[tuple, str] = {}
        self._counters: dict[str, int] = {}
        self.people: dict[int, dict] = {}  # user pk -> {"id", "name", "email"}
        self.files: list[tuple[str, str]] = []  # (name in the zip, name in the storage)
        # Installation ids as the audit trail writes them -> local ids (see sections/audit).
        self.public_ids: dict[str, str] = {}
        self.typed_ids: dict[tuple[str, str], str] = {}

    def local(self, kind: str, obj: models.Model) -> str:
        """The object's local id, given now if it has none yet."""
        key = (obj._meta.label, obj.pk)
        if key not in self._by_key:
            number = self._counters.get(kind, 0) + 1
            self._counters[kind] = number
            self._by_key[key] = local = f"{kind}-{number}"
            if public_id := getattr(obj, "public_id", None):
                self.public_ids[str(public_id)] = local
        return self._by_key[key]

    def ref(self, model: type, pk) -> str | None:
        """The local id of an object a section wrote before (by model and pk), or None."""
        return self._by_key.get((model._meta.label, pk)) if pk is not None else None

    def alias(self, object_type: str, object_id: str, local: str) -> None:
        """The audit trail names this object by (type, id) rather than its public id."""
        self.typed_ids[(object_type, object_id)] = local

    def person(self, user) -> str | None:
        if user is None:
            return None
        if user.pk not in self.people:
            local = f"person-{len(self.people) + 1}"
            self.people[user.pk] = {"id": local, "name": user.name, "email": user.email}
            self.typed_ids[("person", str(user.pk))] = local
        return self.people[user.pk]["id"]

    def add_file(self, local: str, storage_name: str) -> str:
        name = f"files/{local}"
        self.files.append((name, storage_name))
        return name


@dataclass
class Problem:
    where: str
    text: str

    def __str__(self):
        return f"{self.where}: {self.text}" if self.where else self.text


@dataclass
class ImportContext:
    actor: object
    step_keys: frozenset
    archive: object = None  # the zipfile.ZipFile, or None for a bare project.json
    project: object = None
    problems: list = field(default_factory=list)
    defined: dict = field(default_factory=dict)  # local id -> kind, filled by check()
    objects: dict = field(default_factory=dict)  # local id -> new object, filled by load()
    users: dict = field(default_factory=dict)  # person local id -> User or None
    people: dict = field(default_factory=dict)  # person local id -> {"name", "email"}
    stored_files: list = field(default_factory=list)  # storage names, deleted on failure
    imported_ids: dict = field(default_factory=dict)  # local id -> installation id (audit)

    # --- check ---------------------------------------------------------------------------

    def problem(self, where: str, text) -> None:
        self.problems.append(Problem(where, str(text)))

    def define(self, where: str, item, kind: str) -> str | None:
        """Note the local id an item defines; a missing or repeated id is a problem."""
        local = item.get("id") if isinstance(item, dict) else None
        if not isinstance(local, str) or not local:
            self.problem(where, _("the item has no id."))
            return None
        if local in self.defined:
            self.problem(where, _("the id %(id)s is used twice.") % {"id": local})
            return None
        self.defined[local] = kind
        return local

    def reference(self, where: str, value, kind: str, *, optional: bool = True) -> None:
        """A reference must name an item of `kind` defined earlier in the document."""
        if value is None and optional:
            return
        if not isinstance(value, str) or self.defined.get(value) != kind:
            self.problem(where, _("refers to %(id)s, which is not in the file.") % {"id": value})

    def references(self, where: str, values, kind: str) -> None:
        if not isinstance(values, list):
            self.problem(where, _("a list was expected."))
            return
        for value in values:
            self.reference(where, value, kind, optional=False)

    def step(self, where: str, key) -> None:
        if not isinstance(key, str) or key not in self.step_keys:
            self.problem(
                where, _("the step %(key)s is not in this installation's method.") % {"key": key}
            )

    def items(self, data, name: str, where: str) -> list:
        """The list `data[name]` of dicts; anything else is a problem and reads as empty."""
        value = data.get(name, []) if isinstance(data, dict) else None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(f"{where}.{name}", _("a list of items was expected."))
            return []
        return value

    # --- load ----------------------------------------------------------------------------

    def bind(self, local: str, obj) -> None:
        self.objects[local] = obj

    def obj(self, local):
        return self.objects.get(local) if local is not None else None

    def objs(self, locals_) -> list:
        return [self.objects[local] for local in locals_ or () if local in self.objects]

    def user(self, local):
        return self.users.get(local) if local is not None else None

    def validated(self, where: str, obj: models.Model, exclude=()) -> models.Model:
        """Field checks (lengths, choices, dates) without a query; problems are collected."""
        relations = [f.name for f in obj._meta.concrete_fields if f.is_relation]
        try:
            obj.clean_fields(exclude=[*exclude, *relations, "public_id"])
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.problem(f"{where}.{name}", message)
        return obj
