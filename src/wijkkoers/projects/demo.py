"""A lived-in demo workspace, made through the same service functions as real use."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wijkkoers.projects.models import Project, Role, StepStatus
from wijkkoers.projects.services import (
    ProgressChange,
    add_member,
    add_party,
    add_subproject,
    change_member_party,
    create_project,
    invite_member,
    set_step_progress,
)

DEMO_NAME = "Demo: wijkaanpak Voorbeeldwijk"
PARTIES = [
    ("Gemeente Voorbeeldstad", "gemeente"),
    ("Woonstichting Voorbeeld", "woningcorporatie"),
    ("Energiecoöperatie Voorbeeldwijk", "bewonersinitiatief"),
]
# step key, status, note; the demo's own story, not a claim about any real neighbourhood.
PROGRESS = [
    (
        "de-juiste-partijen-aan-tafel",
        StepStatus.FINISHED,
        "Startbijeenkomst gehouden; alle partijen waren er.",
    ),
    (
        "helderheid-over-ambities",
        StepStatus.FINISHED,
        "Belangen per partij vastgelegd in het logboek.",
    ),
    (
        "gezamenlijke-ambitie",
        StepStatus.STARTED,
        "Concept-ambitie ligt bij de partners ter reactie.",
    ),
    ("verwachtingen-en-rollen", StepStatus.STARTED, ""),
    ("regierol-gemeente", StepStatus.PAUSED, "Wacht op het collegebesluit over de regierol."),
    ("rol-vve", StepStatus.NOT_APPLICABLE, ""),
]


def create_demo_project(leader, member, reader):
    """Create the demo project once, through the services; running it again changes nothing.

    Everything happens in one transaction, so a run that fails halfway leaves no half demo.
    Needs the method loaded: the parties are typed by it and the progress names its steps.
    """
    existing = Project.objects.filter(name=DEMO_NAME).first()
    if existing:
        return existing
    with transaction.atomic():
        project = create_project(
            leader,
            name=DEMO_NAME,
            municipality="Voorbeeldstad",
            description=(
                "Een voorbeeldproject om Wijkkoers te verkennen. Alle namen zijn verzonnen."
            ),
            start_date=timezone.localdate() - timedelta(days=120),
            neighbourhoods=[("Voorbeeldwijk", "")],
        )
        municipality, corporation, cooperative = (
            add_party(leader, project, name=name, party_type=kind) for name, kind in PARTIES
        )
        change_member_party(leader, project.memberships.get(user=leader), municipality)
        add_member(leader, project, member, role=Role.TEAMLID, party=corporation)
        add_member(leader, project, reader, role=Role.MEELEZER, party=cooperative)
        add_subproject(
            leader, project, name="Hoogbouw Noord", description="De flats aan de noordkant."
        )
        invite_member(
            leader, project, email="adviseur@example.org", role=Role.MEELEZER, party=municipality
        )
        _record_progress(project, leader, member)
        # Imported here: the logbook and the tools build on projects (their services import
        # this app's).
        from wijkkoers.goals.demo import create_demo_goals
        from wijkkoers.housingcost.demo import create_demo_housingcost
        from wijkkoers.logbook.demo import create_demo_logbook
        from wijkkoers.logbook.demo_documents import add_demo_documents
        from wijkkoers.opportunities.demo import create_demo_opportunities
        from wijkkoers.raci.demo import create_demo_roles
        from wijkkoers.stakeholders.demo_ambitions import create_demo_ambitions
        from wijkkoers.stakeholders.demo_register import create_demo_register

        create_demo_logbook(project, leader, member)
        add_demo_documents(project, leader, member, municipality=municipality)
        create_demo_roles(project, leader, member)
        create_demo_opportunities(project, leader, member)
        create_demo_register(project, leader, member)  # before the ambitions: they add to it
        create_demo_ambitions(project, leader, member)
        create_demo_housingcost(project, leader, member)
        create_demo_goals(project, leader, member, corporation=corporation)
    return project


def _record_progress(project, leader, member):
    for key, status, note in PROGRESS:
        change = ProgressChange(
            status=status,
            note=note,
            owner=member if status == StepStatus.STARTED else leader,
            reason="Er zijn geen VvE's in de wijk." if status == StepStatus.NOT_APPLICABLE else "",
            target_date=timezone.localdate() + timedelta(days=30)
            if status == StepStatus.STARTED
            else None,
        )
        set_step_progress(leader, project, key, change, expected_version=0)
