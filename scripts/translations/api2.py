NL = {
    # Errors under /api/ that no API handler answered (api/middleware.py)
    "Something went wrong on our side. Try again later.": "Er ging bij ons iets mis. Probeer het later opnieuw.",
    "This request cannot be read.": "Dit verzoek kan niet worden gelezen.",
}
