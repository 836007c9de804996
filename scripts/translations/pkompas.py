"""Dutch for the project kompas: the map and list of every step, what next, In my project."""

NL = {
    "overdue": "over tijd",
    "All steps": "Alle stappen",
    "Legend": "Legenda",
    "Every step of the method per phase and track, with its status in this project. Choose a step to work on it.": "Elke stap van de methode per fase en spoor, met de status in dit project. Kies een stap om eraan te werken.",
    "Next open step in the method's order (%(status)s).": "Volgende open stap in de volgorde van de methode (%(status)s).",
    "Ready: its required steps are done:": "Kan beginnen: de stappen die eraan voorafgaan zijn gedaan:",
    "Ready: it needs no other step first.": "Kan beginnen: er hoeft geen andere stap aan vooraf te gaan.",
    "Nothing waiting: every step is finished or not applicable.": "Niets meer te doen: elke stap is afgerond of niet van toepassing.",
    "Steps not yet started whose required steps are done; otherwise the next open steps in the method's order.": "Stappen die nog niet gestart zijn en waarvan de voorafgaande stappen gedaan zijn; anders de volgende open stappen in de volgorde van de methode.",
    "Sensitive steps not yet finished or marked not applicable.": "Gevoelige stappen die nog niet zijn afgerond of niet van toepassing zijn.",
    "In my project": "In mijn project",
    "This step in %(name)s": "Deze stap in %(name)s",
}
