import functools

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from wijkkoers.api.v1 import api
from wijkkoers.core.errors import NotFound


def _error(status: int, detail, code: str) -> JsonResponse:
    return JsonResponse({"detail": str(detail), "code": code, "errors": []}, status=status)


def not_found(request, rest=""):
    """Any other path under /api/ is a JSON 404 too, never an HTML page."""
    return _error(404, NotFound.message, NotFound.code)


def _json_method_not_allowed(view):
    """django-ninja answers a method a path does not have with a plain-text 405: make it JSON."""

    @functools.wraps(view)  # keeps csrf_exempt
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return response
        answer = _error(405, _("This method is not allowed here."), "method_not_allowed")
        answer["Allow"] = response["Allow"]
        return answer

    return wrapped


# Not `app_name` at module level: include() would read it as this module's namespace.
v1_patterns, v1_app, v1_namespace = api.urls
for pattern in v1_patterns:
    pattern.callback = _json_method_not_allowed(pattern.callback)

urlpatterns = [
    path("v1/", (v1_patterns, v1_app, v1_namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
