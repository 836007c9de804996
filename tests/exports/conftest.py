"""Export tests: Alice (projectleider), Bob (teamlid), Mila (meelezer), and a project that
has something in every section: parties, a neighbourhood, a sub-project with progress, a
logbook of every kind (a revised decision, a withdrawn link, a document), stakeholders, and
every working tool's data (the demo project's, written through the tools' services): a goal
in two versions, indicators with a corrected measurement, roles and RACI rows, the housing-cost
definition in two versions with households and calculations, and linking opportunities."""

from datetime import date, timedelta

import pytest

from tests.pages import STEP, _build_logbook, _logbook_documents
from tests.projects.conftest import alice, bob, mila, project  # noqa: F401
from wijkkoers.goals.demo import create_demo_goals
from wijkkoers.housingcost.demo import create_demo_housingcost
from wijkkoers.opportunities.demo import create_demo_opportunities
from wijkkoers.projects.models import Party
from wijkkoers.projects.services import (
    ProgressChange,
    add_neighbourhood,
    add_party,
    add_subproject,
    set_step_progress,
)
from wijkkoers.raci.demo import create_demo_roles
from wijkkoers.stakeholders.models import (
    Assessment,
    ChecklistMark,
    MutualGain,
    Priority,
    Stakeholder,
    Tension,
)


def add_stakeholders(workspace, parties, user):
    """Stakeholder rows as the stakeholder tools will write them (their services are not on
    main yet)."""
    holders = []
    for index, party in enumerate(parties):
        holder = Stakeholder.objects.create(
            project=workspace,
            party=party,
            role_in_project="Eigenaar van 400 huurwoningen",
            interests="=SOM(A1:A3) betaalbare woonlasten",
            position="steunend",
            created_by=user,
        )
        Priority.objects.create(stakeholder=holder, rank=1, text="Woonlasten gelijk houden")
        Assessment.objects.create(
            stakeholder=holder,
            project=workspace,
            assessed_on=date(2026, 10, 1) + timedelta(days=index),
            power=4,
            interest=5,
            created_by=user,
        )
        holders.append(holder)
    tension = Tension.objects.create(project=workspace, title="Planning botst", created_by=user)
    tension.stakeholders.set(holders)
    gain = MutualGain.objects.create(project=workspace, title="Samen inkopen", created_by=user)
    gain.stakeholders.set(holders[:1])
    ChecklistMark.objects.create(project=workspace, item_key="belangen-verkend", checked_by=user)
    return holders


@pytest.fixture
def full_project(method, project, alice, bob):  # noqa: F811
    corporation = add_party(alice, project, name="Woonstad", party_type="woningcorporatie")
    other = add_party(
        alice, project, name="Buurthuis De Kring", party_type=Party.OTHER, other_type="buurthuis"
    )
    add_neighbourhood(alice, project, name="Oosterhout-Noord", cbs_code="BU03630000")
    sub = add_subproject(alice, project, name="Warmtenet")
    set_step_progress(
        alice,
        project,
        STEP,
        ProgressChange(status="gestart", owner=bob, note="Eerste **gesprek**."),
        expected_version=0,
    )
    set_step_progress(
        alice, project, STEP, ProgressChange(status="afgerond"), expected_version=0, subproject=sub
    )
    _build_logbook(alice, project, corporation)
    _logbook_documents(alice, project, corporation)
    add_stakeholders(project, [corporation, other], alice)
    add_tools(project, alice, bob, corporation)
    return project


def add_tools(workspace, leader, member, corporation):
    """Every working tool's data, as the demo project has it."""
    create_demo_goals(workspace, leader, member, corporation=corporation)
    create_demo_roles(workspace, leader, member)
    create_demo_housingcost(workspace, leader, member)
    create_demo_opportunities(workspace, leader, member)
