"""Roles and the RACI matrix: the team's roles (filled by a member and/or a party) and the
rows with each role's letter. A row that lost its A or R (a role removed) is exported and
imported as it is: the matrix and the compass flag it in the new installation too."""

from django.utils.translation import gettext as _

from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import check_steps, check_unique, create_all, fields_of, pick
from wijkkoers.projects.models import Membership, Party
from wijkkoers.raci.models import Letter, RaciCell, RaciRow, TeamRole

ROLE_FIELDS = ("name", "description", "version", "created_at")
ROW_FIELDS = ("activity", "version", "created_at", "updated_at")
WHERE = "raci"


def dump(project, ctx) -> dict:
    roles = TeamRole.objects.filter(project=project).select_related("created_by").order_by("pk")
    role_items = [
        {
            "id": ctx.local("role", role),
            **fields_of(role, ROLE_FIELDS),
            "member": ctx.ref(Membership, role.member_id),
            "party": ctx.ref(Party, role.party_id),
            "created_by": ctx.person(role.created_by),
        }
        for role in roles
    ]
    cells: dict = {}
    for cell in RaciCell.objects.filter(row__project=project).order_by("row", "pk"):
        cells.setdefault(cell.row_id, []).append(
            {"role": ctx.ref(TeamRole, cell.role_id), "letter": cell.letter}
        )
    rows = RaciRow.objects.filter(project=project).select_related("created_by", "updated_by")
    return {
        "roles": role_items,
        "rows": [
            {
                "id": ctx.local("raci-row", row),
                **fields_of(row, ROW_FIELDS),
                "step": row.step_key or None,
                "created_by": ctx.person(row.created_by),
                "updated_by": ctx.person(row.updated_by),
                "cells": cells.get(row.pk, []),
            }
            for row in rows.order_by("pk")
        ],
    }


def check(data, ctx) -> None:
    roles = ctx.items(data, "roles", WHERE)
    for index, item in enumerate(roles):
        at = f"{WHERE}.roles[{index}]"
        ctx.define(at, item, "role")
        ctx.reference(f"{at}.member", item.get("member"), "member")
        ctx.reference(f"{at}.party", item.get("party"), "party")
        ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
    check_unique(
        ctx,
        f"{WHERE}.roles",
        [str(item.get("name", "")).strip().lower() for item in roles],
        _("two roles have the same name."),
    )
    for index, item in enumerate(ctx.items(data, "rows", WHERE)):
        at = f"{WHERE}.rows[{index}]"
        ctx.define(at, item, "raci-row")
        if item.get("step") is not None:
            check_steps(ctx, f"{at}.step", [item["step"]])
        for name in ("created_by", "updated_by"):
            ctx.reference(f"{at}.{name}", item.get(name), "person")
        cells = ctx.items(item, "cells", at)
        for number, cell in enumerate(cells):
            ctx.reference(f"{at}.cells[{number}].role", cell.get("role"), "role", optional=False)
            if cell.get("letter") not in Letter.values:
                ctx.problem(
                    f"{at}.cells[{number}].letter",
                    _("the letter %(letter)s is not R, A, C or I.")
                    % {"letter": cell.get("letter")},
                )
        check_unique(
            ctx,
            f"{at}.cells",
            [str(cell.get("role")) for cell in cells],
            _("a role has one letter per row."),
        )


def load(data, ctx) -> None:
    roles = []
    for index, item in enumerate(data.get("roles", [])):
        role = TeamRole(
            project=ctx.project,
            member=ctx.obj(item.get("member")),
            party=ctx.obj(item.get("party")),
            created_by=ctx.user(item.get("created_by")),
            **pick(item, ROLE_FIELDS),
        )
        roles.append(ctx.validated(f"{WHERE}.roles[{index}]", role))
        ctx.bind(item["id"], role)
    create_all(ctx, TeamRole, roles, keep=("created_at",))
    items = data.get("rows", [])
    rows = []
    for index, item in enumerate(items):
        row = RaciRow(
            project=ctx.project,
            step_key=item.get("step") or "",
            created_by=ctx.user(item.get("created_by")),
            updated_by=ctx.user(item.get("updated_by")),
            **pick(item, ROW_FIELDS),
        )
        rows.append(ctx.validated(f"{WHERE}.rows[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, RaciRow, rows, keep=("created_at", "updated_at"))
    cells = [
        RaciCell(row=row, role=ctx.obj(cell["role"]), letter=cell["letter"])
        for item, row in zip(items, rows, strict=True)
        for cell in item.get("cells", [])
    ]
    create_all(ctx, RaciCell, cells)


def register() -> None:
    register_section(Section(key="raci", order=50, dump=dump, check=check, load=load))
