NL = {"Page": "Pagina"}
CONTEXTS = {("page 2 of 9", "of"): "van"}
NL["no longer on the team"] = "inmiddels geen lid meer"
