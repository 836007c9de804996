"""Dutch for the gaps work: one rule for adding a party, removing a household."""

NL = {
    "Only team members (team member or project leader) can add a party.": "Alleen leden van het team (teamlid of projectleider) kunnen een partij toevoegen.",
    "%(actor)s removed the household %(object)s": "%(actor)s verwijderde het voorbeeldhuishouden %(object)s",
    "The household has been removed.": "Het huishouden is verwijderd.",
    "Remove this household": "Dit huishouden verwijderen",
    "Back to the households": "Terug naar de voorbeeldhuishoudens",
    "Do you want to remove the household %(name)s? The Changes page keeps a record of it.": "Wil je het voorbeeldhuishouden %(name)s verwijderen? De pagina Wijzigingen bewaart dat het er was.",
}
PLURALS = {
    (
        "Its saved calculation stays as it is, with its own copy of the inputs and the definition version it used.",
        "Its %(counter)s saved calculations stay as they are, each with its own copy of the inputs and the definition version it used.",
    ): (
        "De bewaarde berekening blijft zoals ze is, met een eigen kopie van de invoer en de versie van de definitie waarmee ze is gemaakt.",
        "De %(counter)s bewaarde berekeningen blijven zoals ze zijn, elk met een eigen kopie van de invoer en de versie van de definitie waarmee ze is gemaakt.",
    ),
}
