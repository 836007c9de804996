"""Export a whole project, and import one from another installation (one transaction)."""

from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijkkoers.accounts.models import User
from wijkkoers.audit.services import record_event
from wijkkoers.core.limits import MB
from wijkkoers.exports import document as project_document
from wijkkoers.exports.context import ImportContext
from wijkkoers.exports.errors import ImportNotLeader, ImportRefused, ImportTooLarge
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.models import Role


def export_project(actor, project, out) -> None:
    """Write the project's zip (project.json and its documents' files) to `out`.

    Side effects: audit "project.exported" (kept out of the document itself). Reading only:
    a closed project can be exported.
    """
    with transaction.atomic():
        record_event(project=project, actor=actor, action="project.exported", obj=project)
    project_document.write_zip(project, out)


@dataclass
class ImportResult:
    project: object
    matched: list  # names of people found here by e-mail address
    placeholders: list  # names of members kept as a name only (no account here)


def import_project(actor, data: bytes, *, as_leader: bool = True) -> ImportResult:
    """Recreate a project from an export (zip or bare project.json), with new ids.

    Refused with every problem found (ImportRefused), nothing written: another schema,
    malformed JSON, unknown step keys, references to items not in the file, values that
    do not fit. People are matched by e-mail address; members without an account here
    become named placeholders, other references to them stay empty. With `as_leader` (the
    web), the actor must be a project leader in the file. Side effects: every row of the
    project, its documents' files (deleted again if the import fails), audit
    "project.imported".
    """
    limit = settings.PROJECT_IMPORT_MAX_SIZE
    if len(data) > limit:
        raise ImportTooLarge(size=limit // MB)
    document, archive, problems = project_document.read(data)
    if problems:
        raise ImportRefused(problems)
    ctx = ImportContext(actor=actor, step_keys=frozenset(get_catalogue().steps), archive=archive)
    try:
        with transaction.atomic():
            _check(document, ctx, as_leader)
            project_document.load(document, ctx)
            if ctx.problems:
                raise ImportRefused(ctx.problems)
            record_event(
                project=ctx.project,
                actor=actor,
                action="project.imported",
                obj=ctx.project,
                new=_summary(ctx),
            )
    except (TypeError, ValueError, KeyError, AttributeError, IntegrityError) as error:
        # A shape or a combination the checks did not foresee (two parties with one name,
        # a list where a text belongs): refused as a whole, never a server error.
        _delete(ctx.stored_files)
        message = _("The file breaks a rule of this installation's data (%(error)s).")
        raise ImportRefused([*ctx.problems, message % {"error": type(error).__name__}]) from None
    except BaseException:
        _delete(ctx.stored_files)
        raise
    return ImportResult(
        project=ctx.project,
        matched=sorted(user.display_name for user in ctx.users.values() if user),
        placeholders=_placeholder_names(ctx),
    )


def _delete(names) -> None:
    for name in names:
        default_storage.delete(name)


def _check(document, ctx, as_leader) -> None:
    project_document.check(document, ctx)
    if ctx.problems:
        raise ImportRefused(ctx.problems)
    emails = {
        local: str(person.get("email") or "").strip().lower()
        for local, person in ctx.people.items()
    }
    users = {
        user.email: user for user in User.objects.filter(email__in=set(emails.values()) - {""})
    }
    ctx.users = {local: users.get(email) for local, email in emails.items()}
    if as_leader and not _leads(document, ctx):
        raise ImportNotLeader


def _leads(document, ctx) -> bool:
    members = document["sections"].get("projects", {}).get("members", [])
    return any(
        member.get("role") == Role.PROJECTLEIDER
        and ctx.user(member.get("person")) is not None
        and ctx.user(member.get("person")).pk == ctx.actor.pk
        for member in members
    )


def _placeholder_names(ctx) -> list:
    return sorted(str(placeholder) for placeholder in ctx.project.placeholders.all())


def _summary(ctx) -> dict:
    return {
        "members": ctx.project.memberships.count(),
        "placeholders": ctx.project.placeholders.count(),
        "entries": ctx.project.logbook_entries.count(),
    }
