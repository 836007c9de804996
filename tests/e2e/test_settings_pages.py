"""The pages that change and remove a project's parties, neighbourhoods and sub-projects pass
axe, also when a removal is refused and the page says why."""

import pytest

from tests.pages import build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KINDS = [
    "settings",
    "party remove",
    "neighbourhood edit",
    "neighbourhood remove",
    "sub-project edit",
]


def test_settings_edit_and_remove_pages_have_no_serious_axe_findings(page, login, axe, method):
    site = build_site()
    login(site.leader)

    for kind in KINDS:
        page.goto(site.workspace[kind])
        axe(page)
    page.goto(site.workspace["party remove"])
    page.get_by_role("button", name="Verwijderen").click()  # a member belongs to this party
    assert page.get_by_role("alert").is_visible()
    axe(page)
