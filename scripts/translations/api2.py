NL = {
    # Errors under /api/ that no API handler answered (api/middleware.py)
    "Something went wrong on our side. Try again later.": "Er ging bij ons iets mis. Probeer het later opnieuw.",
    "This request cannot be read.": "Dit verzoek kan niet worden gelezen.",
    # The docs page
    "Make a personal API token in your account and send it in the header <code>%(header)s</code>. The method's endpoints need no token.": "Maak een persoonlijk API-token in je account en stuur het mee in de header <code>%(header)s</code>. Voor de methode heb je geen token nodig.",
}
