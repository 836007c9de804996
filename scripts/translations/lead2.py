"""Dutch for the lead's own fixes of this session."""

NL = {
    "another kind (own label)": "een ander soort partij (eigen omschrijving)",
    "Project logbook": "Projectlogboek",
}
