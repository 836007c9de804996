"""Dutch for the logbook's entries: decisions, agreements, actions, meetings (issue 11, logcore).

Also the logbook model's labels (shared by the logbook's parts).
"""

NL = {
    # Audit
    "Logbook": "Logboek",
    "Project logbook": "Projectlogboek",
    "reason for the change": "reden van de wijziging",
    "replaced by": "vervangen door",
    "%(actor)s recorded the decision %(object)s": "%(actor)s legde het besluit %(object)s vast",
    "%(actor)s changed the decision %(object)s": "%(actor)s wijzigde het besluit %(object)s",
    "%(actor)s replaced the decision %(object)s": "%(actor)s verving het besluit %(object)s",
    "%(actor)s withdrew the decision %(object)s": "%(actor)s trok het besluit %(object)s in",
    "details": "toelichting",
    "%(actor)s recorded the agreement %(object)s": "%(actor)s legde de afspraak %(object)s vast",
    "%(actor)s changed the agreement %(object)s": "%(actor)s wijzigde de afspraak %(object)s",
    "%(actor)s withdrew the agreement %(object)s": "%(actor)s trok de afspraak %(object)s in",
    "%(actor)s added the action %(object)s": "%(actor)s voegde de actie %(object)s toe",
    "%(actor)s changed the action %(object)s": "%(actor)s wijzigde de actie %(object)s",
    "%(actor)s marked the action %(object)s as done": "%(actor)s zette de actie %(object)s op gedaan",
    "%(actor)s marked the action %(object)s as not done": (
        "%(actor)s zette de actie %(object)s terug op open"
    ),
    "date": "datum",
    "agenda": "agenda",
    "minutes": "verslag",
    "%(actor)s recorded the meeting %(object)s": "%(actor)s legde de bijeenkomst %(object)s vast",
    "%(actor)s changed the meeting %(object)s": "%(actor)s wijzigde de bijeenkomst %(object)s",
    # Rules
    "Choose steps from the method.": "Kies stappen uit de methode.",
    "Choose parties of this project.": "Kies partijen van dit project.",
    "Choose members of this project.": "Kies leden van dit project.",
    "Give it a title.": "Geef het een titel.",
    "Say why this is withdrawn.": "Zeg waarom je dit intrekt.",
    "Say why you change this.": "Zeg waarom je dit wijzigt.",
    "This has been withdrawn: it can be read, not changed.": (
        "Dit is ingetrokken: je kunt het lezen, niet meer wijzigen."
    ),
    "Record these at a meeting of this project.": "Leg dit vast bij een bijeenkomst van dit project.",
    "Someone else changed this while you were editing. Their version is shown below; yours is still in the form.": (
        "Iemand anders heeft dit gewijzigd terwijl jij bezig was. Hun versie staat hieronder; "
        "jouw invoer staat nog in het formulier."
    ),
    "Choose “proposed” or “taken”.": "Kies ‘voorgesteld’ of ‘genomen’.",
    "This decision has been replaced or withdrawn: it can be read, not changed.": (
        "Dit besluit is vervangen of ingetrokken: je kunt het lezen, niet meer wijzigen."
    ),
    "Give the date the decision was taken.": "Geef de datum waarop het besluit is genomen.",
    "A decision cannot replace or amend itself.": (
        "Een besluit kan zichzelf niet vervangen of aanpassen."
    ),
    "A decision can only replace or amend decisions taken on or before its own date.": (
        "Een besluit kan alleen besluiten vervangen of aanpassen die op of vóór zijn eigen "
        "datum zijn genomen."
    ),
    "This would make a circle: one of these decisions already replaces or amends this one.": (
        "Dan ontstaat een kringetje: een van deze besluiten vervangt of wijzigt dit besluit al."
    ),
    "Choose decisions of this project.": "Kies besluiten van dit project.",
    "A party either agreed or objected, not both.": (
        "Een partij stemde in of maakte bezwaar, niet allebei."
    ),
    "Choose who owns this agreement: a member or a party of this project.": (
        "Kies wie de afspraak uitvoert: een lid of een partij van dit project."
    ),
    "The due date cannot be before the date the agreement was made.": (
        "De streefdatum kan niet vóór de datum liggen waarop de afspraak is gemaakt."
    ),
    "Say why the agreement lapsed or where it was referred to.": (
        "Zeg waarom de afspraak is vervallen of waarnaar hij is doorverwezen."
    ),
    "This status cannot follow the current one.": "Deze status kan niet volgen op de huidige.",
    "Choose a kind of meeting.": "Kies een soort bijeenkomst.",
    "Choose members and parties of this project.": "Kies leden en partijen van dit project.",
    # Forms
    "Steps": "Stappen",
    "The steps of the method this belongs to.": "De stappen van de methode waar dit bij hoort.",
    "Why this change?": "Waarom deze wijziging?",
    "The history shows it with your change.": "De geschiedenis toont dit bij je wijziging.",
    "Date decided": "Datum besluit",
    "Required for a decision that has been taken.": "Verplicht voor een genomen besluit.",
    "Decided by": "Besloten door",
    "The body or meeting that decided, e.g. the steering group.": (
        "Het orgaan of overleg dat besloot, bijvoorbeeld de stuurgroep."
    ),
    "The decision": "Het besluit",
    "Rationale": "Onderbouwing",
    "Parties that agreed": "Partijen die instemden",
    "Parties that objected": "Partijen met bezwaar",
    "Replaces": "Vervangt",
    "Earlier decisions this one replaces: they are marked as replaced.": (
        "Eerdere besluiten die dit besluit vervangt: die krijgen de status ‘vervangen’."
    ),
    "Amends": "Wijzigt",
    "Earlier decisions this one changes in part.": "Eerdere besluiten die dit besluit deels wijzigt.",
    "What was agreed": "Wat is afgesproken",
    "A member of the team or one of the parties.": "Een lid van het team of een van de partijen.",
    "Agreed on": "Afgesproken op",
    "Due date": "Streefdatum",
    "Reason": "Reden",
    "Required when the agreement lapsed or was referred elsewhere.": (
        "Verplicht als de afspraak is vervallen of doorverwezen."
    ),
    "Details": "Toelichting",
    "(choose)": "(kies)",
    "Members": "Leden",
    "Parties": "Partijen",
    "Reason for withdrawal": "Reden van intrekken",
    "Members keep seeing it, marked as withdrawn, with this reason.": (
        "Leden blijven het zien, gemarkeerd als ingetrokken, met deze reden."
    ),
    "What needs doing": "Wat moet er gebeuren",
    "Date": "Datum",
    "Kind of meeting": "Soort bijeenkomst",
    "Members present": "Aanwezige leden",
    "Parties present": "Aanwezige partijen",
    "Number of others present": "Aantal andere aanwezigen",
    "Agenda": "Agenda",
    "Minutes": "Verslag",
    "Decision": "Besluit",
    "Explanation": "Toelichting",
    "Agreement": "Afspraak",
    "Action": "Actie",
    # Model labels
    "decision": "besluit",
    "agreement": "afspraak",
    "meeting": "bijeenkomst",
    "document": "document",
    "reason for withdrawal": "reden van intrekken",
    "logbook entry": "logboekitem",
    "logbook entries": "logboekitems",
    "proposed": "voorgesteld",
    "taken": "genomen",
    "replaced": "vervangen",
    "withdrawn": "ingetrokken",
    "decisions": "besluiten",
    "date decided": "datum besluit",
    "decided by": "besloten door",
    "parties that agreed": "partijen die instemden",
    "parties that objected": "partijen met bezwaar",
    "rationale": "onderbouwing",
    "replaces": "vervangt",
    "amends": "wijzigt",
    "version of a decision": "versie van een besluit",
    "versions of decisions": "versies van besluiten",
    "open": "open",
    "in progress": "in uitvoering",
    "done": "afgerond",
    "lapsed": "vervallen",
    "referred": "doorverwezen",
    "agreements": "afspraken",
    "what": "wat",
    "owner (member)": "eigenaar (lid)",
    "owner (party)": "eigenaar (partij)",
    "agreed on": "afgesproken op",
    "due date": "streefdatum",
    "version of an agreement": "versie van een afspraak",
    "versions of agreements": "versies van afspraken",
    "actions": "acties",
    "kick-off": "startbijeenkomst",
    "core team meeting": "kernteamoverleg",
    "steering group": "stuurgroep",
    "residents' evening": "bewonersavond",
    "workshop": "werksessie",
    "other meeting": "ander overleg",
    "kind of meeting": "soort bijeenkomst",
    "members present": "aanwezige leden",
    "parties present": "aanwezige partijen",
    "number of others present": "aantal andere aanwezigen",
    "meetings": "bijeenkomsten",
    "file": "bestand",
    "file name": "bestandsnaam",
    "documents": "documenten",
    "web address": "webadres",
    "links": "links",
    "carried out": "gedaan",
    # Pages
    "Nothing to choose from yet.": "Nog niets om uit te kiezen.",
    "version %(number)s": "versie %(number)s",
    "someone": "iemand",
    "Why:": "Waarom:",
    "Your input is still in the form: save it again to make it the newest version.": (
        "Je invoer staat nog in het formulier: sla opnieuw op om er de nieuwste versie van "
        "te maken."
    ),
    "recorded at": "vastgelegd bij",
    "Withdrawn": "Ingetrokken",
    "on %(date)s by %(name)s": "op %(date)s door %(name)s",
    "Reason:": "Reden:",
    "Steps:": "Stappen:",
    "Versions": "Versies",
    "Version %(number)s": "Versie %(number)s",
    "due": "streefdatum",
    "Done": "Gedaan",
    "Mark as not done": "Terugzetten op open",
    "Mark as done": "Markeren als gedaan",
    "Change this action": "Deze actie wijzigen",
    "Change the action": "Actie wijzigen",
    "Add an action": "Actie toevoegen",
    "Agreements": "Afspraken",
    "Change this agreement": "Deze afspraak wijzigen",
    "Change the agreement": "Afspraak wijzigen",
    "Add an agreement": "Afspraak toevoegen",
    "Decisions": "Besluiten",
    "Replaced or amended by": "Vervangen of gewijzigd door",
    "Change this decision": "Dit besluit wijzigen",
    "Meetings": "Bijeenkomsten",
    "Present": "Aanwezig",
    "Others present": "Andere aanwezigen",
    "Record decisions, agreements and actions": "Besluiten, afspraken en acties vastleggen",
    "Change this meeting": "Deze bijeenkomst wijzigen",
    "Recorded at this meeting": "Vastgelegd bij deze bijeenkomst",
    "Nothing recorded at this meeting yet.": "Nog niets vastgelegd bij deze bijeenkomst.",
    "Change the decision": "Besluit wijzigen",
    "Add a decision": "Besluit toevoegen",
    "Decisions, agreements, actions and meetings of this project: what was chosen, when, by whom and why.": (
        "Besluiten, afspraken, acties en bijeenkomsten van dit project: wat er is gekozen, "
        "wanneer, door wie en waarom."
    ),
    "Read the whole story on the timeline": "Lees het hele verhaal op de tijdlijn",
    "Add a meeting": "Bijeenkomst toevoegen",
    "Open agreements": "Open afspraken",
    "No open agreements.": "Geen open afspraken.",
    "All agreements (%(count)s)": "Alle afspraken (%(count)s)",
    "Recent decisions": "Recente besluiten",
    "No decisions yet.": "Nog geen besluiten.",
    "All decisions (%(count)s)": "Alle besluiten (%(count)s)",
    "Upcoming actions": "Komende acties",
    "No open actions.": "Geen open acties.",
    "All actions (%(count)s)": "Alle acties (%(count)s)",
    "No meetings yet.": "Nog geen bijeenkomsten.",
    "All meetings (%(count)s)": "Alle bijeenkomsten (%(count)s)",
    "Show:": "Toon:",
    "all": "alle",
    "Nothing recorded yet.": "Nog niets vastgelegd.",
    "Pages": "Pagina's",
    "Newer": "Nieuwer",
    "Page %(number)s of %(total)s": "Pagina %(number)s van %(total)s",
    "Older": "Ouder",
    "Change the meeting": "Bijeenkomst wijzigen",
    "Record at the meeting": "Vastleggen bij de bijeenkomst",
    "Record what was decided at “%(title)s”": "Leg vast wat er bij ‘%(title)s’ is besloten",
    "Everything is dated %(date)s and linked to this meeting and its steps. Empty rows are skipped. It is saved all at once, or not at all.": (
        "Alles krijgt de datum %(date)s en hoort bij deze bijeenkomst en haar stappen. Lege "
        "rijen worden overgeslagen. Alles wordt in één keer opgeslagen, of helemaal niet."
    ),
    "Decision %(number)s": "Besluit %(number)s",
    "Agreement %(number)s": "Afspraak %(number)s",
    "Action %(number)s": "Actie %(number)s",
    "Save everything": "Alles opslaan",
    "Withdraw “%(title)s”": "‘%(title)s’ intrekken",
    "Withdraw": "Intrekken",
    "Nothing is deleted: the history keeps every version, and members see that it was withdrawn and why.": (
        "Er wordt niets gewist: de geschiedenis bewaart elke versie, en leden zien dat het is "
        "ingetrokken en waarom."
    ),
    "The decision has been recorded.": "Het besluit is vastgelegd.",
    "The decision has been changed; the earlier version stays in its history.": (
        "Het besluit is gewijzigd; de vorige versie blijft in de geschiedenis."
    ),
    "The agreement has been recorded.": "De afspraak is vastgelegd.",
    "The agreement has been changed; the earlier version stays in its history.": (
        "De afspraak is gewijzigd; de vorige versie blijft in de geschiedenis."
    ),
    "It has been withdrawn; members can still read it.": (
        "Het is ingetrokken; leden kunnen het nog lezen."
    ),
    "The action has been saved.": "De actie is opgeslagen.",
    "Marked as done.": "Gemarkeerd als gedaan.",
    "Marked as not done.": "Teruggezet op open.",
    "The meeting has been saved.": "De bijeenkomst is opgeslagen.",
    "Check the rows marked below.": "Kijk de rijen na die hieronder zijn gemarkeerd.",
    "Fill in at least one decision, agreement or action.": (
        "Vul minstens één besluit, afspraak of actie in."
    ),
    "Nothing has been saved yet: check the row marked below.": (
        "Er is nog niets opgeslagen: kijk de rij na die hieronder is gemarkeerd."
    ),
    "%(count)d items have been recorded at this meeting.": (
        "Er zijn %(count)d items vastgelegd bij deze bijeenkomst."
    ),
    # Step page and compass
    "This step's logbook": "Logboek van deze stap",
    "Overdue agreements": "Afspraken over tijd",
    "No overdue agreements.": "Geen afspraken over tijd.",
    "See them in the logbook": "Bekijk ze in het logboek",
    "Web links": "Links",
    "Documents": "Documenten",
    "Actions": "Acties",
    "Nothing in the logbook for this step yet.": "Nog niets in het logboek bij deze stap.",
    "More in the logbook": "Meer in het logboek",
    "Add to the logbook:": "Toevoegen aan het logboek:",
    "decision (add)": "besluit",
    "agreement (add)": "afspraak",
    "action (add)": "actie",
    "meeting (add)": "bijeenkomst",
}

PLURALS = {
    ("%(count)s agreement is overdue", "%(count)s agreements are overdue"): (
        "%(count)s afspraak is over tijd",
        "%(count)s afspraken zijn over tijd",
    ),
    ("%(count)s overdue agreement", "%(count)s overdue agreements"): (
        "%(count)s afspraak over tijd",
        "%(count)s afspraken over tijd",
    ),
}
