"""Writes of the goal, its indicators and their measurements.

Every function runs in one transaction that first locks the project row (and refuses a
closed project), then checks its rules (each a GoalRuleError), writes and audits. Only a
teamlid or projectleider of the project may write (`projects.edit_content_project`).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from wijkkoers.audit.services import record_event
from wijkkoers.core.errors import NotFound
from wijkkoers.goals import numbers
from wijkkoers.goals.errors import (
    BaselineDateRequired,
    BaselineValueRequired,
    CorrectionNoteRequired,
    DeadlineBeforeBaseline,
    DeadlineRequired,
    GoalChangeReasonRequired,
    GoalConflict,
    GoalDefinitionRequired,
    GoalLabelRequired,
    GoalTypeInvalid,
    IndicatorConflict,
    IndicatorNameRequired,
    IndicatorRetired,
    MeasurementAlreadyCorrected,
    MeasurementDateRequired,
    MeasurementInFuture,
    MeasurementValueRequired,
    OwnerNotOfProject,
    ReferenceYearOutOfRange,
    RetirementReasonRequired,
    ScopeChoiceInvalid,
    TargetEqualsBaseline,
    TargetRequired,
    UnitRequired,
)
from wijkkoers.goals.models import (
    GOAL_FIELDS,
    EnergyScope,
    Goal,
    GoalType,
    GoalVersion,
    Indicator,
    Measurement,
    ScopeAnswer,
)
from wijkkoers.method.markdown import linked_step_keys, render_markdown
from wijkkoers.projects.queries import step_urls_for
from wijkkoers.projects.rules import is_teamlid
from wijkkoers.projects.services import lock_open_project

REFERENCE_YEARS = range(1990, 2101)


def _render(text: str) -> str:
    """User Markdown as sanitised HTML, rendered once when it is written."""
    return render_markdown(text, step_urls_for(linked_step_keys(text))) if text else ""


def _check_rights(actor, project) -> None:
    """A teamlid or projectleider only; anyone else is told "not found", as the views answer.
    (Whether the project is open is `lock_open_project`'s question.)"""
    if not is_teamlid(actor, project):
        raise NotFound


def _lock(actor, project) -> None:
    _check_rights(actor, project)
    lock_open_project(project)


# --- The goal -----------------------------------------------------------------------------


@dataclass
class GoalData:
    goal_type: str
    definition: str
    other_label: str = ""
    scope: str = ""
    energy_scope: str = ""
    electricity_counted: str = ""
    compensation_allowed: str = ""
    reference_year: int | None = None


def _goal_values(version: GoalVersion | None) -> dict:
    return {name: getattr(version, name) for name in GOAL_FIELDS} if version else {}


def _check_goal(data: GoalData) -> GoalData:
    if data.goal_type not in GoalType.values:
        raise GoalTypeInvalid
    data.other_label = (data.other_label or "").strip()
    if data.goal_type == GoalType.OTHER and not data.other_label:
        raise GoalLabelRequired
    if data.goal_type != GoalType.OTHER:
        data.other_label = ""
    data.definition = (data.definition or "").strip()
    if not data.definition:
        raise GoalDefinitionRequired
    if data.goal_type != GoalType.CO2_NEUTRAL:
        # The scope questions belong to CO2-neutraal only; other goals keep none.
        data.energy_scope = data.electricity_counted = data.compensation_allowed = ""
        data.reference_year = None
        return data
    for name, allowed in [
        ("energy_scope", EnergyScope.values),
        ("electricity_counted", ScopeAnswer.values),
        ("compensation_allowed", ScopeAnswer.values),
    ]:
        if getattr(data, name) and getattr(data, name) not in allowed:
            raise ScopeChoiceInvalid(field=name)
    if data.reference_year is not None and data.reference_year not in REFERENCE_YEARS:
        raise ReferenceYearOutOfRange
    return data


@transaction.atomic
def set_goal(actor, project, data: GoalData, *, based_on: int = 0, reason: str = "") -> GoalVersion:
    """Define the project's goal, or change it by a new numbered version.

    `based_on` is the version number the user saw (0: none yet). Rules: a kind of goal, a
    name for "another goal", a definition; the CO2-neutraal scope answers from their lists
    (other kinds keep none); a reference year 1990-2100; a reason for every change after
    the first. Side effects: the goal (first time) and a new GoalVersion that becomes
    current; audit "goal.defined" or "goal.changed". Someone else's newer version:
    GoalConflict, nothing written.
    """
    _lock(actor, project)
    goal = Goal.objects.select_related("current").filter(project=project).first()
    current = goal.current if goal else None
    if (current.number if current else 0) != based_on:
        raise GoalConflict(current)
    data = _check_goal(data)
    reason = (reason or "").strip()
    if current and not reason:
        raise GoalChangeReasonRequired
    if goal is None:
        goal = Goal.objects.create(project=project)
    version = GoalVersion.objects.create(
        goal=goal,
        number=based_on + 1,
        goal_type=data.goal_type,
        other_label=data.other_label,
        definition=data.definition,
        definition_html=_render(data.definition),
        scope=data.scope,
        scope_html=_render(data.scope),
        energy_scope=data.energy_scope,
        electricity_counted=data.electricity_counted,
        compensation_allowed=data.compensation_allowed,
        reference_year=data.reference_year,
        change_reason=reason,
        created_by=actor,
    )
    goal.current = version
    goal.save(update_fields=["current"])
    new = _goal_values(version)
    if current:
        old = _goal_values(current)
        new = {key: value for key, value in new.items() if old[key] != value}
        old = {key: old[key] for key in new}
        new["change_reason"] = reason
    else:
        old = {}
    action = "goal.changed" if current else "goal.defined"
    record_event(project=project, actor=actor, action=action, obj=goal, old=old, new=new)
    return version


# --- Indicators ---------------------------------------------------------------------------


@dataclass
class IndicatorData:
    name: str
    unit: str
    target_value: Decimal | None
    deadline: date | None
    baseline_value: Decimal | None = None
    baseline_on: date | None = None
    owner_member: object = None  # a Membership
    owner_party: object = None  # a Party
    verification: str = ""


INDICATOR_AUDIT = [
    "name",
    "unit",
    "baseline_value",
    "baseline_on",
    "target_value",
    "deadline",
    "owner_member",
    "owner_party",
    "verification",
]


def _indicator_values(indicator: Indicator) -> dict:
    values = {name: getattr(indicator, name) for name in INDICATOR_AUDIT}
    for name in ("baseline_value", "target_value"):  # "400", whatever the database gave
        values[name] = numbers.plain(values[name])
    return values


def _check_indicator(project, data: IndicatorData) -> IndicatorData:
    data.name = (data.name or "").strip()
    data.unit = (data.unit or "").strip()
    data.verification = (data.verification or "").strip()
    if not data.name:
        raise IndicatorNameRequired
    if not data.unit:
        raise UnitRequired
    if data.target_value is None:
        raise TargetRequired
    if data.deadline is None:
        raise DeadlineRequired
    if data.baseline_value is not None and data.baseline_on is None:
        raise BaselineDateRequired
    if data.baseline_on is not None and data.baseline_value is None:
        raise BaselineValueRequired
    if data.baseline_on is not None and data.deadline <= data.baseline_on:
        raise DeadlineBeforeBaseline
    if data.baseline_value is not None and data.target_value == data.baseline_value:
        raise TargetEqualsBaseline
    for owner in (data.owner_member, data.owner_party):
        if owner is not None and owner.project_id != project.pk:
            raise OwnerNotOfProject
    return data


def _apply(indicator: Indicator, data: IndicatorData) -> None:
    for name in INDICATOR_AUDIT:
        setattr(indicator, name, getattr(data, name))


@transaction.atomic
def add_indicator(actor, project, data: IndicatorData) -> Indicator:
    """Add an indicator of the goal.

    Rules: a name, a unit, a target and a deadline; a baseline has both a value and a date,
    lies before the deadline and differs from the target; the owner is a member or a party
    of this project. Side effects: the indicator; audit "indicator.added".
    """
    _lock(actor, project)
    data = _check_indicator(project, data)
    indicator = Indicator(project=project, created_by=actor)
    _apply(indicator, data)
    indicator.save()
    record_event(
        project=project,
        actor=actor,
        action="indicator.added",
        obj=indicator,
        new=_indicator_values(indicator),
    )
    return indicator


def _locked_indicator(actor, indicator: Indicator) -> Indicator:
    """Lock the project, then read the indicator as it is now (another request may have
    changed it)."""
    _lock(actor, indicator.project)
    fresh = Indicator.objects.select_related("project", "owner_member__user", "owner_party").get(
        pk=indicator.pk
    )
    if fresh.retired_at:
        raise IndicatorRetired
    return fresh


def _locked_at_version(actor, indicator: Indicator, version: int) -> Indicator:
    """As `_locked_indicator`, and still at the `version` the user saw (else a conflict)."""
    fresh = _locked_indicator(actor, indicator)
    if fresh.version != version:
        raise IndicatorConflict(fresh)
    return fresh


@transaction.atomic
def change_indicator(
    actor, indicator: Indicator, data: IndicatorData, *, version: int
) -> Indicator:
    """Change an indicator in place, based on the `version` the user saw.

    Same rules as `add_indicator`; a retired indicator is read-only. Someone else's newer
    change: IndicatorConflict (with the current indicator), nothing written. Side effects:
    the indicator's fields and `version` + 1; audit "indicator.changed" with old and new.
    """
    fresh = _locked_at_version(actor, indicator, version)
    data = _check_indicator(fresh.project, data)
    old = _indicator_values(fresh)
    _apply(fresh, data)
    new = _indicator_values(fresh)
    changed = [key for key in INDICATOR_AUDIT if old[key] != new[key]]
    if not changed:
        return fresh
    fresh.version += 1
    fresh.save()
    record_event(
        project=fresh.project,
        actor=actor,
        action="indicator.changed",
        obj=fresh,
        old={key: old[key] for key in changed},
        new={key: new[key] for key in changed},
    )
    return fresh


@transaction.atomic
def retire_indicator(actor, indicator: Indicator, *, reason: str, version: int) -> Indicator:
    """Retire an indicator with a reason: it stays readable with its measurements, and no
    longer counts in the summary. Side effects: `retired_*`, `version` + 1; audit
    "indicator.retired"."""
    fresh = _locked_at_version(actor, indicator, version)
    reason = (reason or "").strip()
    if not reason:
        raise RetirementReasonRequired
    fresh.retired_at = timezone.now()
    fresh.retired_by = actor
    fresh.retirement_reason = reason
    fresh.version += 1
    fresh.save()
    record_event(
        project=fresh.project,
        actor=actor,
        action="indicator.retired",
        obj=fresh,
        new={"reason": reason},
    )
    return fresh


# --- Measurements -------------------------------------------------------------------------


@dataclass
class MeasurementData:
    value: Decimal | None
    measured_on: date | None
    note: str = ""


def _check_measurement(data: MeasurementData) -> MeasurementData:
    if data.value is None:
        raise MeasurementValueRequired
    if data.measured_on is None:
        raise MeasurementDateRequired
    if data.measured_on > timezone.localdate():
        raise MeasurementInFuture
    data.note = (data.note or "").strip()
    return data


def _measurement_values(measurement: Measurement) -> dict:
    return {
        "value": numbers.plain(measurement.value),
        "measured_on": measurement.measured_on,
        "note": measurement.note,
    }


@transaction.atomic
def record_measurement(actor, indicator: Indicator, data: MeasurementData) -> Measurement:
    """Record a measured value of an indicator.

    Rules: a value and a date not in the future; the indicator is not retired. Side
    effects: a Measurement (never changed afterwards); audit "measurement.recorded".
    """
    fresh = _locked_indicator(actor, indicator)
    data = _check_measurement(data)
    measurement = Measurement.objects.create(
        indicator=fresh,
        value=data.value,
        measured_on=data.measured_on,
        note=data.note,
        created_by=actor,
    )
    record_event(
        project=fresh.project,
        actor=actor,
        action="measurement.recorded",
        obj=fresh,
        new=_measurement_values(measurement),
    )
    return measurement


@transaction.atomic
def correct_measurement(actor, measurement: Measurement, data: MeasurementData) -> Measurement:
    """Correct a wrong measurement by a new one that names it; the old one stays, marked.

    Rules: as `record_measurement`, plus a note that says what was wrong; a measurement is
    corrected once (a later fix corrects the correction). Side effects: a Measurement with
    `corrects`; audit "measurement.corrected" with the old and the new value.
    """
    fresh = _locked_indicator(actor, measurement.indicator)
    if Measurement.objects.filter(corrects_id=measurement.pk).exists():
        raise MeasurementAlreadyCorrected
    data = _check_measurement(data)
    if not data.note:
        raise CorrectionNoteRequired
    correction = Measurement.objects.create(
        indicator=fresh,
        value=data.value,
        measured_on=data.measured_on,
        note=data.note,
        corrects=measurement,
        created_by=actor,
    )
    record_event(
        project=fresh.project,
        actor=actor,
        action="measurement.corrected",
        obj=fresh,
        old=_measurement_values(measurement),
        new=_measurement_values(correction),
    )
    return correction
