"""The project rules a service can refuse, each with a stable code and a message for people."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class PartyNotInProject(DomainError):
    """A party of another project (or none that exists) was named for an invitation or member."""

    code = "party_not_in_project"
    message = _("Choose one of this project's parties.")
    field = "party"


class PartyNameTaken(DomainError):
    code = "party_name_taken"
    message = _("This project already has a party with this name.")
    field = "name"


class PartyTypeUnknown(DomainError):
    code = "party_type_unknown"
    message = _("Choose a kind of party from the list.")
    field = "party_type"


class PartyOtherTypeMissing(DomainError):
    code = "party_other_type_missing"
    message = _("Say what kind of party this is.")
    field = "other_type"
