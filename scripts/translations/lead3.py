NL = {"Page": "Pagina"}
CONTEXTS = {("page 2 of 9", "of"): "van"}
