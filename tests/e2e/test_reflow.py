"""WCAG 1.4.10 (reflow): at 320 CSS px no page kind scrolls sideways."""

import pytest

from tests.pages import ACCOUNT, PUBLIC, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320

# The outermost elements that stick out on the right: where to look when the test fails.
OFFENDERS = """width => {
  const wide = [...document.body.querySelectorAll("*")].filter(el =>
    el.getBoundingClientRect().right > width + 0.5
    || (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible"));
  return wide.filter(el => !wide.includes(el.parentElement)).slice(0, 5).map(el =>
    el.tagName.toLowerCase() + (el.className && typeof el.className === "string"
      ? "." + el.className.trim().split(/\\s+/).join(".") : "")
    + " " + Math.round(el.getBoundingClientRect().right));
}"""

# What does scroll sideways must be a region a keyboard user can reach and a screen reader names.
UNLABELLED_SCROLLERS = """() => [...document.body.querySelectorAll("*")].filter(el =>
  ["auto", "scroll"].includes(getComputedStyle(el).overflowX)
  && el.scrollWidth > el.clientWidth + 1
  && !(el.getAttribute("role") === "region" && el.getAttribute("tabindex") === "0"
       && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")))
).map(el => el.tagName.toLowerCase() + "." + el.className)"""


def widths(page, pages: dict) -> dict:
    """Page kind -> (document width in CSS px, what sticks out) for pages wider than WIDTH
    or with a part that scrolls sideways outside a labelled, focusable region."""
    too_wide = {}
    for kind, path in pages.items():
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            too_wide[kind] = (width, page.evaluate(OFFENDERS, WIDTH))
        if unlabelled := page.evaluate(UNLABELLED_SCROLLERS):
            too_wide[kind] = (width, ["scrolls without a labelled region:", *unlabelled])
    return too_wide


def test_no_page_kind_scrolls_sideways_at_320_px(page, login, method):
    site = build_site()
    page.set_viewport_size({"width": WIDTH, "height": 640})

    too_wide = widths(page, {**PUBLIC, "invitation": site.invitation_url})
    login(site.leader)
    too_wide |= widths(page, {**ACCOUNT, **site.workspace, "step as member": PUBLIC["step"]})

    report = "\n".join(f"- {kind}: {width} px; {out}" for kind, (width, out) in too_wide.items())
    assert too_wide == {}, f"wider than {WIDTH} px:\n{report}"
