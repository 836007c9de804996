"""Pydantic's validation errors as a per-field list with Dutch messages."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "extra_forbidden": gettext_lazy("This field does not exist here."),
    "string_type": gettext_lazy("Send text."),
    "string_too_short": gettext_lazy("This text is too short."),
    "string_too_long": gettext_lazy("This text is too long: at most %(max_length)s characters."),
    "string_pattern_mismatch": gettext_lazy("This text contains a character that is not allowed."),
    "int_type": gettext_lazy("Send a whole number."),
    "int_parsing": gettext_lazy("Send a whole number."),
    "int_from_float": gettext_lazy("Send a whole number."),
    "greater_than_equal": gettext_lazy("Send a number of at least %(ge)s."),
    "less_than_equal": gettext_lazy("Send a number of at most %(le)s."),
    "bool_type": gettext_lazy("Send true or false."),
    "bool_parsing": gettext_lazy("Send true or false."),
    "date_type": gettext_lazy("Send a date as YYYY-MM-DD."),
    "date_parsing": gettext_lazy("Send a date as YYYY-MM-DD."),
    "date_from_datetime_parsing": gettext_lazy("Send a date as YYYY-MM-DD."),
    "date_from_datetime_inexact": gettext_lazy("Send a date as YYYY-MM-DD."),
    "list_type": gettext_lazy("Send a list."),
    "too_long": gettext_lazy("This list is too long: at most %(max_length)s items."),
    "literal_error": gettext_lazy("Choose one of: %(expected)s."),
    "enum": gettext_lazy("Choose one of: %(expected)s."),
    "model_type": gettext_lazy("Send an object."),
    "model_attributes_type": gettext_lazy("Send an object."),
    "dict_type": gettext_lazy("Send an object."),
}
OTHER = gettext_lazy("This value is not valid.")


def _message(error: dict) -> str:
    template = MESSAGES.get(error.get("type"), OTHER)
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    if "expected" in context:  # pydantic lists choices as "'a', 'b' or 'c'"
        context["expected"] = context["expected"].replace(" or ", ", ")
    try:
        return str(template) % context if "%(" in str(template) else str(template)
    except (KeyError, ValueError):
        return str(OTHER)


def field_errors(errors: list[dict]) -> list[dict]:
    """[{"field", "location", "message"}] from ninja's errors (loc: where, parameter, path)."""
    result = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        location = loc[0] if loc else ""
        # Body fields are read into one parameter (`data`): drop its name from the path.
        path = loc[2:] if location == "body" and len(loc) > 2 else loc[1:]
        result.append(
            {"field": ".".join(path) or location, "location": location, "message": _message(error)}
        )
    return result or [{"field": "", "location": "", "message": _(str(OTHER))}]
