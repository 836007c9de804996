# Dutch for the readable audit trail ("Wijzigingen"), issue 8.
NL = {
    # audit app
    "by": "door",
    "yes": "ja",
    "no": "nee",
    "Someone": "Iemand",
    "%(actor)s made a change to %(object)s": "%(actor)s wijzigde iets aan %(object)s",
    "%(field)s: %(new)s": "%(field)s: %(new)s",
    "%(field)s: was %(old)s": "%(field)s: was %(old)s",
    "%(field)s: ‘%(old)s’ removed": "%(field)s: ‘%(old)s’ weggehaald",
    "%(field)s: from ‘%(old)s’ to ‘%(new)s’": "%(field)s: van ‘%(old)s’ naar ‘%(new)s’",
    # projects: the actions it registers
    "%(actor)s created the project %(object)s": "%(actor)s maakte het project %(object)s aan",
    "%(actor)s changed the settings of %(object)s": "%(actor)s wijzigde de instellingen van %(object)s",
    "%(actor)s added the neighbourhood %(object)s": "%(actor)s voegde de buurt %(object)s toe",
    "%(actor)s added the sub-project %(object)s": "%(actor)s voegde het deelproject %(object)s toe",
    "%(actor)s added %(object)s as a party": "%(actor)s voegde %(object)s toe als partij",
    "%(actor)s changed the role of %(object)s": "%(actor)s wijzigde de rol van %(object)s",
    "%(actor)s removed %(object)s from the team": "%(actor)s haalde %(object)s uit het team",
    "%(actor)s joined the team": "%(actor)s werd lid van het team",
    "%(actor)s invited %(object)s": "%(actor)s nodigde %(object)s uit",
    "%(actor)s sent the invitation to %(object)s again": "%(actor)s stuurde de uitnodiging aan %(object)s opnieuw",
    "%(actor)s withdrew the invitation to %(object)s": "%(actor)s trok de uitnodiging aan %(object)s in",
    "%(actor)s changed the progress of step %(object)s": "%(actor)s wijzigde de voortgang van stap %(object)s",
    # the Changes page
    "Changes": "Wijzigingen",
    "Pages of changes": "Pagina's met wijzigingen",
    "Newer changes": "Nieuwere wijzigingen",
    "Older changes": "Oudere wijzigingen",
    # core/errors.py (landed on main without a Dutch text; same wording as other helpers use)
    "This change is not allowed.": "Deze wijziging is niet toegestaan.",
    "This does not exist, or you have no access to it.": "Dit bestaat niet, of je hebt er geen toegang toe.",
    "Someone else changed this in the meantime.": "Iemand anders heeft dit intussen gewijzigd.",
}
