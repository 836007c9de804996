"""Dutch for issue 9, the method: the Kompas as a map, ranked search, related steps once."""

NL = {
    "Did you mean": "Bedoelde je",
}
