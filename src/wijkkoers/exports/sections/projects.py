"""The project itself: settings, parties, neighbourhoods, sub-projects, members, progress."""

from django.utils.translation import gettext as _

from wijkkoers.exports.models import Placeholder
from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import create_all, fields_of, pick
from wijkkoers.projects.models import (
    Membership,
    Neighbourhood,
    Party,
    Project,
    StepProgress,
    SubProject,
)
from wijkkoers.projects.services import render_note

PROJECT_FIELDS = ("name", "municipality", "description", "start_date", "status", "created_at")
PARTY_FIELDS = ("name", "party_type", "other_type", "description", "created_at")
PROGRESS_FIELDS = (
    "status",
    "reason",
    "target_date",
    "note",
    "version",
    "updated_at",
    "finished_at",
)


def dump(project, ctx) -> dict:
    parties = list(project.parties.order_by("pk"))
    hoods = list(project.neighbourhoods.order_by("pk"))
    subprojects = list(project.subprojects.order_by("pk"))
    members = list(project.memberships.select_related("user").order_by("pk"))
    placeholders = list(Placeholder.objects.filter(project=project).order_by("pk"))
    progress = list(project.progress.select_related("owner", "updated_by").order_by("pk"))
    for hood in hoods:
        ctx.alias("neighbourhood", str(hood.pk), ctx.local("neighbourhood", hood))
    return {
        "project": {"id": ctx.local("project", project), **fields_of(project, PROJECT_FIELDS)},
        "parties": [
            {"id": ctx.local("party", party), **fields_of(party, PARTY_FIELDS)} for party in parties
        ],
        "neighbourhoods": [
            {"id": ctx.local("neighbourhood", hood), "name": hood.name, "cbs_code": hood.cbs_code}
            for hood in hoods
        ],
        "subprojects": [
            {"id": ctx.local("subproject", sub), "name": sub.name, "description": sub.description}
            for sub in subprojects
        ],
        "members": [_member(ctx, member) for member in members]
        + [_placeholder(ctx, placeholder) for placeholder in placeholders],
        "progress": [_progress(ctx, row) for row in progress],
    }


def _member(ctx, member) -> dict:
    return {
        "id": ctx.local("member", member),
        "person": ctx.person(member.user),
        "role": member.role,
        "party": ctx.ref(Party, member.party_id),
        "joined_at": member.joined_at,
    }


def _placeholder(ctx, placeholder) -> dict:
    # A person without an account here: named in `people` with no account behind it.
    local = f"person-{len(ctx.people) + 1}"
    ctx.people[f"placeholder-{placeholder.pk}"] = {
        "id": local,
        "name": placeholder.name,
        "email": placeholder.email,
    }
    return {
        "id": ctx.local("member", placeholder),
        "person": local,
        "role": placeholder.role,
        "party": ctx.ref(Party, placeholder.party_id),
        "joined_at": placeholder.joined_at,
    }


def _progress(ctx, row) -> dict:
    return {
        "subproject": ctx.ref(SubProject, row.subproject_id),
        "step": row.step_key,
        "owner": ctx.person(row.owner),
        "updated_by": ctx.person(row.updated_by),
        **fields_of(row, PROGRESS_FIELDS),
    }


def check(data, ctx) -> None:
    where = "projects"
    if not isinstance(data.get("project"), dict):
        ctx.problem(f"{where}.project", _("the project's settings are missing."))
    else:
        ctx.define(f"{where}.project", data["project"], "project")
    for kind, name in [
        ("party", "parties"),
        ("neighbourhood", "neighbourhoods"),
        ("subproject", "subprojects"),
    ]:
        for index, item in enumerate(ctx.items(data, name, where)):
            ctx.define(f"{where}.{name}[{index}]", item, kind)
    for index, item in enumerate(ctx.items(data, "members", where)):
        at = f"{where}.members[{index}]"
        ctx.define(at, item, "member")
        ctx.reference(f"{at}.person", item.get("person"), "person", optional=False)
        ctx.reference(f"{at}.party", item.get("party"), "party")
    for index, item in enumerate(ctx.items(data, "progress", where)):
        at = f"{where}.progress[{index}]"
        ctx.step(f"{at}.step", item.get("step"))
        ctx.reference(f"{at}.subproject", item.get("subproject"), "subproject")
        ctx.reference(f"{at}.owner", item.get("owner"), "person")
        ctx.reference(f"{at}.updated_by", item.get("updated_by"), "person")


def load(data, ctx) -> None:
    where = "projects"
    settings = data["project"]
    project = ctx.validated(
        f"{where}.project", Project(**{name: settings.get(name) for name in PROJECT_FIELDS})
    )
    create_all(ctx, Project, [project], keep=("created_at",))
    ctx.project = project
    ctx.bind(settings["id"], project)
    parties = [
        _bound(ctx, item, Party(project=project, **pick(item, PARTY_FIELDS)))
        for item in data.get("parties", [])
    ]
    _validate_all(ctx, f"{where}.parties", parties)
    create_all(ctx, Party, parties, keep=("created_at",))
    hoods = [
        _bound(ctx, item, Neighbourhood(project=project, **pick(item, ("name", "cbs_code"))))
        for item in data.get("neighbourhoods", [])
    ]
    _validate_all(ctx, f"{where}.neighbourhoods", hoods)
    create_all(ctx, Neighbourhood, hoods)
    for item, hood in zip(data.get("neighbourhoods", []), hoods, strict=True):
        ctx.imported_ids[item["id"]] = str(hood.pk)
    subs = [
        _bound(ctx, item, SubProject(project=project, **pick(item, ("name", "description"))))
        for item in data.get("subprojects", [])
    ]
    _validate_all(ctx, f"{where}.subprojects", subs)
    create_all(ctx, SubProject, subs)
    _load_members(ctx, data.get("members", []))
    _load_progress(ctx, data.get("progress", []))


def _bound(ctx, item, obj):
    ctx.bind(item["id"], obj)
    return obj


def _validate_all(ctx, where, objs) -> None:
    for index, obj in enumerate(objs):
        ctx.validated(f"{where}[{index}]", obj)


def _load_members(ctx, items) -> None:
    members, placeholders = [], []
    for item in items:
        user = ctx.user(item["person"])
        common = {
            "project": ctx.project,
            "role": item.get("role"),
            "party": ctx.obj(item.get("party")),
        }
        if user is not None:
            members.append(
                _bound(ctx, item, Membership(user=user, joined_at=item.get("joined_at"), **common))
            )
        else:
            person = ctx.people.get(item["person"], {})
            placeholders.append(
                Placeholder(
                    name=person.get("name") or "",
                    email=person.get("email") or "",
                    joined_at=item.get("joined_at"),
                    **common,
                )
            )
    _validate_all(ctx, "projects.members", members + placeholders)
    create_all(ctx, Membership, members, keep=("joined_at",))
    create_all(ctx, Placeholder, placeholders)


def _load_progress(ctx, items) -> None:
    rows = []
    for item in items:
        row = StepProgress(
            project=ctx.project,
            subproject=ctx.obj(item.get("subproject")),
            step_key=item.get("step"),
            owner=ctx.user(item.get("owner")),
            updated_by=ctx.user(item.get("updated_by")),
            **pick(item, PROGRESS_FIELDS),
        )
        row.note_html = render_note(row.note or "")
        rows.append(row)
    _validate_all(ctx, "projects.progress", rows)
    create_all(ctx, StepProgress, rows, keep=("updated_at",))


def register() -> None:
    register_section(Section(key="projects", order=10, dump=dump, check=check, load=load))
