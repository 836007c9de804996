"""The demo project shows the ambitions tool filled in, made through the services."""

import pytest
from django.core.management import call_command

from wijkkoers.projects.demo import DEMO_NAME
from wijkkoers.projects.models import Project
from wijkkoers.tools.registry import get_tool

pytestmark = pytest.mark.django_db


def test_demo_has_ambitions_tension_gain_and_ticks(method):
    call_command("setup_demo", stdout=None)
    project = Project.objects.get(name=DEMO_NAME)

    municipality = project.stakeholders.get(party__party_type="gemeente")
    assert municipality.ambition_neighbourhood.startswith("Als regisseur")
    assert municipality.ambition_own_property.startswith("Als eigenaar")
    tension = project.tensions.get()
    assert tension.stakeholders.count() == 2
    assert tension.decisions.count() == 1
    assert project.mutual_gains.get().decisions.count() == 1
    assert project.mga_marks.count() == 2
    assert not get_tool("ambitions").summarise(project).empty
