"""Dutch for strings the lead added while merging (issue 8)."""

NL = {
    "reason": "reden",
    "%(actor)s closed the project %(object)s": "%(actor)s sloot het project %(object)s af",
    "%(actor)s reopened the project %(object)s": "%(actor)s heropende het project %(object)s",
}
