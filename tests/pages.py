"""Every page kind of the site, with the data that makes each one show its full layout.

Shared by the HTML validity test (Django test client) and the 320 px reflow test (browser),
so both look at the same pages. `build_site()` needs the method loaded (the `method` fixture).
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import UserFactory
from wijkkoers.logbook.services.documents import add_link, upload_document, withdraw_link
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
    "open data": "/open-data/",
    "api docs": "/api/v1/docs",
}

ACCOUNT = {
    "profile": "/account/profiel/",
    "email": "/account/email/",
    "2fa": "/account/2fa/",
    "password change": "/account/password/change/",
    "share story": "/kompas/verhaal-delen/doel-en-verhaal/",
    "import project": "/projecten/importeren/",
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
    logbook = _build_logbook(leader, project, party)
    run = _logbook_story(leader, project, party)
    base = f"/projecten/{project.public_id}"
    logbook_base = f"{base}/logboek"
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
        "tools": f"{base}/instrumenten/",
        **{f"logbook {name}": f"{base}/logboek/{path}" for name, path in logbook.items()},
        **_logbook_documents(leader, project, party),
        "logbook timeline": f"{logbook_base}/tijdlijn/",
        "logbook timeline of a step": f"{logbook_base}/tijdlijn/?stap={STEP}",
        "briefing": f"{logbook_base}/inwerkdossier/",
        "briefing for a party": f"{logbook_base}/inwerkdossier/?partij={party.public_id}",
        "briefing printable": f"{logbook_base}/inwerkdossier/afdrukken/",
        "project report": f"{logbook_base}/rapport/",
        "project report printable": f"{logbook_base}/rapport/afdrukken/",
        "report PDF progress": f"{logbook_base}/rapport/pdf/{run.public_id}/",
        **_goals(leader, project, party),
        **_raci_pages(leader, project, party),
        **_opportunity_pages(leader, project, party),
        **_stakeholder_register(leader, project, party),
        **_housingcost_pages(leader, project, base),
        **_ambitions_pages(leader, project),
        **_export_pages(project),
        **_api_tokens(leader),
    }
    invitation_url = f"/projecten/uitnodiging/{invitation_token(invitation)}/"
    return Site(leader=leader, invitation_url=invitation_url, workspace=workspace)


def _build_logbook(leader, project, party) -> dict:
    """A meeting with a decision (revised), an overdue agreement and an action; name -> path."""
    from datetime import timedelta

    from wijkkoers.logbook.services.entries import (
        ActionData,
        AgreementData,
        DecisionData,
        MeetingData,
        create_action,
        create_meeting,
        record_at_meeting,
        revise_decision,
    )

    today = timezone.localdate()
    owner = project.memberships.get(user=leader)
    meeting = create_meeting(
        leader,
        project,
        MeetingData(
            title="Startbijeenkomst met alle partijen aan tafel in het buurthuis",
            held_on=today - timedelta(days=40),
            kind="startbijeenkomst",
            place="Buurthuis De Kring",
            attendee_members=[owner],
            attendee_parties=[party],
            other_attendees=14,
            agenda="1. Welkom\n2. Ambities per partij",
            minutes="We kozen **samen** voor een verkenning.",
            step_keys=[STEP],
        ),
    )
    made = record_at_meeting(
        leader,
        meeting,
        decisions=[DecisionData(title="Verkenning collectieve warmteoplossing starten")],
        agreements=[
            AgreementData(
                title="Conceptplan delen met alle partners",
                made_on=None,
                owner_party=party,
                due_on=today - timedelta(days=5),
            )
        ],
        actions=[ActionData(title="Verslag rondsturen", owner=owner, due_on=today)],
    )
    decision = made.decisions[0]
    revise_decision(
        leader,
        decision,
        DecisionData(
            title="Verkenning collectieve warmteoplossing starten",
            decided_on=today - timedelta(days=40),
            text="Met een **kostenraming** per woning.",
            step_keys=[STEP],
        ),
        based_on=1,
        reason="Kostenraming toegevoegd",
    )
    create_action(leader, project, ActionData(title="Zaal reserveren"))
    agreement, action = made.agreements[0], made.actions[0]
    return {
        "index": "",
        "decisions": "besluiten/",
        "agreements (overdue)": "afspraken/?toon=te-laat",
        "actions": "acties/",
        "meetings": "bijeenkomsten/",
        "decision": f"besluiten/{decision.public_id}/",
        "decision new": f"besluiten/nieuw/?stap={STEP}",
        "decision revise": f"besluiten/{decision.public_id}/wijzigen/",
        "decision withdraw": f"besluiten/{decision.public_id}/intrekken/",
        "agreement": f"afspraken/{agreement.public_id}/",
        "agreement new": "afspraken/nieuw/",
        "agreement revise": f"afspraken/{agreement.public_id}/wijzigen/",
        "action": f"acties/{action.public_id}/",
        "action new": "acties/nieuw/",
        "meeting": f"bijeenkomsten/{meeting.public_id}/",
        "meeting new": "bijeenkomsten/nieuw/",
        "meeting record": f"bijeenkomsten/{meeting.public_id}/vastleggen/",
    }


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _logbook_documents(leader, project, party) -> dict:
    """The logbook's documents, links and search pages, with a long file name, a withdrawn
    link and search results."""
    document = upload_document(
        leader,
        project,
        upload=ContentFile(PDF, name="x.pdf"),
        name="Verslag-van-de-startbijeenkomst-Oosterhout-Noord-warmtetransitie-definitief.pdf",
        title="Verslag van de startbijeenkomst over de warmtetransitie in Oosterhout-Noord",
        step_keys=[STEP],
        parties=[party],
    )
    link = add_link(
        leader,
        project,
        title="Transitievisie warmte van de gemeente",
        url="https://example.org/transitievisie-warmte/een-heel-lang-pad/zonder-spaties-erin",
        step_keys=[STEP],
    )
    withdraw_link(leader, link, reason="De gemeente heeft een nieuwere versie gepubliceerd.")
    base = f"/projecten/{project.public_id}/logboek"
    return {
        "logbook documents": f"{base}/documenten/",
        "logbook document add": f"{base}/documenten/toevoegen/",
        "logbook document": f"{base}/documenten/{document.entry.public_id}/",
        "logbook links": f"{base}/links/",
        "logbook link": f"{base}/links/{link.entry.public_id}/",
        "logbook search": f"{base}/zoeken/?q=warmtetransitie",
        "logbook search without results": f"{base}/zoeken/?q=qqqxyz",
    }


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


def _goals(leader, project, party) -> dict:
    """A CO2-neutral goal changed once, an indicator with measurements and a correction
    (long names and units), one without a baseline, a retired one; name -> path."""
    from datetime import date, timedelta
    from decimal import Decimal

    from wijkkoers.goals import services as goals

    goal = goals.GoalData(
        goal_type="co2-neutraal",
        definition="De wijk stoot **netto geen CO2** uit voor warmte in 2040.",
        scope="Alle woningen en **maatschappelijk vastgoed** binnen de wijkgrens.",
        energy_scope="warmte",
        reference_year=2019,
    )
    goals.set_goal(leader, project, goal)
    goal.electricity_counted = "ja"
    goals.set_goal(leader, project, goal, based_on=1, reason="Besluit stuurgroep over stroom")
    member = project.memberships.get(user=leader)
    data = goals.IndicatorData(
        name="Aandeel woningen aangesloten op het warmtenet Oosterhout-Noord en omgeving",
        unit="procent van de woningvoorraad",
        baseline_value=Decimal("0"),
        baseline_on=date(2024, 1, 1),
        target_value=Decimal("65.5"),
        deadline=date(2032, 12, 31),
        owner_member=member,
        verification="Aansluitgegevens van de netbeheerder, elk kwartaal opgevraagd.",
    )
    indicator = goals.add_indicator(leader, project, data)
    today = timezone.localdate()
    wrong = None
    for months, value in [(24, "3"), (12, "9.5"), (1, "14")]:
        on = today - timedelta(days=30 * months)
        wrong = goals.record_measurement(
            leader, indicator, goals.MeasurementData(Decimal(value), on, "Telling netbeheerder")
        )
    goals.correct_measurement(
        leader, wrong, goals.MeasurementData(Decimal("15"), wrong.measured_on, "Telfout")
    )
    data = goals.IndicatorData(
        name="Uitstoot",
        unit="ton CO2",
        target_value=Decimal("0"),
        deadline=date(2040, 1, 1),
        owner_party=party,
    )
    goals.add_indicator(leader, project, data)
    retired = goals.add_indicator(
        leader, project, goals.IndicatorData("Oud", "woningen", 5, date(2030, 1, 1))
    )
    goals.retire_indicator(leader, retired, reason="Dubbel", version=1)
    base = f"/projecten/{project.public_id}/instrumenten/doelen"
    i = indicator.public_id
    return {
        "goal": f"{base}/",
        "goal edit": f"{base}/doel/wijzigen/",
        "goal indicators": f"{base}/indicatoren/",
        "goal indicator": f"{base}/indicatoren/{i}/",
        "goal indicator add": f"{base}/indicatoren/nieuw/",
        "goal indicator edit": f"{base}/indicatoren/{i}/wijzigen/",
        "goal indicator retire": f"{base}/indicatoren/{i}/intrekken/",
        "goal measurement correct": f"{base}/indicatoren/{i}/metingen/{wrong.public_id}/corrigeren/",
    }


def _raci_pages(leader, project, party) -> dict:
    """Roles with long names and a party, three rows (one flagged after a role went)."""
    from wijkkoers.raci.services import RoleData, RowData, add_role, add_row, remove_role

    lead = project.memberships.get(user=leader)
    director, corporation, gone, adviser = (
        add_role(leader, project, data)
        for data in [
            RoleData(name="Procesregisseur gemeente Voorbeeldstad", member=lead),
            RoleData(name="Projectleider woningcorporatie", party=party),
            RoleData(name="Tijdelijke kwartiermaker"),
            RoleData(name="Communicatieadviseur", description="Schrijft de bewonersbrieven."),
        ]
    )
    row = add_row(
        leader,
        project,
        RowData(
            activity="Communicatieplan voor bewoners en gebruikers in de wijk schrijven",
            step_key="communicatieplan-bewoners",
            letters={director: "A", adviser: "R", corporation: "C"},
        ),
    )
    add_row(leader, project, RowData(step_key=STEP, letters={gone: "A", corporation: "R"}))
    remove_role(leader, gone)
    base = f"/projecten/{project.public_id}/instrumenten/rollen"
    return {
        "raci matrix": f"{base}/",
        "raci roles": f"{base}/teamrollen/",
        "raci role edit": f"{base}/teamrollen/{director.public_id}/",
        "raci role remove": f"{base}/teamrollen/{director.public_id}/verwijderen/",
        "raci row new": f"{base}/rijen/nieuw/",
        "raci row edit": f"{base}/rijen/{row.public_id}/",
        "raci row remove": f"{base}/rijen/{row.public_id}/verwijderen/",
    }


def _opportunity_pages(leader, project, party) -> dict:
    """Windows of a year, a month and none; a long title; every page of the tool."""
    from datetime import date

    from wijkkoers.opportunities.models import Precision
    from wijkkoers.opportunities.services import OpportunityData, add_opportunity

    sewer = add_opportunity(
        leader,
        project,
        OpportunityData(
            title="Vervanging van de riolering in de Oosterhoutlaan en de omliggende straten",
            kind="fysiek",
            description="De gemeente vervangt het riool.\nDe straat gaat toch open.",
            owner_party=party,
            window_start=date(2027, 1, 1),
            window_start_precision=Precision.YEAR,
            window_end=date(2028, 12, 31),
            window_end_precision=Precision.YEAR,
            step_keys=["fysieke-koppelkansen"],
        ),
    )
    add_opportunity(
        leader,
        project,
        OpportunityData(
            title="Energiecoaches via het welzijnswerk",
            kind="sociaal",
            window_start=date(2027, 3, 1),
            window_start_precision=Precision.MONTH,
            status="afgesproken",
        ),
    )
    add_opportunity(leader, project, OpportunityData(title="Speelplein", kind="fysiek"))
    base = f"/projecten/{project.public_id}/instrumenten/koppelkansen"
    return {
        "opportunities": f"{base}/",
        "opportunities filtered": f"{base}/?soort=sociaal&status=benut",
        "opportunities timeline": f"{base}/tijdlijn/",
        "opportunity": f"{base}/{sewer.public_id}/",
        "opportunity new": f"{base}/nieuw/",
        "opportunity edit": f"{base}/{sewer.public_id}/wijzigen/",
        "opportunity remove": f"{base}/{sewer.public_id}/verwijderen/",
    }


def _stakeholder_register(leader, project, party) -> dict:
    """The stakeholder register: a party at the table and a new organisation with a long
    name and a contact, both assessed twice (so the map shows movement), one not assessed."""
    from datetime import timedelta

    from wijkkoers.stakeholders.services.register import (
        OrganisationData,
        StakeholderData,
        record_assessment,
        record_new_organisation,
        record_stakeholder,
    )

    today = timezone.localdate()
    corporation = record_stakeholder(
        leader,
        project,
        party=party,
        data=StakeholderData(
            role_in_project="Eigenaar van de meeste huurwoningen in Oosterhout-Noord",
            interests="Woonlasten van huurders gelijk houden.",
            priorities=["Woonlastenneutraal voor alle huurders", "Onderhoudsplanning"],
        ),
    )
    association = record_new_organisation(
        leader,
        project,
        organisation=OrganisationData(
            name="Vereniging van Eigenaren Oosterhoutlaan-Noordzijde en Omliggende Hofjes",
            party_type=Party.OTHER,
            other_type="VvE",
        ),
        data=StakeholderData(
            position="tegenwerkend",
            contact_name="Cornelis van Oosterhout-Wijnbergen",
            contact_purpose="Voorzitter; vast aanspreekpunt voor de VvE-vergaderingen",
        ),
    )
    record_new_organisation(
        leader,
        project,
        organisation=OrganisationData(
            name="Buurtsportclub", party_type=Party.OTHER, other_type="club"
        ),
        data=StakeholderData(),
    )
    for one, before, after in ((corporation, (4, 2), (5, 4)), (association, (2, 4), (2, 4))):
        record_assessment(
            leader, one, power=before[0], interest=before[1], assessed_on=today - timedelta(days=60)
        )
        record_assessment(
            leader, one, power=after[0], interest=after[1], note="Na de bewonersavond"
        )
    base = f"/projecten/{project.public_id}/instrumenten/belanghebbenden"
    since = (today - timedelta(days=30)).isoformat()
    return {
        "stakeholder register": f"{base}/",
        "stakeholder add": f"{base}/nieuw/",
        "stakeholder": f"{base}/{association.public_id}/",
        "stakeholder edit": f"{base}/{corporation.public_id}/wijzigen/",
        "stakeholder assess": f"{base}/{corporation.public_id}/beoordelen/",
        "stakeholder remove": f"{base}/{association.public_id}/verwijderen/",
        "power-interest map": f"{base}/kaart/",
        "power-interest map with movement": f"{base}/kaart/?sinds={since}",
    }


def _housingcost_pages(leader, project, base) -> dict:
    """Housing-cost neutrality: two definition versions, a household with a long name, a
    saved calculation made with the older version, the calculator with its result."""
    from tests.tools.housingcost_rows import define, household
    from wijkkoers.housingcost.services import save_calculation

    define(leader, project, explanation="We **streven** naar gelijke maandlasten.")
    archetype = household(
        leader, project, name="Koopwoning tussenwoning met aanbouw en zonnepanelen op het dak"
    )
    calculation = save_calculation(leader, archetype, note="Voor de bewonersavond")
    define(
        leader,
        project,
        based_on=1,
        change_reason="Nieuwe tarieven",
        subsidies_counted=True,
        subsidies_which="Isolatiesubsidie van de gemeente",
    )
    tool = f"{base}/instrumenten/woonlasten"
    return {
        "housingcost definition": f"{tool}/",
        "housingcost definition form": f"{tool}/definitie/",
        "housingcost households": f"{tool}/huishoudens/",
        "housingcost household form": f"{tool}/huishoudens/{archetype.public_id}/",
        "housingcost household removal": f"{tool}/huishoudens/{archetype.public_id}/verwijderen/",
        "housingcost calculator": f"{tool}/berekenen/?huishouden={archetype.public_id}",
        "housingcost calculation": f"{tool}/berekeningen/{calculation.public_id}/",
    }


def _ambitions_pages(leader, project) -> dict:
    """The ambitions matrix (the municipality with both roles filled in, long texts), a
    tension and a mutual gain linked to a decision, a ticked MGA item; name -> path."""
    from tests.tools.ambitions_support import ensure_stakeholder, make_decision
    from wijkkoers.stakeholders.services.ambitions import (
        Ambitions,
        GainData,
        TensionData,
        check_mga_item,
        record_mutual_gain,
        record_tension,
        update_ambitions,
    )

    municipality = ensure_stakeholder(leader, project, "Gemeente Voorbeeldstad", "gemeente")
    grid = ensure_stakeholder(leader, project, "Netbeheerder Regionet Noord", "netbeheerder")
    update_ambitions(
        leader,
        municipality,
        Ambitions(
            interests="Betaalbaarheid voor alle huishoudens, draagvlak in de gemeenteraad",
            ambition_neighbourhood="De hele wijk in 2035 aardgasvrij, met een warmtenet waar "
            "dat kan en all-electric waar dat beter past",
            ambition_own_property="Sporthal-en-buurthuiscomplexOosterhoutNoordVerduurzamen",
        ),
        expected_version=municipality.version,
    )
    decision = make_decision(leader, project, "Kwartiermaker warmtenet aanstellen")
    pair = [municipality, grid]
    tension = record_tension(
        leader,
        project,
        TensionData(
            title="Tempo van de aanleg tegenover netcapaciteit",
            description="De gemeente wil snel; de netbeheerder heeft pas later capaciteit.",
            stakeholders=pair,
            severity="hoog",
            decisions=[decision],
        ),
    )
    gain = record_mutual_gain(
        leader,
        project,
        GainData(title="Straat één keer openbreken", stakeholders=pair, decisions=[decision]),
    )
    check_mga_item(leader, project, "objectieve-criteria", note="Besproken in het kernteam")
    base = f"/projecten/{project.public_id}/instrumenten/belanghebbenden"
    return {
        "ambitions matrix": f"{base}/ambities/",
        "ambitions edit (municipality)": f"{base}/ambities/{municipality.public_id}/",
        "tensions": f"{base}/spanningen/?status=open",
        "tension new": f"{base}/spanningen/nieuw/",
        "tension edit": f"{base}/spanningen/{tension.public_id}/",
        "mutual gains": f"{base}/kansen/",
        "mutual gain new": f"{base}/kansen/nieuw/",
        "mutual gain edit": f"{base}/kansen/{gain.public_id}/",
        "MGA checklist": f"{base}/mga/",
    }


def _export_pages(project) -> dict:
    """The project's downloads page (spreadsheets and, for the leader, the full export)."""
    return {"export": f"/projecten/{project.public_id}/export/"}


def _api_tokens(leader) -> dict:
    """The account's API token pages, with one active and one revoked token in the list."""
    from wijkkoers.api.tokens import create_api_token, revoke_api_token

    token, _text = create_api_token(leader, name="Dashboard van de gemeente Voorbeeldstad")
    revoke_api_token(leader, create_api_token(leader, name="Oude koppeling")[0])
    return {
        "api tokens": "/account/api-tokens/",
        "api token new": "/account/api-tokens/nieuw/",
        "api token revoke": f"/account/api-tokens/{token.public_id}/intrekken/",
    }
