"""Dutch for changing and removing neighbourhoods, sub-projects and parties (issue 9)."""

NL = {
    # errors
    "This party cannot be removed: members of the team or open invitations belong to it. "
    "Give them another party (or withdraw the invitations) first.": (
        "Deze partij kan niet worden verwijderd: er horen teamleden of openstaande "
        "uitnodigingen bij. Geef hen eerst een andere partij (of trek de uitnodigingen in)."
    ),
    "This sub-project cannot be removed: progress on steps has been recorded for it.": (
        "Dit deelproject kan niet worden verwijderd: er is voortgang op stappen voor vastgelegd."
    ),
    # audit sentences
    "%(actor)s changed the neighbourhood %(object)s": "%(actor)s wijzigde de buurt %(object)s",
    "%(actor)s removed the neighbourhood %(object)s": "%(actor)s verwijderde de buurt %(object)s",
    "%(actor)s changed the sub-project %(object)s": "%(actor)s wijzigde het deelproject %(object)s",
    "%(actor)s removed the sub-project %(object)s": (
        "%(actor)s verwijderde het deelproject %(object)s"
    ),
    "%(actor)s removed the party %(object)s": "%(actor)s verwijderde de partij %(object)s",
    # views and pages
    "The neighbourhood has been saved.": "De buurt is opgeslagen.",
    "The neighbourhood has been removed.": "De buurt is verwijderd.",
    "The sub-project has been saved.": "Het deelproject is opgeslagen.",
    "The sub-project has been removed.": "Het deelproject is verwijderd.",
    "The party has been removed.": "De partij is verwijderd.",
    "Remove %(name)s": "%(name)s verwijderen",
    "Do you want to remove %(name)s from the project? The Changes page keeps a record of it.": (
        "Wil je %(name)s uit het project verwijderen? De pagina Wijzigingen bewaart dat het er was."
    ),
    "Remove": "Verwijderen",
    "Cancel": "Annuleren",
    "CBS code": "CBS-code",
    "look up %(code)s on CBS in uw Buurt": "zoek %(code)s op in CBS in uw Buurt",
}
