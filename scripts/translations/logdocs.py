"""Dutch for the logbook's documents, links and search (helper logdocs)."""

NL = {
    # Audit trail
    "Logbook: documents and links": "Logboek: documenten en links",
    "%(actor)s added the document %(object)s": "%(actor)s voegde het document %(object)s toe",
    "%(actor)s withdrew the document %(object)s": "%(actor)s trok het document %(object)s in",
    "%(actor)s added the link %(object)s": "%(actor)s voegde de link %(object)s toe",
    "%(actor)s withdrew the link %(object)s": "%(actor)s trok de link %(object)s in",
    "date": "datum",
    "file name": "bestandsnaam",
    "size": "grootte",
    "web address": "webadres",
    "file": "bestand",
    "document": "document",
    "documents": "documenten",
    "links": "links",
    "withdrawn": "ingetrokken",
    "reason for withdrawal": "reden van intrekken",
    "Project logbook": "Projectlogboek",
    "Logbook": "Logboek",
    # Rules
    "Choose a file.": "Kies een bestand.",
    "This file is empty.": "Dit bestand is leeg.",
    "This file is larger than 25 MB. Make it smaller, or add a link to it instead.": (
        "Dit bestand is groter dan 25 MB. Maak het kleiner, of voeg in plaats daarvan een "
        "link ernaar toe."
    ),
    "This kind of file cannot be added. Allowed are PDF, office documents (Word, Excel, "
    "PowerPoint, OpenDocument), images (PNG, JPEG, GIF, WebP), CSV and plain text.": (
        "Dit soort bestand kun je niet toevoegen. Wel mogen: PDF, kantoordocumenten (Word, "
        "Excel, PowerPoint, OpenDocument), afbeeldingen (PNG, JPEG, GIF, WebP), CSV en "
        "platte tekst."
    ),
    "The content of this file does not match its name: it is not a real %(label)s file. "
    "Save it again in the right format, or give it the right name.": (
        "De inhoud van dit bestand komt niet overeen met de naam: het is geen echt "
        "%(label)s-bestand. Sla het opnieuw op in het juiste formaat, of geef het de juiste "
        "naam."
    ),
    "Enter a web address that starts with http:// or https://.": (
        "Vul een webadres in dat begint met http:// of https://."
    ),
    "Say why this is withdrawn.": "Zeg waarom je dit intrekt.",
    "This has already been withdrawn.": "Dit is al ingetrokken.",
    "Choose steps of the method.": "Kies stappen uit de methode.",
    "Choose parties of this project.": "Kies partijen van dit project.",
    # Forms
    "Date": "Datum",
    "Steps": "Stappen",
    "The steps of the method this belongs to. Hold Ctrl (or Cmd) to pick more.": (
        "De stappen van de methode waar dit bij hoort. Houd Ctrl (of Cmd) ingedrukt om er "
        "meer te kiezen."
    ),
    "Parties": "Partijen",
    "The parties this concerns, if any.": "De partijen waar dit over gaat, als dat zo is.",
    "File": "Bestand",
    "At most 25 MB: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, CSV "
    "or plain text.": (
        "Hoogstens 25 MB: PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, "
        "CSV of platte tekst."
    ),
    "Empty: the file name.": "Leeg: de bestandsnaam.",
    "Web address": "Webadres",
    "Starts with https:// or http://.": "Begint met https:// of http://.",
    "Why is this withdrawn?": "Waarom trek je dit in?",
    "Members keep seeing it, marked as withdrawn, with this reason.": (
        "Leden blijven het zien, gemarkeerd als ingetrokken, met deze reden."
    ),
    # Pages
    "Search the logbook": "Zoeken in het logboek",
    "Add document": "Document toevoegen",
    "Documents": "Documenten",
    "Nothing is deleted: members keep seeing it, marked as withdrawn.": (
        "Er wordt niets gewist: leden blijven het zien, gemarkeerd als ingetrokken."
    ),
    "Withdrawn": "Ingetrokken",
    "someone": "iemand",
    "on %(when)s by %(who)s": "op %(when)s door %(who)s",
    "Reason:": "Reden:",
    "Add a document": "Een document toevoegen",
    "Back to the documents": "Terug naar de documenten",
    "Added": "Toegevoegd",
    "Checksum (SHA-256)": "Controlegetal (SHA-256)",
    "Download": "Downloaden",
    "Pages of documents": "Pagina's met documenten",
    "Newer documents": "Nieuwere documenten",
    "Older documents": "Oudere documenten",
    "No documents in this logbook yet.": "Nog geen documenten in dit logboek.",
    "Back to the links": "Terug naar de links",
    "Pages of links": "Pagina's met links",
    "Newer links": "Nieuwere links",
    "Older links": "Oudere links",
    "No links in this logbook yet.": "Nog geen links in dit logboek.",
    "Add a link": "Een link toevoegen",
    "Add link": "Link toevoegen",
    "Search in decisions, agreements, meetings, documents and links": (
        "Zoek in besluiten, afspraken, bijeenkomsten, documenten en links"
    ),
    "Type a word to search for.": "Typ een woord om op te zoeken.",
    "Nothing found for “%(query)s”.": "Niets gevonden voor “%(query)s”.",
    "The document has been added.": "Het document is toegevoegd.",
    "The document has been withdrawn.": "Het document is ingetrokken.",
    "The link has been added.": "De link is toegevoegd.",
    "The link has been withdrawn.": "De link is ingetrokken.",
}

