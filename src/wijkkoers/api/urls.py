from django.urls import path, re_path

from wijkkoers.api.middleware import json_error
from wijkkoers.api.v1 import api


def not_found(request, rest=""):
    """Any other path under /api/ is a JSON 404 too, without rendering the HTML page first."""
    return json_error(request, 404)


# Not `app_name` at module level: include() would read it as this module's namespace.
# ninja's plain-text 405 (a method a path lacks) becomes JSON in api/middleware.py.
urlpatterns = [
    path("v1/", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
