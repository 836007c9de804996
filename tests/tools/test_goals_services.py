"""The goal's services: versions, validation at the field, corrections, rights, lifecycle."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.tools.goals_support import a_goal, a_measurement, an_indicator, indicator_data
from wijkkoers.audit.models import AuditEvent
from wijkkoers.core.errors import NotFound
from wijkkoers.goals import errors
from wijkkoers.goals.models import GoalVersion, Indicator, Measurement
from wijkkoers.goals.queries import indicator_rows
from wijkkoers.goals.services import (
    GoalData,
    MeasurementData,
    add_indicator,
    change_indicator,
    correct_measurement,
    record_measurement,
    retire_indicator,
    set_goal,
)
from wijkkoers.goals.status import Standing
from wijkkoers.goals.tool import summary
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import close_project, create_project

pytestmark = pytest.mark.django_db

CO2 = GoalData(
    goal_type="co2-neutraal",
    definition="De wijk stoot in 2040 netto geen CO2 uit.",
    energy_scope="warmte",
    electricity_counted="ja",
    compensation_allowed="nee",
    reference_year=2019,
)


# --- The goal -----------------------------------------------------------------------------


def test_set_goal_first_time_makes_version_one_with_rendered_markdown(alice, project, method):
    version = a_goal(alice, project)
    assert version.number == 1
    assert "<strong>van het gas</strong>" in version.definition_html
    assert project.goal.current == version
    event = AuditEvent.objects.get(action="goal.defined")
    assert event.new["goal_type"] == "aardgasvrij"


def test_set_goal_change_keeps_the_earlier_version(alice, bob, project, method):
    a_goal(alice, project)
    version = set_goal(bob, project, CO2, based_on=1, reason="Raadsbesluit over CO2")
    assert version.number == 2
    assert list(GoalVersion.objects.values_list("number", "goal_type")) == [
        (2, "co2-neutraal"),
        (1, "aardgasvrij"),
    ]
    assert version.reference_year == 2019
    event = AuditEvent.objects.get(action="goal.changed")
    assert event.old["goal_type"] == "aardgasvrij"
    assert event.new["change_reason"] == "Raadsbesluit over CO2"


def test_set_goal_change_without_reason_is_refused(alice, project, method):
    a_goal(alice, project)
    with pytest.raises(errors.GoalChangeReasonRequired) as refused:
        set_goal(alice, project, CO2, based_on=1)
    assert refused.value.field == "change_reason"
    assert GoalVersion.objects.count() == 1


def test_set_goal_on_an_older_version_is_a_conflict(alice, bob, project, method):
    a_goal(alice, project)
    set_goal(bob, project, CO2, based_on=1, reason="Nieuw")
    with pytest.raises(errors.GoalConflict) as conflict:
        set_goal(alice, project, CO2, based_on=1, reason="Ook nieuw")
    assert conflict.value.current.number == 2
    assert GoalVersion.objects.count() == 2


def test_set_goal_other_kind_needs_a_name(alice, project, method):
    with pytest.raises(errors.GoalLabelRequired):
        set_goal(alice, project, GoalData(goal_type="anders", definition="Iets"))
    version = set_goal(
        alice, project, GoalData(goal_type="anders", definition="Iets", other_label="Warme wijk")
    )
    assert version.name == "Warme wijk"


def test_set_goal_keeps_the_co2_questions_only_for_co2_neutral(alice, project, method):
    data = GoalData(**{**CO2.__dict__, "goal_type": "aardgasvrij"})
    version = set_goal(alice, project, data)
    assert (version.energy_scope, version.reference_year) == ("", None)


def test_set_goal_reference_year_out_of_range_is_refused(alice, project, method):
    with pytest.raises(errors.ReferenceYearOutOfRange):
        set_goal(alice, project, GoalData(**{**CO2.__dict__, "reference_year": 1850}))


def test_set_goal_without_definition_is_refused(alice, project, method):
    with pytest.raises(errors.GoalDefinitionRequired):
        set_goal(alice, project, GoalData(goal_type="aardgasvrij", definition="  "))


def test_set_goal_by_a_reader_or_stranger_is_refused(mila, project, method):
    for user in (mila, UserFactory()):
        with pytest.raises(NotFound):
            a_goal(user, project)
    assert not GoalVersion.objects.exists()


def test_set_goal_in_a_closed_project_is_refused(alice, project, method):
    close_project(alice, project, reason="Klaar")
    with pytest.raises(ProjectClosed):
        a_goal(alice, project)


# --- Indicators ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "error", "field"),
    [
        ({"name": ""}, errors.IndicatorNameRequired, "name"),
        ({"unit": " "}, errors.UnitRequired, "unit"),
        ({"target_value": None}, errors.TargetRequired, "target_value"),
        ({"deadline": None}, errors.DeadlineRequired, "deadline"),
        ({"baseline_on": None}, errors.BaselineDateRequired, "baseline_on"),
        ({"baseline_value": None}, errors.BaselineValueRequired, "baseline_value"),
        ({"deadline": date(2024, 12, 31)}, errors.DeadlineBeforeBaseline, "deadline"),
        ({"deadline": date(2025, 1, 1)}, errors.DeadlineBeforeBaseline, "deadline"),
        ({"target_value": Decimal("0")}, errors.TargetEqualsBaseline, "target_value"),
    ],
)
def test_add_indicator_bad_input_is_refused_at_its_field(alice, project, changes, error, field):
    with pytest.raises(error) as refused:
        add_indicator(alice, project, indicator_data(**changes))
    assert refused.value.field == field
    assert not Indicator.objects.exists()
    assert not AuditEvent.objects.filter(action="indicator.added").exists()


def test_add_indicator_without_baseline_is_allowed(alice, project):
    found = an_indicator(alice, project, baseline_value=None, baseline_on=None)
    assert indicator_rows(project)[0].standing == Standing.NO_BASELINE
    assert found.version == 1


def test_add_indicator_owner_of_another_project_is_refused(alice, project):
    other = create_project(alice, name="Ander project", municipality="Elders")
    owner = other.memberships.get()
    with pytest.raises(errors.OwnerNotOfProject):
        add_indicator(alice, project, indicator_data(owner_member=owner))


def test_change_indicator_moves_the_version_and_audits_the_change(alice, bob, project):
    found = an_indicator(alice, project)
    changed = change_indicator(bob, found, indicator_data(target_value=Decimal("350")), version=1)
    assert changed.version == 2
    event = AuditEvent.objects.get(action="indicator.changed")
    assert (event.old, event.new) == ({"target_value": "400"}, {"target_value": "350"})


def test_change_indicator_on_an_old_version_is_a_conflict(alice, bob, project):
    found = an_indicator(alice, project)
    change_indicator(bob, found, indicator_data(name="Eerste"), version=1)
    with pytest.raises(errors.IndicatorConflict) as conflict:
        change_indicator(alice, found, indicator_data(name="Tweede"), version=1)
    assert conflict.value.current.name == "Eerste"
    found.refresh_from_db()
    assert (found.name, found.version) == ("Eerste", 2)


def test_retire_indicator_needs_a_reason_and_makes_it_read_only(alice, project):
    found = an_indicator(alice, project)
    with pytest.raises(errors.RetirementReasonRequired):
        retire_indicator(alice, found, reason=" ", version=1)
    retire_indicator(alice, found, reason="Dubbel met een ander", version=1)
    with pytest.raises(errors.IndicatorRetired):
        a_measurement(alice, found)
    assert indicator_rows(project) == []
    assert indicator_rows(project, retired=True)[0].indicator == found


# --- Measurements -------------------------------------------------------------------------


def test_record_measurement_in_the_future_is_refused(alice, project):
    found = an_indicator(alice, project)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(errors.MeasurementInFuture):
        record_measurement(alice, found, MeasurementData(Decimal("1"), tomorrow))
    assert not Measurement.objects.exists()


def test_record_measurement_by_a_reader_is_refused(mila, alice, project):
    found = an_indicator(alice, project)
    with pytest.raises(NotFound):
        a_measurement(mila, found)
    assert not Measurement.objects.exists()


def test_correct_measurement_replaces_it_in_the_status_and_keeps_it(alice, project):
    found = an_indicator(alice, project)  # 0 -> 400 over five years
    # The line is at 80 on 1 January 2026: 76 behind is 19% of the needed 400, at risk.
    wrong = a_measurement(alice, found, value="4", on=date(2026, 1, 1))
    assert indicator_rows(project)[0].standing == Standing.AT_RISK
    with pytest.raises(errors.CorrectionNoteRequired):
        correct_measurement(alice, wrong, MeasurementData(Decimal("80"), date(2026, 1, 1)))
    fixed = correct_measurement(
        alice, wrong, MeasurementData(Decimal("80"), date(2026, 1, 1), "Een nul vergeten")
    )
    assert fixed.corrects == wrong
    row = indicator_rows(project)[0]
    assert (row.newest_value, row.standing) == (Decimal("80"), Standing.ON_TRACK)
    assert Measurement.objects.count() == 2
    with pytest.raises(errors.MeasurementAlreadyCorrected):
        correct_measurement(
            alice, wrong, MeasurementData(Decimal("81"), date(2026, 1, 1), "Nogmaals")
        )
    event = AuditEvent.objects.get(action="measurement.corrected")
    assert (event.old["value"], event.new["value"]) == ("4", "80")


def test_newest_measurement_decides_the_status(alice, project):
    found = an_indicator(alice, project)
    a_measurement(alice, found, value="80", on=date(2026, 1, 1))
    a_measurement(alice, found, value="10", on=date(2025, 6, 1))  # older, recorded later
    assert indicator_rows(project)[0].newest_value == Decimal("80")


# --- The tool's summary -------------------------------------------------------------------


def test_summary_names_goal_and_counts_per_status(
    alice, project, method, django_assert_max_num_queries
):
    assert summary(project).empty
    a_goal(alice, project)
    on_track = an_indicator(alice, project)
    a_measurement(alice, on_track, value="80", on=date(2026, 1, 1))
    an_indicator(alice, project, name="Geïsoleerde woningen")
    with django_assert_max_num_queries(3):
        result = summary(project)
    lines = dict(result.lines)
    assert "Indicatoren" in lines or "Indicators" in lines
    assert len(result.lines) == 4  # goal, indicators, on track 1, no measurement 1


def test_summary_warns_while_co2_scope_is_open(alice, project, method):
    set_goal(alice, project, GoalData(goal_type="co2-neutraal", definition="Netto nul"))
    assert summary(project).warnings
