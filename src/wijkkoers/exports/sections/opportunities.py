"""Linking opportunities (koppelkansen): kind, owner, window (with how precisely each end
was given), status and the method's steps they belong to."""

from django.utils.translation import gettext as _

from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import check_steps, create_all, fields_of, pick
from wijkkoers.opportunities.models import Opportunity
from wijkkoers.projects.models import Membership, Party

OPPORTUNITY_FIELDS = (
    "title", "kind", "description", "window_start", "window_start_precision", "window_end",
    "window_end_precision", "status", "version", "created_at", "updated_at",
)  # fmt: skip
WHERE = "opportunities"


def dump(project, ctx) -> dict:
    rows = Opportunity.objects.filter(project=project).select_related("created_by", "updated_by")
    return {
        "opportunities": [
            {
                "id": ctx.local("opportunity", row),
                **fields_of(row, OPPORTUNITY_FIELDS),
                "steps": row.step_keys,
                "owner_member": ctx.ref(Membership, row.owner_member_id),
                "owner_party": ctx.ref(Party, row.owner_party_id),
                "created_by": ctx.person(row.created_by),
                "updated_by": ctx.person(row.updated_by),
            }
            for row in rows.order_by("pk")
        ]
    }


def check(data, ctx) -> None:
    for index, item in enumerate(ctx.items(data, "opportunities", WHERE)):
        at = f"{WHERE}.opportunities[{index}]"
        ctx.define(at, item, "opportunity")
        check_steps(ctx, f"{at}.steps", item.get("steps", []))
        ctx.reference(f"{at}.owner_member", item.get("owner_member"), "member")
        ctx.reference(f"{at}.owner_party", item.get("owner_party"), "party")
        for name in ("created_by", "updated_by"):
            ctx.reference(f"{at}.{name}", item.get(name), "person")
        start, end = item.get("window_start"), item.get("window_end")
        if isinstance(start, str) and isinstance(end, str) and end < start:
            ctx.problem(f"{at}.window_end", _("the window ends before it starts."))


def load(data, ctx) -> None:
    rows = []
    for index, item in enumerate(data.get("opportunities", [])):
        row = Opportunity(
            project=ctx.project,
            step_keys=item.get("steps", []),
            owner_member=ctx.obj(item.get("owner_member")),
            owner_party=ctx.obj(item.get("owner_party")),
            created_by=ctx.user(item.get("created_by")),
            updated_by=ctx.user(item.get("updated_by")),
            **pick(item, OPPORTUNITY_FIELDS),
        )
        rows.append(ctx.validated(f"{WHERE}.opportunities[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, Opportunity, rows, keep=("created_at", "updated_at"))


def register() -> None:
    register_section(Section(key="opportunities", order=70, dump=dump, check=check, load=load))
