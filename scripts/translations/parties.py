"""Dutch for the parties of a project (task "parties", issue 8)."""

NL = {
    "party": "partij",
    "parties": "partijen",
    "Party": "Partij",
    "kind of party (other)": "soort partij (anders)",
    "other": "anders",
    "a kind no longer in the method": "een soort die niet meer in de methode staat",
    "Choose one of this project's parties.": "Kies een van de partijen van dit project.",
    "This project already has a party with this name.": "Dit project heeft al een partij met deze naam.",
    "Choose a kind of party from the list.": "Kies een soort partij uit de lijst.",
    "Say what kind of party this is.": "Zeg wat voor soort partij dit is.",
    "Name of the party": "Naam van de partij",
    "Kind of party, in your own words": "Soort partij, in je eigen woorden",
    "Only when you chose “Other kind”.": "Alleen als je ‘Andere soort’ kiest.",
    "Other kind": "Andere soort",
    "The party has been added.": "De partij is toegevoegd.",
    "Add party": "Partij toevoegen",
    "Edit %(name)s": "%(name)s wijzigen",
    "The party has been saved.": "De partij is opgeslagen.",
    "Back to the settings": "Terug naar de instellingen",
}

# core/errors.py (landed without Dutch); listed here so this branch's catalogue is complete.
NL |= {
    "This change is not allowed.": "Deze wijziging is niet toegestaan.",
    "This does not exist, or you have no access to it.": "Dit bestaat niet, of je hebt er geen toegang toe.",
    "Someone else changed this in the meantime.": "Iemand anders heeft dit intussen gewijzigd.",
}
