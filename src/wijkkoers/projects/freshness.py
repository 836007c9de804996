"""What is cached of a project, and how a write makes it stale at once.

Every write to a project goes through `services.lock_open_project` (or `reopen_project`),
which locks the project's row; there, in the same transaction, `bump` gives the project a
new random `data_stamp`. A reader sees the new stamp exactly when it sees the new data, so
anything cached under (project, stamp) is never served after a write, in any process. The
stamp is random rather than counted so that a write that rolls back leaves no number
that a later write could take again.

`cached(project, name, compute)` keeps a computed part of a project page (a tool's summary,
the compass flags) in the shared cache under the project's stamp, the method's version, the
language and today's date (overdue and on-track depend on it). A request that wrote and then
renders in the same request sees its own new stamp (`stamp_of`), not the one it loaded.
A person's new name shows in every project they are in (`_person_saved`). Writes outside
the services (the demo and bench generators) must call `bump` themselves if a project's
pages were already cached.
"""

import secrets
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_started
from django.utils import timezone
from django.utils.translation import get_language

from wijkkoers.method.catalogue import current_version

TIMEOUT = 24 * 3600  # a stamp nobody asks for any more just expires

# This request's own writes: {(pk, public_id): stamp}; emptied when a request starts.
_written: ContextVar[dict | None] = ContextVar("projects_written", default=None)
# The method's version as this request first read it (one cache read, not one per part);
# "" in a request that has not read it yet, None outside requests (always read afresh).
_method_version: ContextVar[str | None] = ContextVar("projects_method_version", default=None)


def _forget_writes(**_kwargs):
    _written.set({})
    _method_version.set("")


def _method() -> str:
    version = _method_version.get()
    if version:
        return version
    fresh = current_version()
    if version == "":
        _method_version.set(fresh)
    return fresh


def _person_saved(sender, instance, created, update_fields=None, **_kwargs):
    if created or (update_fields is not None and not {"name", "email"} & set(update_fields)):
        return  # a new account is in no project yet; a login only stores its time
    bump_member_projects(instance)


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save

    request_started.connect(_forget_writes, dispatch_uid="projects.freshness.forget_writes")
    post_save.connect(
        _person_saved, sender=get_user_model(), dispatch_uid="projects.freshness.person"
    )


def bump(locked, *also) -> int:
    """Give the (locked) project a new stamp; `also`: other instances of the same project."""
    from wijkkoers.projects.models import Project

    stamp = secrets.randbits(62)
    Project.objects.filter(pk=locked.pk).update(data_stamp=stamp)
    for project in (locked, *also):
        project.data_stamp = stamp
    written = _written.get()
    if written is None:
        written = {}
        _written.set(written)
    written[(locked.pk, locked.public_id)] = stamp
    return stamp


def bump_unless_written(project) -> None:
    """For a write that did not take the project lock (an audited event elsewhere)."""
    written = _written.get()
    if not written or (project.pk, project.public_id) not in written:
        bump(project)


def bump_member_projects(user) -> None:
    """A change to a person (their name) shows in every project they are a member of."""
    from wijkkoers.projects.models import Project

    for project in Project.objects.filter(memberships__user=user).only("pk", "public_id"):
        bump(project)


def stamp_of(project) -> int:
    written = _written.get()
    if written:
        return written.get((project.pk, project.public_id), project.data_stamp)
    return project.data_stamp


def prefix(project, name: str) -> str:
    """The key of `name` for this project as it is now, in this language, today."""
    bits = (project.public_id, stamp_of(project), _method(), get_language() or "")
    bits += (timezone.localdate().isoformat(), name)
    return "project:" + ":".join(str(bit) for bit in bits)


def enabled() -> bool:
    """`PROJECT_PARTS_CACHE=0` computes every part on every request (the tests do, except
    those of the cache itself, so that their query counts are those of a cold cache)."""
    return getattr(settings, "PROJECT_PARTS_CACHE", True)


def cached(project, name: str, compute):
    """`compute()`, kept for this project as it is now (its stamp) and for today."""
    if not enabled():
        return compute()
    cache_key = prefix(project, name)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout=TIMEOUT)
    return value


def cached_many(project, name: str, compute_one, parts: list) -> dict:
    """{part: compute_one(part)} in one cache round trip for the ones kept already."""
    if not enabled():
        return {part: compute_one(part) for part in parts}
    start = prefix(project, name)
    keys = {f"{start}:{part}": part for part in parts}
    found = cache.get_many(list(keys))
    values = {keys[k]: v for k, v in found.items()}
    missing = {k: compute_one(p) for k, p in keys.items() if k not in found}
    if missing:
        cache.set_many(missing, timeout=TIMEOUT)
        values.update({keys[k]: v for k, v in missing.items()})
    return values


def cached_per_project(projects: list, name: str, compute_many) -> dict:
    """{project.pk: value} for several projects, each kept under its own stamp, in one cache
    round trip; `compute_many(projects)` -> {pk: value} runs once for those not kept yet."""
    if not enabled():
        return compute_many(projects)
    keys = {prefix(project, name): project for project in projects}
    found = cache.get_many(list(keys))
    values = {keys[key].pk: value for key, value in found.items()}
    missing = [project for key, project in keys.items() if key not in found]
    if missing:
        computed = compute_many(missing)
        cache.set_many({prefix(p, name): computed[p.pk] for p in missing}, timeout=TIMEOUT)
        values.update(computed)
    return values
