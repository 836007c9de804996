"""Dutch for strings the lead added while merging (issue 8)."""

NL = {
    "reason": "reden",
    "%(actor)s closed the project %(object)s": "%(actor)s sloot het project %(object)s af",
    "%(actor)s reopened the project %(object)s": "%(actor)s heropende het project %(object)s",
    "%(actor)s changed the party %(object)s": "%(actor)s wijzigde de partij %(object)s",
    "%(actor)s added %(object)s to the team": "%(actor)s voegde %(object)s toe aan het team",
    "%(actor)s changed the party of %(object)s": "%(actor)s wijzigde de partij van %(object)s",
}
