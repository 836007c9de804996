"""Dutch for the ambitions part of the stakeholder tools (matrix, tensions, mutual gains,
the Mutual Gains Approach checklist)."""

NL = {
    # Errors
    "Only project leaders and team members can change this.": (
        "Alleen projectleiders en teamleden kunnen dit wijzigen."
    ),
    "Give it a title.": "Geef het een titel.",
    "Choose at least two stakeholders: it takes two parties.": (
        "Kies minstens twee belanghebbenden: daar zijn twee partijen voor nodig."
    ),
    "Choose stakeholders of this project only.": "Kies alleen belanghebbenden van dit project.",
    "Link only decisions from this project's logbook.": (
        "Koppel alleen besluiten uit het logboek van dit project."
    ),
    "Choose one of the options.": "Kies een van de mogelijkheden.",
    "This item is not on the checklist.": "Dit punt staat niet op de checklist.",
    # Form fields
    "Interests": "Belangen",
    "What this party needs to gain or must not lose.": (
        "Wat deze partij moet winnen of niet mag verliezen."
    ),
    "Ambition for the whole neighbourhood": "Ambitie voor de hele wijk",
    "What this party wants for the neighbourhood as a whole.": (
        "Wat deze partij wil voor de wijk als geheel."
    ),
    "Ambition for its own property": "Ambitie voor het eigen bezit",
    "What this party wants for the buildings and land it owns in the neighbourhood.": (
        "Wat deze partij wil voor de gebouwen en grond die zij in de wijk bezit."
    ),
    "Ambition for the whole neighbourhood (as director of the approach)": (
        "Ambitie voor de hele wijk (als regisseur van de wijkaanpak)"
    ),
    "What the municipality wants for the neighbourhood as the party that directs the "
    "neighbourhood approach.": (
        "Wat de gemeente wil voor de wijk als de partij die de wijkaanpak regisseert."
    ),
    "Ambition for its own property (as owner)": "Ambitie voor het eigen bezit (als eigenaar)",
    "What the municipality wants for the public property it owns in the neighbourhood, as any "
    "owner would.": (
        "Wat de gemeente wil voor haar eigen publieke bezit in de wijk, zoals elke eigenaar."
    ),
    "Stakeholders": "Belanghebbenden",
    "At least two.": "Minstens twee.",
    "Linked decisions": "Gekoppelde besluiten",
    "Decisions from this project's logbook about this, if any.": (
        "Besluiten uit het logboek van dit project hierover, als die er zijn."
    ),
    "Which interests clash, and how.": "Welke belangen botsen, en hoe.",
    "How serious": "Hoe ernstig",
    "Where the parties reinforce each other, and how.": (
        "Waar de partijen elkaar versterken, en hoe."
    ),
    "How or when you did this, optional.": "Hoe of wanneer jullie dit deden, niet verplicht.",
    # Audit
    "Ambitions, tensions and mutual gains": "Ambities, spanningen en wederzijdse voordelen",
    "%(actor)s changed the interests and ambitions of %(object)s": (
        "%(actor)s wijzigde de belangen en ambities van %(object)s"
    ),
    "%(actor)s recorded the tension %(object)s": "%(actor)s legde de spanning %(object)s vast",
    "%(actor)s changed the tension %(object)s": "%(actor)s wijzigde de spanning %(object)s",
    "%(actor)s marked the tension %(object)s as resolved": (
        "%(actor)s markeerde de spanning %(object)s als opgelost"
    ),
    "%(actor)s recorded the mutual gain %(object)s": (
        "%(actor)s legde het wederzijdse voordeel %(object)s vast"
    ),
    "%(actor)s changed the mutual gain %(object)s": (
        "%(actor)s wijzigde het wederzijdse voordeel %(object)s"
    ),
    "ticked by": "afgevinkt door",
    "ticked on": "afgevinkt op",
    "%(actor)s ticked the checklist item %(object)s": (
        "%(actor)s vinkte het checklistpunt %(object)s af"
    ),
    "%(actor)s unticked the checklist item %(object)s": (
        "%(actor)s zette het vinkje bij checklistpunt %(object)s uit"
    ),
    # The tool
    "Ambitions and interests": "Ambities en belangen",
    "Per stakeholder its interests and what it wants for the whole neighbourhood and for its "
    "own property; where interests clash, where parties reinforce each other, and the Mutual "
    "Gains Approach checklist.": (
        "Per belanghebbende de belangen en wat zij wil voor de hele wijk en voor het eigen "
        "bezit; waar belangen botsen, waar partijen elkaar versterken, en de checklist van de "
        "Mutual Gains Approach."
    ),
    "Stakeholders with ambitions filled in": "Belanghebbenden met ingevulde ambities",
    "%(filled)s of %(total)s": "%(filled)s van %(total)s",
    "Open tensions": "Open spanningen",
    "Mutual Gains Approach checklist": "Checklist Mutual Gains Approach",
    "There are serious tensions that are still open.": ("Er staan nog ernstige spanningen open."),
    "%(total)s (%(parts)s)": "%(total)s (%(parts)s)",
    # The checklist
    "Prepare": "Voorbereiden",
    "Know what everyone at the table cares about, and what each does without an agreement.": (
        "Weet wat iedereen aan tafel belangrijk vindt, en wat ieder doet zonder akkoord."
    ),
    "Every party has named its own interests and put them in order of weight.": (
        "Elke partij heeft haar eigen belangen benoemd en op volgorde van gewicht gezet."
    ),
    "We asked about the interests behind the positions parties take, not only about the "
    "positions.": (
        "We hebben gevraagd naar de belangen achter de standpunten van partijen, niet alleen "
        "naar de standpunten zelf."
    ),
    "Every party knows what it will do if no agreement is reached, and has thought about how "
    "that looks for the others.": (
        "Elke partij weet wat zij doet als er geen akkoord komt, en heeft nagedacht over hoe "
        "dat er voor de anderen uitziet."
    ),
    "Create value": "Waarde creëren",
    "Make the whole larger before anything is divided.": (
        "Maak het geheel groter voordat er iets verdeeld wordt."
    ),
    "Options were explored as “what if…?” without anyone being held to them straight away.": (
        "Opties zijn verkend als ‘wat als…?’, zonder dat iemand er meteen aan vastzit."
    ),
    "We combined options across several issues into packages that serve the most important "
    "interests of more than one party.": (
        "We hebben opties over meerdere onderwerpen gecombineerd tot pakketten die de "
        "belangrijkste belangen van meer dan één partij dienen."
    ),
    "Distribute value": "Waarde verdelen",
    "Divide what was gained in a way every party can explain at home.": (
        "Verdeel wat er gewonnen is zo dat elke partij het thuis kan uitleggen."
    ),
    "We agreed on criteria for dividing costs and benefits before dividing them.": (
        "We hebben criteria voor het verdelen van kosten en baten afgesproken voordat we gingen "
        "verdelen."
    ),
    "Every representative can explain to their own organisation or members why the outcome "
    "is fair.": (
        "Elke vertegenwoordiger kan aan de eigen organisatie of achterban uitleggen waarom de "
        "uitkomst eerlijk is."
    ),
    "Follow through": "Doorzetten",
    "Make the agreement hold when the work starts.": (
        "Zorg dat het akkoord standhoudt als het werk begint."
    ),
    "We went through what could derail the agreement during the work.": (
        "We zijn nagegaan wat het akkoord tijdens de uitvoering kan laten ontsporen."
    ),
    "The agreement says how a disagreement later on will be settled.": (
        "In het akkoord staat hoe een meningsverschil later wordt opgelost."
    ),
    "The agreement says how progress is measured and how the parties keep each other informed.": (
        "In het akkoord staat hoe de voortgang wordt gemeten en hoe de partijen elkaar op de "
        "hoogte houden."
    ),
    # Model words of this part
    "interests": "belangen",
    "ambition for the neighbourhood": "ambitie voor de wijk",
    "ambition for its own property": "ambitie voor het eigen bezit",
    "stakeholder": "belanghebbende",
    "stakeholders": "belanghebbenden",
    "low": "laag",
    "medium": "middel",
    "high": "hoog",
    "being discussed": "in bespreking",
    "resolved": "opgelost",
    "between": "tussen",
    "how serious": "hoe ernstig",
    "tension": "spanning",
    "tensions": "spanningen",
    "parties involved": "betrokken partijen",
    "mutual gain": "wederzijds voordeel",
    "mutual gains": "wederzijdse voordelen",
    "checklist mark": "afgevinkt punt",
    "checklist marks": "afgevinkte punten",
    # Pages
    "For the whole neighbourhood": "Voor de hele wijk",
    "For its own property": "Voor het eigen bezit",
    "Matrix": "Matrix",
    "Tensions": "Spanningen",
    "Mutual gains": "Wederzijdse voordelen",
    "MGA checklist": "MGA-checklist",
    "Interests and ambitions": "Belangen en ambities",
    "Interests and ambitions of %(name)s": "Belangen en ambities van %(name)s",
    "This is the municipality: keep its two roles apart. As director of the neighbourhood "
    "approach, write what it wants for the whole neighbourhood; as owner of public property, "
    "write what it wants for its own buildings and land.": (
        "Dit is de gemeente: houd haar twee rollen uit elkaar. Schrijf als regisseur van de "
        "wijkaanpak op wat zij wil voor de hele wijk; schrijf als eigenaar van publiek bezit op "
        "wat zij wil voor haar eigen gebouwen en grond."
    ),
    "Change the mutual gain": "Wederzijds voordeel wijzigen",
    "Record a mutual gain": "Wederzijds voordeel vastleggen",
    "Where parties reinforce each other: gains they can make together that none of them makes "
    "alone.": (
        "Waar partijen elkaar versterken: winst die ze samen kunnen boeken en geen van hen alleen."
    ),
    "Edit": "Wijzigen",
    "No mutual gains recorded yet.": "Nog geen wederzijdse voordelen vastgelegd.",
    "Per stakeholder: what it needs to gain or must not lose (its interests), what it wants "
    "for the neighbourhood as a whole, and what it wants for the buildings and land it owns "
    "there. Two columns for ambitions, so that what a party wants for everyone is not "
    "confused with what it wants for itself.": (
        "Per belanghebbende: wat zij moet winnen of niet mag verliezen (haar belangen), wat zij "
        "wil voor de wijk als geheel, en wat zij wil voor de gebouwen en grond die zij daar "
        "bezit. Twee kolommen voor ambities, zodat wat een partij voor iedereen wil niet wordt "
        "verward met wat zij voor zichzelf wil."
    ),
    "Keep the municipality's two roles apart. As director of the neighbourhood approach it "
    "speaks in the column for the whole neighbourhood; as owner of public property in the "
    "neighbourhood (its own buildings and land) it speaks in the column for its own property, "
    "like any other owner.": (
        "Houd de twee rollen van de gemeente uit elkaar. Als regisseur van de wijkaanpak staat "
        "zij in de kolom voor de hele wijk; als eigenaar van publiek bezit in de wijk (haar "
        "eigen gebouwen en grond) staat zij in de kolom voor het eigen bezit, net als elke "
        "andere eigenaar."
    ),
    "Interests and ambitions per stakeholder": "Belangen en ambities per belanghebbende",
    "Stakeholder": "Belanghebbende",
    "(municipality: as director of the approach)": "(gemeente: als regisseur van de wijkaanpak)",
    "(municipality: as owner)": "(gemeente: als eigenaar)",
    "No stakeholders yet. Add the project's parties to the stakeholder register first; they "
    "then appear here.": (
        "Nog geen belanghebbenden. Zet de partijen van het project eerst in het "
        "belanghebbendenregister; daarna staan ze hier."
    ),
    "The Mutual Gains Approach is a way of negotiating in four stages: prepare, create value, "
    "distribute value and follow through. Tick what your team has done; a note says how or "
    "when.": (
        "De Mutual Gains Approach is een manier van onderhandelen in vier fasen: voorbereiden, "
        "waarde creëren, waarde verdelen en doorzetten. Vink af wat jullie team heeft gedaan; "
        "een notitie zegt hoe of wanneer."
    ),
    "%(ticked)s of %(total)s items done.": "%(ticked)s van %(total)s punten gedaan.",
    "Done:": "Gedaan:",
    "Not yet:": "Nog niet:",
    "Ticked by %(name)s on %(when)s": "Afgevinkt door %(name)s op %(when)s",
    "Save the note": "Notitie opslaan",
    "Tick": "Afvinken",
    "Untick": "Vinkje weghalen",
    "Sources": "Bronnen",
    "The items are written in our own words from these public descriptions of the approach:": (
        "De punten zijn in onze eigen woorden geschreven op basis van deze openbare "
        "beschrijvingen van de aanpak:"
    ),
    "Change the tension": "Spanning wijzigen",
    "Record a tension": "Spanning vastleggen",
    "Where the interests of stakeholders clash: between whom, how serious, and which "
    "decisions dealt with it.": (
        "Waar de belangen van belanghebbenden botsen: tussen wie, hoe ernstig, en welke "
        "besluiten erover zijn genomen."
    ),
    "Filter tensions": "Spanningen filteren",
    "No tensions match this filter.": "Geen spanningen bij dit filter.",
    "No tensions recorded yet.": "Nog geen spanningen vastgelegd.",
    "The interests and ambitions have been saved.": "De belangen en ambities zijn opgeslagen.",
    "The tension has been saved.": "De spanning is opgeslagen.",
    "The mutual gain has been saved.": "Het wederzijdse voordeel is opgeslagen.",
    "The item has been unticked.": "Het vinkje is weggehaald.",
    "The item has been ticked.": "Het punt is afgevinkt.",
    "The note is too long: at most 1,000 characters.": (
        "De notitie is te lang: hooguit 1.000 tekens."
    ),
}

PLURALS = {
    ("%(ticked)s of %(total)s item", "%(ticked)s of %(total)s items"): (
        "%(ticked)s van %(total)s punt",
        "%(ticked)s van %(total)s punten",
    ),
}