# The shared logbook models' words (logbook/models.py, from the lead's commit): filled here
# so the catalogue is complete on this branch; logcore may word them too.
NL.update(
    {
        "decision": "besluit",
        "agreement": "afspraak",
        "meeting": "bijeenkomst",
        "logbook entry": "logboekitem",
        "logbook entries": "logboekitems",
        "proposed": "voorgesteld",
        "taken": "genomen",
        "replaced": "vervangen",
        "decisions": "besluiten",
        "date decided": "datum besluit",
        "decided by": "besloten door",
        "parties that agreed": "partijen die instemden",
        "parties that objected": "partijen met bezwaar",
        "rationale": "onderbouwing",
        "replaces": "vervangt",
        "amends": "wijzigt",
        "reason for the change": "reden van de wijziging",
        "version of a decision": "versie van een besluit",
        "versions of decisions": "versies van besluiten",
        "in progress": "in uitvoering",
        "lapsed": "vervallen",
        "referred": "doorverwezen",
        "agreements": "afspraken",
        "what": "wat",
        "details": "toelichting",
        "owner (member)": "eigenaar (lid)",
        "owner (party)": "eigenaar (partij)",
        "agreed on": "afgesproken op",
        "due date": "streefdatum",
        "version of an agreement": "versie van een afspraak",
        "versions of agreements": "versies van afspraken",
        "done": "afgerond",
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
        "agenda": "agenda",
        "minutes": "verslag",
        "meetings": "bijeenkomsten",
    }
)

PLURALS = {
    ("%(counter)s result for “%(query)s”", "%(counter)s results for “%(query)s”"): (
        "%(counter)s resultaat voor “%(query)s”",
        "%(counter)s resultaten voor “%(query)s”",
    ),
}

# Messages with a context (pgettext): (msgctxt, msgid) -> msgstr.
CONTEXTS = {
    ("agreement status", "open"): "open",
    ("agreement status", "done"): "afgerond",
    ("logbook", "Links"): "Links",
    ("logbook kind", "decision"): "besluit",
    ("logbook kind", "agreement"): "afspraak",
    ("logbook kind", "action"): "actie",
    ("logbook kind", "meeting"): "bijeenkomst",
    ("logbook kind", "document"): "document",
    ("logbook kind", "link"): "link",
}
