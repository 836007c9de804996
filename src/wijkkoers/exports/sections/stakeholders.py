"""The stakeholder tools: stakeholders with priorities and assessments, tensions, mutual
gains and the Mutual Gains Approach checklist."""

from django.utils.translation import gettext as _

from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import create_all, fields_of, ids, link_rows, links_of, pick
from wijkkoers.logbook.models import Entry
from wijkkoers.projects.models import Party
from wijkkoers.stakeholders.models import (
    Assessment,
    ChecklistMark,
    MutualGain,
    Priority,
    Stakeholder,
    Tension,
)

STAKEHOLDER_FIELDS = (
    "role_in_project", "contact_name", "contact_purpose", "interests",
    "ambition_neighbourhood", "ambition_own_property", "position", "version", "created_at",
    "updated_at",
)  # fmt: skip
ASSESSMENT_FIELDS = ("assessed_on", "power", "interest", "note", "created_at")
GAIN_FIELDS = ("title", "description", "version", "created_at", "updated_at")
TENSION_FIELDS = (
    "title",
    "description",
    "severity",
    "status",
    "version",
    "created_at",
    "updated_at",
)


def dump(project, ctx) -> dict:
    stakeholders = list(
        Stakeholder.objects.filter(project=project).select_related("created_by").order_by("pk")
    )
    priorities: dict = {}
    for row in Priority.objects.filter(stakeholder__project=project).order_by(
        "stakeholder", "rank"
    ):
        priorities.setdefault(row.stakeholder_id, []).append({"rank": row.rank, "text": row.text})
    assessments: dict = {}
    rows = Assessment.objects.filter(project=project).select_related("created_by").order_by("pk")
    for row in rows:
        assessments.setdefault(row.stakeholder_id, []).append(
            {
                "id": ctx.local("assessment", row),
                **fields_of(row, ASSESSMENT_FIELDS),
                "created_by": ctx.person(row.created_by),
            }
        )
    return {
        "stakeholders": [
            {
                "id": ctx.local("stakeholder", stakeholder),
                "party": ctx.ref(Party, stakeholder.party_id),
                **fields_of(stakeholder, STAKEHOLDER_FIELDS),
                "created_by": ctx.person(stakeholder.created_by),
                "priorities": priorities.get(stakeholder.pk, []),
                "assessments": assessments.get(stakeholder.pk, []),
            }
            for stakeholder in stakeholders
        ],
        "tensions": _shared(ctx, project, Tension, "tension", TENSION_FIELDS),
        "mutual_gains": _shared(ctx, project, MutualGain, "gain", GAIN_FIELDS),
        "checklist": [
            {
                "item": mark.item_key,
                "note": mark.note,
                "checked_at": mark.checked_at,
                "checked_by": ctx.person(mark.checked_by),
            }
            for mark in ChecklistMark.objects.filter(project=project)
            .select_related("checked_by")
            .order_by("item_key")
        ],
    }


def _shared(ctx, project, model, kind, fields) -> list:
    """Tensions or mutual gains: between stakeholders, pointing at logbook decisions."""
    prefix = model._meta.model_name
    between = links_of(model, "stakeholders", **{f"{prefix}__project": project})
    decisions = links_of(model, "decisions", **{f"{prefix}__project": project})
    return [
        {
            "id": ctx.local(kind, row),
            **fields_of(row, fields),
            "stakeholders": ids(ctx, Stakeholder, between.get(row.pk, [])),
            "decisions": ids(ctx, Entry, decisions.get(row.pk, [])),
            "created_by": ctx.person(row.created_by),
        }
        for row in model.objects.filter(project=project).select_related("created_by").order_by("pk")
    ]


