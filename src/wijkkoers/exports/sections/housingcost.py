"""Housing-cost neutrality: every version of the definition, the household archetypes and
the saved calculations (each with its own copy of the inputs, its lines and result, and the
definition version it was made with)."""

from django.utils.translation import gettext as _

from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import check_unique, create_all, fields_of, pick
from wijkkoers.housingcost.models import (
    INPUT_FIELDS,
    Archetype,
    Calculation,
    Component,
    DefinitionVersion,
    Segment,
)
from wijkkoers.logbook.services.entries import render_text

DEFINITION_FIELDS = (
    "number", "components", "reference", "gas_price", "electricity_price",
    "heat_fixed_monthly", "heat_price_per_gj", "prices_on", "price_note", "comparison",
    "period_years", "segments", "subsidies_counted", "subsidies_which", "guarantee",
    "guarantor", "explanation", "change_reason", "created_at",
)  # fmt: skip
ARCHETYPE_FIELDS = ("name", "segment", "description", *INPUT_FIELDS, "created_at", "updated_at")
CALCULATION_FIELDS = (
    "archetype_name", "segment", "inputs", "lines", "total_before", "total_after",
    "difference", "neutral", "note", "created_at",
)  # fmt: skip
WHERE = "housingcost"


def dump(project, ctx) -> dict:
    definitions = DefinitionVersion.objects.filter(project=project).select_related("created_by")
    archetypes = Archetype.objects.filter(project=project).select_related("created_by")
    calculations = Calculation.objects.filter(project=project).select_related("created_by")
    return {
        "definitions": [
            {
                "id": ctx.local("definition", row),
                **fields_of(row, DEFINITION_FIELDS),
                "created_by": ctx.person(row.created_by),
            }
            for row in definitions.order_by("pk")
        ],
        "archetypes": [
            {
                "id": ctx.local("archetype", row),
                **fields_of(row, ARCHETYPE_FIELDS),
                "created_by": ctx.person(row.created_by),
            }
            for row in archetypes.order_by("pk")
        ],
        "calculations": [
            {
                "id": ctx.local("calculation", row),
                "archetype": ctx.ref(Archetype, row.archetype_id),
                "definition": ctx.ref(DefinitionVersion, row.definition_id),
                **fields_of(row, CALCULATION_FIELDS),
                "created_by": ctx.person(row.created_by),
            }
            for row in calculations.order_by("pk")
        ],
    }


def check(data, ctx) -> None:
    definitions = ctx.items(data, "definitions", WHERE)
    for index, item in enumerate(definitions):
        at = f"{WHERE}.definitions[{index}]"
        ctx.define(at, item, "definition")
        ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
        _check_codes(ctx, f"{at}.components", item.get("components", []), Component.values)
        _check_codes(ctx, f"{at}.segments", item.get("segments", []), Segment.values)
    check_unique(
        ctx,
        f"{WHERE}.definitions",
        [str(item.get("number")) for item in definitions],
        _("a version number is used twice."),
    )
    for index, item in enumerate(ctx.items(data, "archetypes", WHERE)):
        at = f"{WHERE}.archetypes[{index}]"
        ctx.define(at, item, "archetype")
        ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
    for index, item in enumerate(ctx.items(data, "calculations", WHERE)):
        at = f"{WHERE}.calculations[{index}]"
        ctx.define(at, item, "calculation")
        ctx.reference(f"{at}.archetype", item.get("archetype"), "archetype")
        ctx.reference(f"{at}.definition", item.get("definition"), "definition", optional=False)
        ctx.reference(f"{at}.created_by", item.get("created_by"), "person")
        for name, kind in (("inputs", dict), ("lines", list)):
            if not isinstance(item.get(name, kind()), kind):
                ctx.problem(f"{at}.{name}", _("the part is not a set of values."))


def _check_codes(ctx, where, values, allowed) -> None:
    if not isinstance(values, list) or any(value not in allowed for value in values):
        ctx.problem(where, _("holds a value this installation does not know."))


def load(data, ctx) -> None:
    definitions = []
    for index, item in enumerate(data.get("definitions", [])):
        row = DefinitionVersion(
            project=ctx.project,
            created_by=ctx.user(item.get("created_by")),
            **pick(item, DEFINITION_FIELDS),
        )
        row.explanation_html = render_text(row.explanation or "")
        definitions.append(ctx.validated(f"{WHERE}.definitions[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, DefinitionVersion, definitions, keep=("created_at",))
    archetypes = []
    for index, item in enumerate(data.get("archetypes", [])):
        row = Archetype(
            project=ctx.project,
            created_by=ctx.user(item.get("created_by")),
            **pick(item, ARCHETYPE_FIELDS),
        )
        archetypes.append(ctx.validated(f"{WHERE}.archetypes[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, Archetype, archetypes, keep=("created_at", "updated_at"))
    calculations = []
    for index, item in enumerate(data.get("calculations", [])):
        row = Calculation(
            project=ctx.project,
            archetype=ctx.obj(item.get("archetype")),
            definition=ctx.obj(item.get("definition")),
            created_by=ctx.user(item.get("created_by")),
            **pick(item, CALCULATION_FIELDS),
        )
        calculations.append(ctx.validated(f"{WHERE}.calculations[{index}]", row))
        ctx.bind(item["id"], row)
    create_all(ctx, Calculation, calculations, keep=("created_at",))


def register() -> None:
    register_section(Section(key="housingcost", order=60, dump=dump, check=check, load=load))
