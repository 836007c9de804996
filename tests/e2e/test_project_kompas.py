"""The project kompas in a browser: every step reachable, from the project and from the
public step page, and usable on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    create_project,
    set_step_progress,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def visible_step_keys(page, project):
    """The distinct steps the page links to in this project, among visible links."""
    prefix = f"/projecten/{project.public_id}/stappen/"
    hrefs = page.eval_on_selector_all(
        f'main a[href^="{prefix}"]',
        "links => links.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))",
    )
    return {href[len(prefix) :].split("/")[0] for href in hrefs}


def test_new_projects_kompas_links_to_every_step_and_opens_one(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    catalogue = get_catalogue()
    last = list(catalogue.steps.values())[-1]
    login(leader)

    page.goto(f"/projecten/{project.public_id}/")

    assert visible_step_keys(page, project) == set(catalogue.steps)
    assert len(visible_step_keys(page, project)) == len(catalogue.steps)
    page.get_by_role("region", name=re.compile("Elke stap")).get_by_role(
        "link", name=re.compile(re.escape(last.title))
    ).first.click()
    expect(page).to_have_url(re.compile(f"/projecten/{project.public_id}/stappen/{last.key}/$"))
    expect(page).to_have_title(re.compile(re.escape(f"{last.display_number} {last.title}")))


def test_kompas_list_on_a_phone_links_to_every_step(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    login(leader)
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto(f"/projecten/{project.public_id}/")

    assert visible_step_keys(page, project) == set(get_catalogue().steps)


def test_member_reaches_the_project_step_from_the_public_step_page(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    step = get_catalogue().steps["helderheid-over-ambities"]
    login(leader)

    page.goto(step.url)
    block = page.get_by_role("complementary", name="In mijn project")
    block.get_by_role("link", name=re.compile("Wijkaanpak Zonnewijk")).click()

    expect(page).to_have_url(re.compile(f"/projecten/{project.public_id}/stappen/{step.key}/$"))
    expect(page).to_have_title(re.compile(re.escape(f"{step.title} · Wijkaanpak Zonnewijk")))


def test_kompas_fits_a_320_pixel_screen(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(
        leader, name="Wijkaanpak Zonnewijk met een lange naam", municipality="Zonnestad"
    )
    subproject = add_subproject(leader, project, name="Hoogbouw Noord")
    set_step_progress(
        leader,
        project,
        "de-juiste-partijen-aan-tafel",
        ProgressChange(status="herzien"),
        expected_version=0,
    )
    login(leader)
    page.set_viewport_size({"width": 320, "height": 640})

    for path in [
        f"/projecten/{project.public_id}/",
        f"/projecten/{project.public_id}/?deelproject={subproject.public_id}",
        get_catalogue().steps["helderheid-over-ambities"].url,
    ]:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide at 320 px"
