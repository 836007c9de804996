"""Every page kind of the site, with the data that makes each one show its full layout.

Shared by the HTML validity test (Django test client) and the 320 px reflow test (browser),
so both look at the same pages. `build_site()` needs the method loaded (the `method` fixture).
"""

from dataclasses import dataclass

from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.projects.models import Party, Role
from wijkkoers.projects.services import (
    ProgressChange,
    add_member,
    add_neighbourhood,
    add_party,
    add_subproject,
    create_project,
    invitation_token,
    invite_member,
    set_step_progress,
)

STEP = "helderheid-over-ambities"

PUBLIC = {
    "home": "/",
    "kompas": "/kompas/",
    "kompas filtered": "/kompas/?spoor=B&partij=gemeente&gevoelig=1",
    "phase": "/kompas/samen-starten/",
    "step": f"/kompas/samen-starten/{STEP}/",
    "track": "/kompas/spoor/b/",
    "search": "/kompas/zoeken/?q=warmtenet",
    "search without results": "/kompas/zoeken/?q=qqqxyz",
    "404": "/bestaat-niet/",
    "login": "/account/login/",
    "signup": "/account/signup/",
    "password reset": "/account/password/reset/",
    "share story (visitor)": "/kompas/verhaal-delen/doel-en-verhaal/",
}

ACCOUNT = {
    "profile": "/account/profiel/",
    "email": "/account/email/",
    "2fa": "/account/2fa/",
    "password change": "/account/password/change/",
    "share story": "/kompas/verhaal-delen/doel-en-verhaal/",
}


@dataclass
class Site:
    leader: object  # a projectleider of `project`, with long names and a long e-mail address
    invitation_url: str  # opened without logging in
    workspace: dict  # page kind -> path, for `leader`


def build_site() -> Site:
    """A project that fills every workspace page: members, a party, a neighbourhood, an open
    invitation to a long address, step progress with a note (so the changes page has rows)."""
    leader = UserFactory(
        name="Alexandra Projectleider-van Oosterhout-Wijnbergen",
        email="alexandra.projectleider-van-oosterhout@gemeente-voorbeeldstad.example.org",
    )
    member = UserFactory(name="Bartholomeus Teamlid", email="bartholomeus.teamlid@example.org")
    project = create_project(
        leader,
        name="Wijkaanpak Oosterhout-Noord Warmtetransitie Samenwerkingsverband",
        municipality="Voorbeeldstad",
    )
    party = add_party(
        leader, project, name="Woningcorporatie Thuisbasis", party_type="woningcorporatie"
    )
    add_party(
        leader, project, name="Buurthuis De Kring", party_type=Party.OTHER, other_type="buurthuis"
    )
    hood = add_neighbourhood(leader, project, name="Oosterhout-Noord", cbs_code="BU03630000")
    sub = add_subproject(leader, project, name="Warmtenet Oosterhout-Noord en omliggende straten")
    add_member(leader, project, member, role=Role.TEAMLID, party=party)
    invitation = invite_member(
        leader,
        project,
        email="een.heel.lang.adres.voor.een.uitnodiging@woningcorporatie-thuisbasis.example.org",
        role=Role.TEAMLID,
    )
    project.invitations.update(mail_failed_at=timezone.now())
    set_step_progress(
        leader,
        project,
        STEP,
        ProgressChange(status="gestart", owner=member, note="Eerste **gesprek** gevoerd."),
        expected_version=0,
    )
    run = _logbook_story(leader, project, party)
    base = f"/projecten/{project.public_id}"
    logbook = f"{base}/logboek"
    workspace = {
        "portfolio": "/projecten/",
        "new project": "/projecten/nieuw/",
        "compass": f"{base}/",
        "project step": f"{base}/stappen/{STEP}/",
        "members": f"{base}/leden/",
        "settings": f"{base}/instellingen/",
        "party edit": f"{base}/instellingen/partijen/{party.public_id}/",
        "party remove": f"{base}/instellingen/partijen/{party.public_id}/verwijderen/",
        "neighbourhood edit": f"{base}/instellingen/buurten/{hood.public_id}/",
        "neighbourhood remove": f"{base}/instellingen/buurten/{hood.public_id}/verwijderen/",
        "sub-project edit": f"{base}/instellingen/deelprojecten/{sub.public_id}/",
        "changes": f"{base}/wijzigingen/",
        "logbook timeline": f"{logbook}/tijdlijn/",
        "logbook timeline of a step": f"{logbook}/tijdlijn/?stap={STEP}",
        "briefing": f"{logbook}/inwerkdossier/",
        "briefing for a party": f"{logbook}/inwerkdossier/?partij={party.public_id}",
        "briefing printable": f"{logbook}/inwerkdossier/afdrukken/",
        "project report": f"{logbook}/rapport/",
        "project report printable": f"{logbook}/rapport/afdrukken/",
        "report PDF progress": f"{logbook}/rapport/pdf/{run.public_id}/",
    }
    invitation_url = f"/projecten/uitnodiging/{invitation_token(invitation)}/"
    return Site(leader=leader, invitation_url=invitation_url, workspace=workspace)


def _logbook_story(leader, project, party):
    """A decision, an agreement and a meeting (rows made as the report tests make them), and
    a PDF asked for but not yet made (its progress page, which then polls)."""
    from tests.logbook.report_rows import agreement, decision, meeting
    from wijkkoers.logbook.models import ReportRun

    today = timezone.localdate()
    decision(
        project,
        "Het warmtenet is de voorkeursoplossing voor de hoogbouw aan de Oosterhoutlaan",
        today,
        user=leader,
        steps=[STEP],
        parties=[party],
    )
    agreement(project, "Enquête onder alle huurders uitzetten", today, owner_party=party)
    meeting(project, "Startbijeenkomst met bewoners en corporatie", today, parties=[party])
    return ReportRun.objects.create(
        project=project, kind="rapport", as_of=today, requested_by=leader
    )
