import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.factories import UserFactory
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.services import (
    ProgressChange,
    add_subproject,
    create_project,
    invitation_token,
    invite_member,
    set_step_progress,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_leader_creates_project_invites_member_who_starts_a_step(page, login, method, tmp_path):
    leader = UserFactory(name="Lotte Leider")
    member = UserFactory(name="Mo Medewerker", email="mo@example.org")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    ):
        login(leader)
        page.goto("/projecten/")
        page.get_by_role("link", name="Nieuw project").click()
        page.get_by_label("Naam", exact=True).fill("Wijkaanpak Zonnewijk")
        page.get_by_label("Gemeente").fill("Zonnestad")
        page.get_by_role("button", name="Project aanmaken").click()

        page.get_by_label("E-mailadres").fill("mo@example.org")
        page.get_by_label("Rol", exact=True).select_option("teamlid")
        page.get_by_role("button", name="Uitnodiging sturen").click()
        expect(page.get_by_text("mo@example.org").first).to_be_visible()
        mail_text = "".join(path.read_text() for path in tmp_path.iterdir())
        link = re.search(r"https?://[^/\s]+(/projecten/uitnodiging/\S+/)", mail_text).group(1)

    page.get_by_role("button", name="Uitloggen").first.click()
    page.goto(link)
    page.get_by_role("main").get_by_role("link", name="Inloggen").click()
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Accepteren en meedoen aan het project").click()

    expect(page.get_by_role("heading", name="Wijkaanpak Zonnewijk")).to_be_visible()
    page.get_by_role("link", name=re.compile("De juiste partijen aan tafel")).first.click()
    page.get_by_label("Status", exact=True).select_option("gestart")
    page.get_by_role("button", name="Status opslaan").click()
    expect(page.get_by_text("opgeslagen")).to_be_visible()

    page.get_by_role("link", name="Projectkompas").click()
    in_progress = page.locator("section", has=page.get_by_role("heading", name="Bezig"))
    expect(
        in_progress.get_by_role("link", name=re.compile("De juiste partijen aan tafel"))
    ).to_be_visible()


def test_project_pages_have_no_serious_axe_findings(page, login, axe, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    subproject = add_subproject(leader, project, name="Hoogbouw Noord")
    # Every status the kompas colours (overdue cannot be set through the services).
    for key, status in [
        ("de-juiste-partijen-aan-tafel", "afgerond"),
        ("helderheid-over-ambities", "gestart"),
        ("gezamenlijke-ambitie", "herzien"),
        ("regierol-gemeente", "gepauzeerd"),
    ]:
        set_step_progress(leader, project, key, ProgressChange(status=status), expected_version=0)
    set_step_progress(
        leader,
        project,
        "rol-vve",
        ProgressChange(status="nvt", reason="Geen VvE's."),
        expected_version=0,
    )
    login(leader)

    kompas = f"/projecten/{project.public_id}/"
    for path in [
        "/projecten/",
        kompas,
        f"{kompas}?deelproject={subproject.public_id}",
        f"/projecten/{project.public_id}/leden/",
        f"/projecten/{project.public_id}/stappen/helderheid-over-ambities/",
        f"/projecten/{project.public_id}/wijzigingen/",
        f"/projecten/{project.public_id}/instellingen/",
        "/projecten/nieuw/",
        get_catalogue().steps["helderheid-over-ambities"].url,  # with "In my project"
    ]:
        page.goto(path)
        axe(page)
    page.set_viewport_size({"width": 320, "height": 640})  # the kompas as a list
    page.goto(kompas)
    axe(page)


def test_newcomer_joins_from_the_invitation_with_a_new_account(page, axe, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    invitation = invite_member(leader, project, email="nina@example.org", role="teamlid")

    page.goto(f"/projecten/uitnodiging/{invitation_token(invitation)}/")
    axe(page)
    page.get_by_label("Je naam").fill("Nina Nieuw")
    page.get_by_label("Wachtwoord", exact=True).fill("buurtwarmte-voor-iedereen")
    page.get_by_label("Wachtwoord (nog een keer)").fill("buurtwarmte-voor-iedereen")
    page.get_by_role("button", name="Account aanmaken en meedoen").click()

    expect(page.get_by_role("heading", name="Wijkaanpak Zonnewijk")).to_be_visible()
    expect(page.get_by_role("link", name="Nina Nieuw")).to_be_visible()


def test_leader_adds_a_subproject_and_finds_it_in_the_changes(page, login, method):
    leader = UserFactory(name="Lotte Leider")
    project = create_project(leader, name="Wijkaanpak Zonnewijk", municipality="Zonnestad")
    login(leader)

    page.goto(f"/projecten/{project.public_id}/instellingen/")
    page.get_by_label("Naam van het deelproject").fill("Hoogbouw Noord")
    page.get_by_role("button", name="Deelproject toevoegen").click()
    expect(page.get_by_text("Het deelproject is toegevoegd.")).to_be_visible()

    page.get_by_role("link", name="Wijzigingen").click()
    expect(page).to_have_title(re.compile("^Wijzigingen"))
    page.get_by_label("Soort").select_option(label="Project en instellingen")
    page.get_by_role("button", name="Filteren").click()
    expect(
        page.get_by_text("Lotte Leider voegde het deelproject Hoogbouw Noord toe")
    ).to_be_visible()
    assert "/wijzigingen/" in page.url
    assert "soort=project" in page.url
