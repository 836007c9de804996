"""Dutch for issue 9, the method: the Kompas as a map, ranked search, related steps once."""

NL = {
    "Did you mean": "Bedoelde je",
    "Active filters": "Actieve filters",
    "Clear filters": "Wis filters",
    "Steps that match the filters are bold with a solid border; the other steps have a dashed border.": "Stappen die bij de filters passen zijn vet en hebben een doorgetrokken rand; de andere stappen hebben een gestippelde rand.",
    "does not match the filters": "past niet bij de filters",
}