def check(data, ctx) -> None:
    where = "stakeholders"
    for index, item in enumerate(ctx.items(data, "stakeholders", where)):
        at = f"{where}.stakeholders[{index}]"
        ctx.define(at, item, "stakeholder")
        ctx.reference(f"{at}.party", item.get("party"), "party", optional=False)
        ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
        ctx.items(item, "priorities", at)
        for number, assessment in enumerate(ctx.items(item, "assessments", at)):
            ctx.define(f"{at}.assessments[{number}]", assessment, "assessment")
            ctx.reference(
                f"{at}.assessments[{number}].created_by", assessment.get("created_by"), "person"
            )
    for name in ("tensions", "mutual_gains"):
        for index, item in enumerate(ctx.items(data, name, where)):
            at = f"{where}.{name}[{index}]"
            ctx.define(at, item, name)
            ctx.references(f"{at}.stakeholders", item.get("stakeholders", []), "stakeholder")
            ctx.references(f"{at}.decisions", item.get("decisions", []), "entry")
            ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
    for index, item in enumerate(ctx.items(data, "checklist", where)):
        ctx.reference(f"{where}.checklist[{index}].checked_by", item.get("checked_by"), "person")
    parties = [item.get("party") for item in data.get("stakeholders", []) if isinstance(item, dict)]
    if len(parties) != len(set(parties)):
        ctx.problem(f"{where}.stakeholders", _("a party is a stakeholder only once."))


def load(data, ctx) -> None:
    where = "stakeholders"
    items = data.get("stakeholders", [])
    stakeholders = []
    for index, item in enumerate(items):
        stakeholder = Stakeholder(
            project=ctx.project,
            party=ctx.obj(item.get("party")),
            created_by=ctx.user(item.get("created_by")),
            **pick(item, STAKEHOLDER_FIELDS),
        )
        stakeholders.append(ctx.validated(f"{where}.stakeholders[{index}]", stakeholder))
        ctx.bind(item["id"], stakeholder)
    create_all(ctx, Stakeholder, stakeholders, keep=("created_at", "updated_at"))
    priorities, assessments = [], []
    for index, (item, stakeholder) in enumerate(zip(items, stakeholders, strict=True)):
        at = f"{where}.stakeholders[{index}]"
        for rank in item.get("priorities", []):
            priority = Priority(stakeholder=stakeholder, **pick(rank, ("rank", "text")))
            priorities.append(ctx.validated(f"{at}.priorities", priority))
        for number, row in enumerate(item.get("assessments", [])):
            assessment = Assessment(
                stakeholder=stakeholder,
                project=ctx.project,
                created_by=ctx.user(row.get("created_by")),
                **pick(row, ASSESSMENT_FIELDS),
            )
            assessments.append(ctx.validated(f"{at}.assessments[{number}]", assessment))
            ctx.bind(row["id"], assessment)
    create_all(ctx, Priority, priorities)
    create_all(ctx, Assessment, assessments, keep=("created_at",))
    _load_shared(ctx, Tension, data.get("tensions", []), TENSION_FIELDS, f"{where}.tensions")
    _load_shared(
        ctx, MutualGain, data.get("mutual_gains", []), GAIN_FIELDS, f"{where}.mutual_gains"
    )
    marks = [
        ChecklistMark(
            project=ctx.project,
            item_key=item.get("item"),
            note=item.get("note", ""),
            checked_at=item.get("checked_at"),
            checked_by=ctx.user(item.get("checked_by")),
        )
        for item in data.get("checklist", [])
    ]
    for index, mark in enumerate(marks):
        ctx.validated(f"{where}.checklist[{index}]", mark)
    create_all(ctx, ChecklistMark, marks, keep=("checked_at",))


def _load_shared(ctx, model, items, fields, where) -> None:
    rows = []
    for index, item in enumerate(items):
        row = model(
            project=ctx.project, created_by=ctx.user(item.get("created_by")), **pick(item, fields)
        )
        rows.append(ctx.validated(f"{where}[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, model, rows, keep=("created_at", "updated_at"))
    for name in ("stakeholders", "decisions"):
        link_rows(
            model,
            name,
            [
                (row, other)
                for row, item in zip(rows, items, strict=True)
                for other in ctx.objs(item.get(name) or [])
            ],
        )


def register() -> None:
    register_section(Section(key="stakeholders", order=30, dump=dump, check=check, load=load))
