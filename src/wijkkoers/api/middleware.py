"""Every error under /api/ is JSON, whoever answered it.

The API's own handlers (`api/v1.py`) answer JSON already. This middleware catches the rest:
the request-body limit's 413 page (`core/limits.py`, before any view runs), Django's 404 and
500 pages, ninja's plain-text 405, a 400 for a request Django refuses (a bad Host, a body it
cannot parse). It sits right after the LocaleMiddleware, so the message is in the caller's
language (Accept-Language or the language cookie), as every other API answer.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

from wijkkoers.core.errors import NotFound
from wijkkoers.core.limits import body_limit, size_in_mb

API_PREFIX = "/api/"
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")


def _message(request, status: int) -> tuple[str, str]:
    """(code, Dutch or English message) for an HTTP status."""
    if status == 404:
        return NotFound.code, str(NotFound.message)
    if status == 405:
        return "method_not_allowed", _("This method is not allowed here.")
    if status == 413:
        size = size_in_mb(body_limit(request.path_info))
        text = _(
            "What you sent is larger than %(size)s MB, the most you can send at once. "
            "Nothing has been saved."
        )
        return "too_large", text % {"size": size}
    if status == 429:
        return "rate_limited", _("Too many requests. Wait a moment and try again.")
    if status >= 500:
        return "server_error", _("Something went wrong on our side. Try again later.")
    if status == 400:
        return "bad_request", _("This request cannot be read.")
    return "http_error", _("This request cannot be handled.")


def json_error(request, status: int, headers=None) -> JsonResponse:
    """The API's error body `{"detail", "code", "errors"}` for a bare HTTP status."""
    code, detail = _message(request, status)
    response = JsonResponse({"detail": detail, "code": code, "errors": []}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


class ApiJsonErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        kept = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return json_error(request, response.status_code, kept)
