"""Dutch for the report remainders: sub-projects as of a day, the compact report."""

NL = {
    "Progress per sub-project": "Voortgang per deelproject",
    "removed since": "sindsdien verwijderd",
    "no owner": "geen eigenaar",
    "no due date": "geen uiterste datum",
}
