"""Dutch for the "domain" work: project rules as errors, the lifecycle, closing and reopening."""

NL = {
    # core/errors.py (the base classes)
    "This change is not allowed.": "Deze wijziging is niet toegestaan.",
    "This does not exist, or you have no access to it.": "Dit bestaat niet, of je hebt er geen toegang toe.",
    "Someone else changed this in the meantime.": "Iemand anders heeft dit intussen gewijzigd.",
    # projects/errors.py
    "This project is closed: it can be read, not changed. A project leader can reopen it.": "Dit project is afgesloten: je kunt het lezen, niet wijzigen. Een projectleider kan het heropenen.",
    "This project is not closed.": "Dit project is niet afgesloten.",
    "Close a project with its own button, below the settings.": "Sluit een project af met de eigen knop, onder de instellingen.",
    "The owner must be a member of the project.": "De eigenaar moet lid zijn van het project.",
    "This step does not exist in the method.": "Deze stap bestaat niet in de methode.",
    "Choose a valid status.": "Kies een geldige status.",
    # forms and the settings page
    "Yes, I am sure": "Ja, ik weet het zeker",
    "Reason (optional)": "Reden (niet verplicht)",
    "closed": "afgesloten",
    "This project is closed.": "Dit project is afgesloten.",
    "Everything stays readable, but nothing can be changed. A project leader can reopen it under Settings.": "Alles blijft leesbaar, maar er kan niets meer worden gewijzigd. Een projectleider kan het heropenen onder Instellingen.",
    "Reopen project": "Project heropenen",
    "Reopening makes the project editable again for its team.": "Na heropenen kan het team het project weer bewerken.",
    "Reopen": "Heropenen",
    "Close project": "Project afsluiten",
    "A closed project stays in My projects with everything in it, but nobody can change it any more. A project leader can reopen it. Projects are never deleted.": "Een afgesloten project blijft met alles erin in Mijn projecten staan, maar niemand kan het nog wijzigen. Een projectleider kan het heropenen. Projecten worden nooit verwijderd.",
    "The project has been closed.": "Het project is afgesloten.",
    "The project has been reopened.": "Het project is heropend.",
    "Confirm that you want to do this.": "Bevestig dat je dit wilt doen.",
}
