"""Dutch for "cms" (issue 9): the Wagtail admin as editors use it."""

NL = {
    # Wagtail's own words that its Dutch catalogue leaves in English
    "Checks": "Controles",
    "Minimap": "Minikaart",
    "Sites menu": "Sitemenu",
    "Workflow: start": "Workflow: gestart",
    "Actions": "Acties",
}
