"""The ambitions services: rules, rights, lifecycle, versions and the audit trail."""

import pytest

from tests.tools.ambitions_support import make_decision, make_stakeholder, make_stakeholders
from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.models import Project
from wijkkoers.projects.services import create_project
from wijkkoers.stakeholders.errors_ambitions import (
    DecisionNotOfProject,
    EditConflict,
    NotAllowedToEdit,
    StakeholderNotOfProject,
    TitleMissing,
    TooFewStakeholders,
    UnknownChecklistItem,
)
from wijkkoers.stakeholders.models import ChecklistMark, MutualGain, Stakeholder, Tension
from wijkkoers.stakeholders.services.ambitions import (
    Ambitions,
    GainData,
    TensionData,
    check_mga_item,
    record_mutual_gain,
    record_tension,
    uncheck_mga_item,
    update_ambitions,
    update_mutual_gain,
    update_tension,
)

# Party types come from the method.
pytestmark = pytest.mark.usefixtures("method")


@pytest.fixture
def pair(alice, project):
    return make_stakeholders(alice, project, 2)


def _actions(project):
    return list(AuditEvent.objects.filter(project=project).values_list("action", flat=True))


def test_update_ambitions_saves_and_audits(alice, project):
    gemeente = make_stakeholder(alice, project, "Gemeente Teststad", party_type="gemeente")
    update_ambitions(
        alice,
        gemeente,
        Ambitions(ambition_neighbourhood="Aardgasvrij in 2035", ambition_own_property="Scholen"),
        expected_version=0,
    )
    gemeente.refresh_from_db()
    assert gemeente.ambition_own_property == "Scholen"
    assert gemeente.version == 1
    event = AuditEvent.objects.get(action="stakeholder.ambitions_changed")
    assert event.new == {
        "ambition_neighbourhood": "Aardgasvrij in 2035",
        "ambition_own_property": "Scholen",
    }


def test_update_ambitions_conflict_on_old_version(alice, bob, project):
    row = make_stakeholder(alice, project, "Corporatie")
    update_ambitions(alice, row, Ambitions(interests="Betaalbare huur"), expected_version=0)
    with pytest.raises(EditConflict) as error:
        update_ambitions(bob, row, Ambitions(interests="Iets anders"), expected_version=0)
    assert error.value.current.interests == "Betaalbare huur"
    row.refresh_from_db()
    assert row.interests == "Betaalbare huur"
    assert row.version == 1


def test_update_ambitions_meelezer_refused(alice, mila, project):
    row = make_stakeholder(alice, project, "Corporatie")
    with pytest.raises(NotAllowedToEdit):
        update_ambitions(mila, row, Ambitions(interests="x"), expected_version=0)
    row.refresh_from_db()
    assert row.interests == ""
    assert row.version == 0


def test_update_ambitions_closed_project_refused(alice, project):
    row = make_stakeholder(alice, project, "Corporatie")
    Project.objects.filter(pk=project.pk).update(status=Project.Status.CLOSED)
    with pytest.raises(ProjectClosed):
        update_ambitions(alice, row, Ambitions(interests="x"), expected_version=0)
    assert Stakeholder.objects.get(pk=row.pk).interests == ""


def test_record_tension_with_one_stakeholder_refused(alice, project, pair):
    with pytest.raises(TooFewStakeholders) as error:
        record_tension(alice, project, TensionData(title="Tempo", stakeholders=[pair[0]]))
    assert error.value.field == "stakeholders"
    assert "twee" in str(error.value) or "two" in str(error.value)
    assert not Tension.objects.exists()


def test_record_tension_same_stakeholder_twice_is_one(alice, project, pair):
    with pytest.raises(TooFewStakeholders):
        record_tension(alice, project, TensionData(title="Tempo", stakeholders=[pair[0], pair[0]]))


def test_record_tension_without_title_refused(alice, project, pair):
    with pytest.raises(TitleMissing):
        record_tension(alice, project, TensionData(title="  ", stakeholders=pair))


def test_record_tension_decision_of_other_project_refused(alice, project, pair):
    other = create_project(alice, name="Ander project", municipality="Elders")
    foreign = make_decision(alice, other)
    with pytest.raises(DecisionNotOfProject) as error:
        record_tension(
            alice, project, TensionData(title="Tempo", stakeholders=pair, decisions=[foreign])
        )
    assert error.value.field == "decisions"
    assert not Tension.objects.exists()
    assert "tension.recorded" not in _actions(project)


def test_record_tension_non_decision_entry_refused(alice, project, pair):
    from wijkkoers.logbook.services.entries import ActionData, create_action

    action = create_action(alice, project, ActionData(title="Zaal reserveren"))
    with pytest.raises(DecisionNotOfProject):
        record_tension(
            alice, project, TensionData(title="Tempo", stakeholders=pair, decisions=[action])
        )


def test_record_tension_stakeholder_of_other_project_refused(alice, project, pair):
    other = create_project(alice, name="Ander project", municipality="Elders")
    foreign = make_stakeholder(alice, other, "Elders BV")
    with pytest.raises(StakeholderNotOfProject):
        record_tension(alice, project, TensionData(title="Tempo", stakeholders=[pair[0], foreign]))


