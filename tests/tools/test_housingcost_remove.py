"""Removing a household archetype: confirmed, audited, saved calculations kept as they were.

Who may not (outsider, staff, meelezer, a closed project) is covered with every other write
in test_housingcost_views.py (`_writes` holds the removal too).
"""

import pytest
from django.urls import reverse

from tests.tools.housingcost_rows import define, household
from wijkkoers.audit.models import AuditEvent
from wijkkoers.core.errors import NotFound
from wijkkoers.housingcost.models import Archetype, Calculation
from wijkkoers.housingcost.services import remove_archetype, save_calculation
from wijkkoers.projects.errors import ProjectClosed
from wijkkoers.projects.services import close_project

pytestmark = pytest.mark.django_db


def _url(project, archetype, name="archetype_remove"):
    return reverse(f"housingcost:{name}", args=[project.public_id, archetype.public_id])


def test_remove_archetype_audits_its_last_values(alice, bob, project):
    archetype = household(alice, project, name="Huurflat")

    kept = remove_archetype(bob, archetype)

    assert kept == 0
    assert not Archetype.objects.filter(pk=archetype.pk).exists()
    event = AuditEvent.objects.get(action="housingcost.archetype_removed")
    assert (event.actor, event.object_repr) == (bob, "Huurflat")
    assert event.old["name"] == "Huurflat"
    assert event.old["segment"] == "eigenaar"


def test_remove_archetype_keeps_its_saved_calculations(alice, project):
    define(alice, project)
    archetype = household(alice, project, name="Koopwoning")
    saved = save_calculation(alice, archetype)

    kept = remove_archetype(alice, archetype)

    saved.refresh_from_db()
    assert kept == 1
    assert saved.archetype is None
    assert (saved.archetype_name, saved.neutral) == ("Koopwoning", False)
    assert Calculation.objects.count() == 1


def test_remove_archetype_in_a_closed_project_is_refused(alice, project):
    archetype = household(alice, project)
    close_project(alice, project, reason="Klaar")

    with pytest.raises(ProjectClosed):
        remove_archetype(alice, archetype)

    assert Archetype.objects.filter(pk=archetype.pk).exists()
    assert not AuditEvent.objects.filter(action="housingcost.archetype_removed").exists()


def test_remove_archetype_twice_is_not_found(alice, project):
    archetype = household(alice, project)
    remove_archetype(alice, archetype)

    with pytest.raises(NotFound):
        remove_archetype(alice, archetype)

    assert AuditEvent.objects.filter(action="housingcost.archetype_removed").count() == 1


def test_remove_page_asks_to_confirm_and_names_the_kept_calculations(client, alice, bob, project):
    define(alice, project)
    archetype = household(alice, project, name="Koopwoning <b>")
    save_calculation(alice, archetype)
    client.force_login(bob)

    page = client.get(_url(project, archetype))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Koopwoning &lt;b&gt;" in html
    assert "bewaarde berekening" in html
    assert Archetype.objects.filter(pk=archetype.pk).exists()


def test_remove_page_post_removes_and_returns_to_the_households(client, alice, bob, project):
    archetype = household(alice, project, name="Huurflat")
    client.force_login(bob)

    response = client.post(_url(project, archetype), follow=True)

    assert response.redirect_chain[-1][0].endswith("/woonlasten/huishoudens/")
    assert "Het huishouden is verwijderd." in response.content.decode()
    assert not Archetype.objects.exists()
    changes = client.get(reverse("projects:audit", args=[project.public_id])).content.decode()
    assert "verwijderde het voorbeeldhuishouden" in changes


def test_edit_page_links_to_removal(client, alice, bob, project):
    archetype = household(alice, project)
    client.force_login(bob)

    page = client.get(_url(project, archetype, "archetype_edit")).content.decode()

    assert _url(project, archetype) in page


def test_remove_page_of_another_projects_household_is_404(client, alice, bob, project):
    from wijkkoers.projects.services import create_project

    other = create_project(alice, name="Elders", municipality="Elderstad")
    theirs = household(alice, other)
    client.force_login(bob)

    url = reverse("housingcost:archetype_remove", args=[project.public_id, theirs.public_id])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Archetype.objects.filter(pk=theirs.pk).exists()
