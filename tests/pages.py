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
    # A whole-project "niet van toepassing" that the sub-project inherits (its step page says so).
    set_step_progress(
        leader,
        project,
        "rol-vve",
        ProgressChange(status="nvt", reason="Er zijn geen VvE's in deze wijk."),
        expected_version=0,
    )
    base = f"/projecten/{project.public_id}"
    workspace = {
        "portfolio": "/projecten/",
        "new project": "/projecten/nieuw/",
        "compass": f"{base}/",
        "project step": f"{base}/stappen/{STEP}/",
        "sub-project step, inherited": f"{base}/stappen/rol-vve/?deelproject={sub.public_id}",
        "members": f"{base}/leden/",
        "settings": f"{base}/instellingen/",
        "party edit": f"{base}/instellingen/partijen/{party.public_id}/",
        "party remove": f"{base}/instellingen/partijen/{party.public_id}/verwijderen/",
        "neighbourhood edit": f"{base}/instellingen/buurten/{hood.public_id}/",
        "neighbourhood remove": f"{base}/instellingen/buurten/{hood.public_id}/verwijderen/",
        "sub-project edit": f"{base}/instellingen/deelprojecten/{sub.public_id}/",
        "changes": f"{base}/wijzigingen/",
    }
    invitation_url = f"/projecten/uitnodiging/{invitation_token(invitation)}/"
    return Site(leader=leader, invitation_url=invitation_url, workspace=workspace)
