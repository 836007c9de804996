"""Dutch for the catalogue work: the step link headings moved from templates to StepLink.Kind."""

NL = {
    "Needed first": "Eerst nodig",
    "Needed for": "Nodig voor",
    "Follows from": "Volgt uit",
    "Refers to this step": "Verwijst naar deze stap",
}
