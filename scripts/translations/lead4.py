NL = {
    "One line per decision in force, by the day it was taken. The text and rationale of each "
    "decision are in the project's logbook and in the briefing for late joiners.": (
        "Eén regel per besluit dat van kracht is, op de dag waarop het werd genomen. De tekst "
        "en de onderbouwing van elk besluit staan in het logboek van het project en in het "
        "inwerkdossier."
    ),
    "no date": "zonder datum",
}