def test_record_tension_links_decision_and_audits(alice, project, pair):
    decision = make_decision(alice, project)
    tension = record_tension(
        alice,
        project,
        TensionData(title="Tempo", severity="hoog", stakeholders=pair, decisions=[decision]),
    )
    assert list(tension.decisions.all()) == [decision]
    event = AuditEvent.objects.get(action="tension.recorded")
    assert [s["name"] for s in event.new["stakeholders"]] == ["Partij 000", "Partij 001"]
    assert event.new["decisions"][0]["name"] == decision.title


def test_update_tension_resolved_is_its_own_action(alice, bob, project, pair):
    tension = record_tension(alice, project, TensionData(title="Tempo", stakeholders=pair))
    update_tension(
        bob,
        tension,
        TensionData(title="Tempo", stakeholders=pair, status="opgelost"),
        expected_version=0,
    )
    assert _actions(project).count("tension.resolved") == 1
    tension.refresh_from_db()
    assert tension.status == "opgelost"
    assert tension.version == 1


def test_update_tension_conflict_keeps_other_change(alice, bob, project, pair):
    tension = record_tension(alice, project, TensionData(title="Tempo", stakeholders=pair))
    update_tension(
        alice, tension, TensionData(title="Tempo A", stakeholders=pair), expected_version=0
    )
    with pytest.raises(EditConflict):
        update_tension(
            bob, tension, TensionData(title="Tempo B", stakeholders=pair), expected_version=0
        )
    tension.refresh_from_db()
    assert tension.title == "Tempo A"


def test_update_tension_meelezer_refused(alice, mila, project, pair):
    tension = record_tension(alice, project, TensionData(title="Tempo", stakeholders=pair))
    with pytest.raises(NotAllowedToEdit):
        update_tension(mila, tension, TensionData(title="X", stakeholders=pair), expected_version=0)


def test_record_mutual_gain_needs_two(alice, project, pair):
    with pytest.raises(TooFewStakeholders):
        record_mutual_gain(alice, project, GainData(title="Samen inkopen", stakeholders=pair[:1]))
    assert not MutualGain.objects.exists()


def test_mutual_gain_record_and_update(alice, project, pair):
    decision = make_decision(alice, project)
    gain = record_mutual_gain(
        alice, project, GainData(title="Samen inkopen", stakeholders=pair, decisions=[decision])
    )
    update_mutual_gain(
        alice, gain, GainData(title="Samen inkopen", stakeholders=pair), expected_version=0
    )
    gain.refresh_from_db()
    assert gain.version == 1
    assert not gain.decisions.exists()
    assert _actions(project).count("mutual_gain.changed") == 1
    with pytest.raises(EditConflict):
        update_mutual_gain(alice, gain, GainData(title="Y", stakeholders=pair), expected_version=0)


def test_mutual_gain_decision_of_other_project_refused(alice, project, pair):
    other = create_project(alice, name="Ander project", municipality="Elders")
    with pytest.raises(DecisionNotOfProject):
        record_mutual_gain(
            alice,
            project,
            GainData(title="Samen", stakeholders=pair, decisions=[make_decision(alice, other)]),
        )


def test_mga_tick_note_and_untick(alice, bob, project):
    mark = check_mga_item(bob, project, "objectieve-criteria", note="Besproken op 3 maart")
    assert mark.checked_by == bob
    check_mga_item(alice, project, "objectieve-criteria", note="Vastgelegd")
    assert ChecklistMark.objects.get().note == "Vastgelegd"
    uncheck_mga_item(alice, project, "objectieve-criteria")
    assert not ChecklistMark.objects.exists()
    assert _actions(project).count("mga_item.checked") == 2
    event = AuditEvent.objects.get(action="mga_item.unchecked")
    assert event.old["note"] == "Vastgelegd"


def test_mga_unknown_item_refused(alice, project):
    with pytest.raises(UnknownChecklistItem):
        check_mga_item(alice, project, "bestaat-niet")


def test_mga_meelezer_refused(mila, project):
    with pytest.raises(NotAllowedToEdit):
        check_mga_item(mila, project, "objectieve-criteria")
    assert not ChecklistMark.objects.exists()


def test_summary_counts_in_three_queries(alice, project, pair, django_assert_num_queries):
    from wijkkoers.tools.registry import get_tool

    update_ambitions(alice, pair[0], Ambitions(interests="Rust"), expected_version=0)
    record_tension(alice, project, TensionData(title="A", stakeholders=pair, severity="hoog"))
    record_tension(alice, project, TensionData(title="B", stakeholders=pair, severity="laag"))
    record_tension(alice, project, TensionData(title="C", stakeholders=pair, status="opgelost"))
    record_mutual_gain(alice, project, GainData(title="G", stakeholders=pair))
    check_mga_item(alice, project, "objectieve-criteria")
    with django_assert_num_queries(3):
        summary = get_tool("ambitions").summarise(project)
    lines = {str(label): str(value) for label, value in summary.lines}
    assert not summary.empty
    assert list(lines.values()) == ["1 van 2", "2 (1 hoog, 1 laag)", "1", "1 van 10 punten"]
    assert summary.warnings


def test_summary_empty_project(project):
    from wijkkoers.tools.registry import get_tool

    assert get_tool("ambitions").summarise(project).empty
