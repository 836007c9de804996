"""The "Wijzigingen" page: every audited write in words, filtered and paged without JS."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.audit.test_trail import add_events
from wijkkoers.projects.services import (
    ProgressChange,
    add_neighbourhood,
    add_party,
    add_subproject,
    change_member_role,
    invite_member,
    remove_member,
    revoke_invitation,
    set_step_progress,
    update_project,
)

pytestmark = pytest.mark.django_db
SEED = "helderheid-over-ambities"


def changes_url(project):
    return reverse("projects:audit", args=[project.public_id])


def test_changes_page_lives_at_wijzigingen_and_logboek_is_the_logbook(client, alice, project):
    client.force_login(alice)

    response = client.get(f"/projecten/{project.public_id}/wijzigingen/")
    old = client.get(f"/projecten/{project.public_id}/logboek/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Wijzigingen · Wijkaanpak Testwijk" in html
    assert 'aria-current="page">Wijzigingen</a>' in html
    # /logboek/ is the project logbook (issue 11), not the audit trail.
    assert old.status_code == 200
    assert "<title>Logboek · Wijkaanpak Testwijk" in old.content.decode()


def test_outsider_gets_404_on_the_changes_page(outsider_client, project):
    assert outsider_client.get(changes_url(project)).status_code == 404


def test_changes_page_reads_in_words_not_codes(client, alice, bob, mila, project, method):
    target = timezone.localdate() + timedelta(days=10)
    update_project(alice, project, name="Wijkaanpak Noord", start_date=target)
    add_neighbourhood(alice, project, name="Noord", cbs_code="WK036301")
    add_subproject(alice, project, name="Hoogbouw")
    party = add_party(alice, project, name="Gemeente Teststad", party_type="gemeente")
    invitation = invite_member(
        alice, project, email="nina@example.org", role="teamlid", party=party
    )
    revoke_invitation(alice, invitation)
    change_member_role(alice, project.memberships.get(user=mila), "teamlid")
    set_step_progress(
        bob,
        project,
        SEED,
        ProgressChange(status="gestart", owner=bob, target_date=target),
        expected_version=0,
    )
    set_step_progress(
        bob, project, SEED, ProgressChange(status="nvt", reason="Geen VvE's"), expected_version=1
    )
    remove_member(alice, project.memberships.get(user=mila))
    client.force_login(alice)

    html = client.get(changes_url(project)).content.decode()

    main = html.split('<table class="audit">')[1]
    for words in [
        "<strong>Alice Projectleider</strong> maakte het project Wijkaanpak Testwijk aan",
        "wijzigde de instellingen van Wijkaanpak Noord",
        "naam: van ‘Wijkaanpak Testwijk’ naar ‘Wijkaanpak Noord’",
        f"startdatum: {target.day} ",
        "voegde de buurt Noord (WK036301) toe",
        "CBS-gebiedscode: WK036301",
        "voegde het deelproject Hoogbouw toe",
        "voegde Gemeente Teststad toe als partij",
        "soort partij: Gemeente",
        "nodigde nina@example.org uit",
        "partij: Gemeente Teststad",
        "trok de uitnodiging aan nina@example.org in",
        "wijzigde de rol van Mila Meelezer",
        "rol: van ‘meelezer’ naar ‘teamlid’",
        "<strong>Bob Teamlid</strong> wijzigde de voortgang van stap 1.2 Helderheid over ambities",
        "status: van ‘niet gestart’ naar ‘gestart’",
        "eigenaar: Bob Teamlid",
        "status: van ‘gestart’ naar ‘niet van toepassing’",
        "eigenaar: ‘Bob Teamlid’ weggehaald",
        "haalde Mila Meelezer uit het team",
        "rol: was teamlid",
    ]:
        assert words in main, words
    for code in [
        "progress.changed",
        "project.updated",
        "member.role_changed",
        "target_date",
        "start_date",
        "cbs_code",
        "party_type",
        "niet_gestart",
        "nvt",
        target.isoformat(),
    ]:
        assert code not in main, code


def test_changes_page_time_has_no_microseconds(client, alice, project):
    client.force_login(alice)

    html = client.get(changes_url(project)).content.decode()

    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?[+-]\d\d:\d\d", s) for s in stamps
    )


def test_changes_page_pages_back_and_forth_with_plain_links(client, alice, project):
    add_events(project, alice, 119)  # 120 with "project.created": pages of 50, 50, 20
    client.force_login(alice)

    first = client.get(changes_url(project), {"soort": "progress"}).content.decode()
    second = client.get(changes_url(project) + older_href(first)).content.decode()
    third = client.get(changes_url(project) + older_href(second)).content.decode()
    back = client.get(changes_url(project) + newer_href(third)).content.decode()

    assert ("Nieuwere wijzigingen" in first, "Oudere wijzigingen" in first) == (False, True)
    assert ("Nieuwere wijzigingen" in second, "Oudere wijzigingen" in second) == (True, True)
    assert ("Nieuwere wijzigingen" in third, "Oudere wijzigingen" in third) == (True, False)
    assert [rows(first), rows(second), rows(third)] == [50, 50, 19]  # progress events only
    assert "soort=progress" in older_href(first)
    assert stap_names(back) == stap_names(second)


def older_href(html):
    return re.search(r'href="(\?[^"]*)" rel="next"', html).group(1).replace("&amp;", "&")


def newer_href(html):
    return re.search(r'href="(\?[^"]*)" rel="prev"', html).group(1).replace("&amp;", "&")


def rows(html):
    return html.split("<tbody>")[1].count("<tr>")


def stap_names(html):
    return re.findall(r"Stap \d+", html)


@pytest.mark.parametrize(
    "query",
    [
        "ouder=%00",
        "nieuwer=%00",
        "ouder=abc",
        "nieuwer=99999999999999999-1",
        "ouder=1-1",
        "lid=%00",
        "lid=onbekend",
        "soort=%00",
        "soort=project.created",
        "lid=%00&soort=%00&ouder=%00&nieuwer=%00",
    ],
)
def test_changes_page_with_bad_values_shows_page_one(client, alice, project, query):
    add_events(project, alice, 60)
    client.force_login(alice)

    response = client.get(f"{changes_url(project)}?{query}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stap 59" in html  # the newest entry: page one
    assert "Nieuwere wijzigingen" not in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_changes_page_queries_flat_with_1_or_120_events_and_deep_pages(client, alice, project):
    client.force_login(alice)
    with_one = count_queries(client, changes_url(project))
    add_events(project, alice, 119)
    first = client.get(changes_url(project)).content.decode()

    assert count_queries(client, changes_url(project)) == with_one
    # A deeper page asks one question more: is there anything newer?
    assert count_queries(client, changes_url(project) + older_href(first)) == with_one + 1
