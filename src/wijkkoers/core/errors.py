"""Domain errors: a rule of the product said no.

Services raise them; forms turn them into a field error (`add_to_form`), the API turns them
into a 4xx with `code` and `message`. Each subclass has a stable `code` (for machines and
tests) and a translated `message` (for people). `field` names the form field the error
belongs to, or None for the form as a whole.
"""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "not_allowed"
    message = _("This change is not allowed.")
    field: str | None = None
    status = 400  # what an API answers

    def __init__(self, message=None, *, field: str | None = None, **params):
        self.message = message if message is not None else type(self).message
        if field is not None:
            self.field = field
        self.params = params
        super().__init__(self.code)

    def __str__(self) -> str:
        text = str(self.message)
        return text % self.params if self.params else text

    def add_to_form(self, form) -> None:
        """Show the error at its field (or above the form); the user's input stays."""
        field = self.field if self.field in getattr(form, "fields", {}) else None
        form.add_error(field, str(self))


class NotFound(DomainError):
    code = "not_found"
    message = _("This does not exist, or you have no access to it.")
    status = 404


class Conflict(DomainError):
    code = "conflict"
    message = _("Someone else changed this in the meantime.")
    status = 409
