"""Dutch for the msgids of the infra work (issue 8: login, limits, settings, mail)."""

NL = {
    "Too much sent at once": "Te veel in één keer verstuurd",
    "What you sent is larger than %(size)s MB, the most you can send at once. Nothing has been saved.": "Wat je verstuurde is groter dan %(size)s MB, het meeste dat je in één keer kunt versturen. Er is niets opgeslagen.",
    "Go back and send less, for example a smaller file.": "Ga terug en verstuur minder, bijvoorbeeld een kleiner bestand.",
    "The invitation mail to %(email)s could not be sent. Check the address and send it again.": "De uitnodigingsmail aan %(email)s kon niet worden verstuurd. Controleer het adres en verstuur hem opnieuw.",
    # core/errors.py (already on main, without a translation there):
    "This change is not allowed.": "Deze wijziging is niet toegestaan.",
    "This does not exist, or you have no access to it.": "Dit bestaat niet, of je hebt er geen toegang toe.",
    "Someone else changed this in the meantime.": "Iemand anders heeft dit intussen gewijzigd.",
}
