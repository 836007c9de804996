"""The goal and its indicators: every version of the goal, every indicator (retired ones
too) with every measurement, corrections naming the measurement they replace."""

from django.utils.translation import gettext as _

from wijkkoers.exports.registry import Section, register_section
from wijkkoers.exports.sections.common import check_unique, create_all, fields_of, pick
from wijkkoers.goals.models import Goal, GoalVersion, Indicator, Measurement
from wijkkoers.logbook.services.entries import render_text
from wijkkoers.projects.models import Membership, Party

VERSION_FIELDS = (
    "number", "goal_type", "other_label", "definition", "scope", "energy_scope",
    "electricity_counted", "compensation_allowed", "reference_year", "change_reason",
    "created_at",
)  # fmt: skip
INDICATOR_FIELDS = (
    "name", "unit", "baseline_value", "baseline_on", "target_value", "deadline",
    "verification", "version", "created_at", "retired_at", "retirement_reason",
)  # fmt: skip
MEASUREMENT_FIELDS = ("value", "measured_on", "note", "created_at")
WHERE = "goals"


def dump(project, ctx) -> dict:
    goal = Goal.objects.filter(project=project).select_related("current").first()
    versions = (
        GoalVersion.objects.filter(goal=goal).select_related("created_by").order_by("number")
        if goal
        else []
    )
    measurements: dict = {}
    rows = Measurement.objects.filter(indicator__project=project).select_related("created_by")
    for row in rows.order_by("indicator", "pk"):
        measurements.setdefault(row.indicator_id, []).append(row)
    indicators = Indicator.objects.filter(project=project).select_related(
        "created_by", "retired_by"
    )
    return {
        "goal": {
            "current": goal.current.number if goal.current_id else None,
            "versions": [
                {**fields_of(version, VERSION_FIELDS), "created_by": ctx.person(version.created_by)}
                for version in versions
            ],
        }
        if goal
        else None,
        "indicators": [
            _indicator(ctx, indicator, measurements.get(indicator.pk, []))
            for indicator in indicators.order_by("pk")
        ],
    }


def _indicator(ctx, indicator, measurements) -> dict:
    return {
        "id": ctx.local("indicator", indicator),
        **fields_of(indicator, INDICATOR_FIELDS),
        "owner_member": ctx.ref(Membership, indicator.owner_member_id),
        "owner_party": ctx.ref(Party, indicator.owner_party_id),
        "created_by": ctx.person(indicator.created_by),
        "retired_by": ctx.person(indicator.retired_by),
        "measurements": [
            {
                "id": ctx.local("measurement", row),
                **fields_of(row, MEASUREMENT_FIELDS),
                "corrects": ctx.ref(Measurement, row.corrects_id),
                "created_by": ctx.person(row.created_by),
            }
            for row in measurements
        ],
    }


def check(data, ctx) -> None:
    goal = data.get("goal")
    if goal is not None:
        if not isinstance(goal, dict):
            ctx.problem(f"{WHERE}.goal", _("the part is not a set of values."))
        else:
            versions = ctx.items(goal, "versions", f"{WHERE}.goal")
            numbers = [version.get("number") for version in versions]
            if not versions:
                ctx.problem(f"{WHERE}.goal.versions", _("at least one version is needed."))
            elif goal.get("current") not in numbers:
                ctx.problem(f"{WHERE}.goal.current", _("names no version of the goal."))
            check_unique(
                ctx, f"{WHERE}.goal.versions", numbers, _("a version number is used twice.")
            )
            for index, version in enumerate(versions):
                at = f"{WHERE}.goal.versions[{index}].created_by"
                ctx.reference(at, version.get("created_by"), "person")
    corrected = []
    for index, item in enumerate(ctx.items(data, "indicators", WHERE)):
        at = f"{WHERE}.indicators[{index}]"
        ctx.define(at, item, "indicator")
        ctx.reference(f"{at}.owner_member", item.get("owner_member"), "member")
        ctx.reference(f"{at}.owner_party", item.get("owner_party"), "party")
        for name in ("created_by", "retired_by"):
            ctx.reference(f"{at}.{name}", item.get(name), "person")
        own = set()
        for number, row in enumerate(ctx.items(item, "measurements", at)):
            where = f"{at}.measurements[{number}]"
            local = ctx.define(where, row, "measurement")
            ctx.reference(f"{where}.created_by", row.get("created_by"), "person")
            corrects = row.get("corrects")
            if corrects is not None and corrects not in own:
                ctx.problem(
                    f"{where}.corrects",
                    _("corrects %(id)s, which is no earlier measurement of this indicator.")
                    % {"id": corrects},
                )
            elif corrects is not None:
                corrected.append((f"{where}.corrects", corrects))
            own.add(local)
    seen = set()
    for where, corrects in corrected:
        if corrects in seen:
            ctx.problem(where, _("a measurement is corrected only once."))
        seen.add(corrects)


def load(data, ctx) -> None:
    goal_data = data.get("goal")
    if goal_data:
        _load_goal(ctx, goal_data)
    items = data.get("indicators", [])
    indicators = []
    for index, item in enumerate(items):
        indicator = Indicator(
            project=ctx.project,
            owner_member=ctx.obj(item.get("owner_member")),
            owner_party=ctx.obj(item.get("owner_party")),
            created_by=ctx.user(item.get("created_by")),
            retired_by=ctx.user(item.get("retired_by")),
            **pick(item, INDICATOR_FIELDS),
        )
        indicators.append(ctx.validated(f"{WHERE}.indicators[{index}]", indicator))
        ctx.bind(item["id"], indicator)
    create_all(ctx, Indicator, indicators, keep=("created_at",))
    rows, corrections = [], []
    for index, (item, indicator) in enumerate(zip(items, indicators, strict=True)):
        for number, row_item in enumerate(item.get("measurements", [])):
            row = Measurement(
                indicator=indicator,
                created_by=ctx.user(row_item.get("created_by")),
                **pick(row_item, MEASUREMENT_FIELDS),
            )
            where = f"{WHERE}.indicators[{index}].measurements[{number}]"
            rows.append(ctx.validated(where, row))
            ctx.bind(row_item["id"], row)
            if row_item.get("corrects"):
                corrections.append((row, row_item["corrects"]))
    # Written in the document's order first; a correction then names the one it replaces.
    create_all(ctx, Measurement, rows, keep=("created_at",))
    for row, corrects in corrections:
        row.corrects = ctx.obj(corrects)
    Measurement.objects.bulk_update(
        [row for row, _target in corrections], ["corrects"], batch_size=500
    )


def _load_goal(ctx, data) -> None:
    goal = Goal.objects.create(project=ctx.project)
    versions = []
    for index, item in enumerate(data.get("versions", [])):
        version = GoalVersion(
            goal=goal, created_by=ctx.user(item.get("created_by")), **pick(item, VERSION_FIELDS)
        )
        version.definition_html = render_text(version.definition or "")
        version.scope_html = render_text(version.scope or "")
        versions.append(ctx.validated(f"{WHERE}.goal.versions[{index}]", version))
    create_all(ctx, GoalVersion, versions, keep=("created_at",))
    goal.current = next(version for version in versions if version.number == data["current"])
    goal.save(update_fields=["current"])


def register() -> None:
    register_section(Section(key="goals", order=40, dump=dump, check=check, load=load))
