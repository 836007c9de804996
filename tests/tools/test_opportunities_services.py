"""Linking opportunities: windows as people write them, the rules, versions and the summary."""

from datetime import date

import pytest

from wijkkoers.audit.models import AuditEvent
from wijkkoers.opportunities.errors import (
    InvalidKind,
    OpportunityConflict,
    OwnerNotOfProject,
    StepNotInMethod,
    TitleRequired,
    WindowEndBeforeStart,
)
from wijkkoers.opportunities.models import Opportunity, Precision, Status
from wijkkoers.opportunities.queries import next_window, status_counts, timeline, window_text
from wijkkoers.opportunities.services import (
    OpportunityData,
    add_opportunity,
    remove_opportunity,
    update_opportunity,
)
from wijkkoers.opportunities.tool import summary
from wijkkoers.opportunities.windows import form_value, parse_moment
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import add_party, close_project, create_project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2027", False, (date(2027, 1, 1), Precision.YEAR)),
        ("2028", True, (date(2028, 12, 31), Precision.YEAR)),
        ("3-2027", False, (date(2027, 3, 1), Precision.MONTH)),
        ("02/2028", True, (date(2028, 2, 29), Precision.MONTH)),
        ("2027-11", False, (date(2027, 11, 1), Precision.MONTH)),
        ("Maart 2027", True, (date(2027, 3, 31), Precision.MONTH)),
        ("mrt. 2027", False, (date(2027, 3, 1), Precision.MONTH)),
        ("15-3-2027", False, (date(2027, 3, 15), Precision.DAY)),
        ("2027-03-15", True, (date(2027, 3, 15), Precision.DAY)),
        ("15 maart 2027", False, (date(2027, 3, 15), Precision.DAY)),
    ],
)
def test_parse_moment_reads_years_months_and_days(text, end, expected):
    assert parse_moment(text, end=end) == expected


@pytest.mark.parametrize("text", ["", "volgend jaar", "13-2027", "31-2-2027", "27", "0999"])
def test_parse_moment_refuses_what_is_no_moment(text):
    with pytest.raises(ValueError):  # noqa: PT011 - the parser's only error
        parse_moment(text)


def _data(**changes) -> OpportunityData:
    values = {
        "title": "Rioolvervanging Kerkstraat",
        "kind": "fysiek",
        "window_start": date(2027, 1, 1),
        "window_start_precision": Precision.YEAR,
        "window_end": date(2028, 12, 31),
        "window_end_precision": Precision.YEAR,
    }
    return OpportunityData(**(values | changes))


def test_add_opportunity_keeps_the_window_as_written_and_audits(alice, project, method):
    found = add_opportunity(alice, project, _data(step_keys=["fysieke-koppelkansen"]))

    assert window_text(found) == "2027 – 2028"
    assert (form_value(found.window_start, found.window_start_precision)) == "2027"
    event = AuditEvent.objects.get(action="opportunity.added")
    assert (event.new["window_start"], event.new["window_end"]) == ("2027", "2028")
    assert "window_start_precision" not in event.new


def test_add_opportunity_with_end_before_start_is_refused(alice, project):
    with pytest.raises(WindowEndBeforeStart):
        add_opportunity(
            alice,
            project,
            _data(window_start=date(2028, 1, 1), window_end=date(2027, 12, 31)),
        )
    assert not Opportunity.objects.exists()


def test_add_opportunity_end_in_the_start_year_is_fine(alice, project):
    found = add_opportunity(
        alice,
        project,
        _data(
            window_start=date(2027, 3, 1),
            window_start_precision=Precision.MONTH,
            window_end=date(2027, 12, 31),
        ),
    )
    assert window_text(found) == "maart 2027 – 2027"


def test_add_opportunity_rules(alice, project, method):
    other = create_project(alice, name="Andere wijk", municipality="Teststad")
    stranger = add_party(alice, other, name="Vreemd", party_type="gemeente")
    with pytest.raises(TitleRequired):
        add_opportunity(alice, project, _data(title=" "))
    with pytest.raises(InvalidKind):
        add_opportunity(alice, project, _data(kind="anders"))
    with pytest.raises(OwnerNotOfProject):
        add_opportunity(alice, project, _data(owner_party=stranger))
    with pytest.raises(StepNotInMethod):
        add_opportunity(alice, project, _data(step_keys=["bestaat-niet"]))
    assert not Opportunity.objects.exists()


def test_update_opportunity_based_on_an_old_version_is_refused(alice, bob, project):
    found = add_opportunity(alice, project, _data())
    update_opportunity(bob, found, _data(status=Status.EXPLORED), expected_version=0)

    with pytest.raises(OpportunityConflict) as caught:
        update_opportunity(alice, found, _data(status=Status.LAPSED), expected_version=0)

    assert caught.value.current.status == Status.EXPLORED
    found.refresh_from_db()
    assert (found.status, found.version) == (Status.EXPLORED, 1)
    event = AuditEvent.objects.get(action="opportunity.changed")
    assert (event.old, event.new) == ({"status": "idee"}, {"status": "verkend"})


def test_writes_in_a_closed_project_are_refused(alice, project):
    found = add_opportunity(alice, project, _data())
    close_project(alice, project, reason="Klaar")
    with pytest.raises(ProjectClosed):
        add_opportunity(alice, project, _data())
    with pytest.raises(ProjectClosed):
        remove_opportunity(alice, found)


def test_remove_opportunity_is_audited(alice, project):
    found = add_opportunity(alice, project, _data())
    remove_opportunity(alice, found)
    assert not Opportunity.objects.exists()
    assert AuditEvent.objects.get(action="opportunity.removed").old["title"] == found.title


def test_summary_counts_per_status_and_names_the_next_window(alice, project):
    assert summary(project).empty
    add_opportunity(
        alice, project, _data(title="Riool", window_start=date(2099, 1, 1), window_end=None)
    )
    add_opportunity(alice, project, _data(title="Buurtfeest", kind="sociaal", status=Status.USED))
    add_opportunity(alice, project, _data(title="Oud", window_start=None, window_end=None))

    assert [count for _value, _label, count in status_counts(project)] == [2, 0, 0, 1, 0]
    assert next_window(project).title == "Riool"
    lines = dict(summary(project).lines)
    assert lines["Idee"] == "2"
    assert lines["Eerstvolgende tijdvenster"].startswith("Riool")


def test_timeline_places_windows_by_month_and_lists_those_without(alice, project):
    add_opportunity(alice, project, _data())
    add_opportunity(
        alice,
        project,
        _data(
            title="Renovatie",
            window_start=date(2029, 7, 1),
            window_start_precision=Precision.MONTH,
            window_end=None,
        ),
    )
    add_opportunity(alice, project, _data(title="Zonder", window_start=None, window_end=None))

    found = timeline(project, today=date(2028, 1, 1))

    assert found.years == [2027, 2028, 2029]
    riool, renovatie = found.bars
    assert (riool.x, round(riool.width)) == (0, 24)
    assert renovatie.x == 30
    assert round(renovatie.width) == 1
    assert found.today_x == 12
    assert [item.title for item in found.without_window] == ["Zonder"]
    ahead = timeline(project, today=date(2026, 2, 1))
    assert ahead.years == [2026, 2027, 2028, 2029]
    assert (ahead.today_x, ahead.bars[0].x) == (1, 12)
