"""Every page kind (tests/pages.py) through axe-core: no serious or critical finding."""

import pytest

from tests.pages import ACCOUNT, PUBLIC, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def scan(page, axe, pages: dict) -> dict:
    """Page kind -> the assertion message axe gave, for every page kind with findings."""
    problems = {}
    for kind, path in pages.items():
        page.goto(path)
        try:
            axe(page)
        except AssertionError as error:
            problems[kind] = str(error)
    return problems


def test_every_page_kind_passes_axe(page, login, axe, method):
    site = build_site()

    problems = scan(page, axe, {**PUBLIC, "invitation": site.invitation_url})
    login(site.leader)
    problems |= scan(page, axe, {**ACCOUNT, **site.workspace, "step as member": PUBLIC["step"]})

    assert problems == {}, "\n".join(f"{kind}: {text}" for kind, text in problems.items())
