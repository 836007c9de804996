"""The REST API, version 1: `/api/v1/`, OpenAPI at `/api/v1/openapi.json`, docs at `/api/v1/docs`.

Each app adds its endpoints as a ninja Router; adding one is one line in ROUTERS: (prefix,
dotted path of the router, e.g. "wijkkoers.goals.api.router"). Every answer that is not a
success is JSON `{"detail": "<Dutch message>", "code": ..., "errors": [...]}`.
"""

from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from wijkkoers.api.auth import ApiTokenAuth
from wijkkoers.api.docs import LocalSwagger
from wijkkoers.api.ratelimit import throttle
from wijkkoers.api.validation import field_errors
from wijkkoers.core.errors import Conflict, DomainError, NotFound

ROUTERS = [
    ("/method", "wijkkoers.api.method.router"),
    ("/projects", "wijkkoers.api.projects.router"),
    ("/projects", "wijkkoers.api.logbook.router"),
    ("/projects", "wijkkoers.api.stakeholders.router"),
    ("/projects", "wijkkoers.api.goals.router"),
    ("/projects", "wijkkoers.api.raci.router"),
    ("/projects", "wijkkoers.api.opportunities.router"),
    ("/projects", "wijkkoers.api.housingcost.router"),
]

# The web's forms call some fields differently from the API's bodies.
BODY_NAMES = {"steps": "step_keys", "step": "step_key"}

api = NinjaAPI(
    title="Wijkkoers API",
    version="1",
    description=(
        "The method (public) and your projects (with a personal API token) of Wijkkoers. "
        "Errors are JSON with a Dutch `detail`. Lists are paged with `limit` and `offset`."
    ),
    urls_namespace="api-v1",
    auth=ApiTokenAuth(),
    throttle=[throttle()],
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

for prefix, router in ROUTERS:
    api.add_router(prefix, import_string(router))


def _error(request, status: int, detail, code: str, errors=None, headers=None, **more):
    body = {"detail": str(detail), "code": code, "errors": errors or [], **more}
    response = api.create_response(request, body, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@api.exception_handler(DomainError)
def domain_error(request, error: DomainError):
    current = getattr(error, "current", None)
    # Rows with a version count it in `version`; decisions and agreements number revisions.
    version = getattr(current, "version", getattr(current, "number", None))
    if isinstance(error, Conflict) and isinstance(version, int):
        # The web shows the other change beside the form; the API names the version to read.
        detail = _(
            "Someone else changed this since you read it (it is now at version %(version)s). "
            "Read it again and send your change with that version."
        ) % {"version": version}
        return _error(request, 409, detail, error.code, current_version=version)
    field = BODY_NAMES.get(error.field, error.field)
    errors = [{"field": field, "location": "body", "message": str(error)}]
    return _error(request, error.status, error, error.code, errors if error.field else [])


@api.exception_handler(Http404)
def not_found(request, error):
    return _error(request, 404, NotFound.message, NotFound.code)


@api.exception_handler(ValidationError)
def invalid_input(request, error: ValidationError):
    return _error(
        request,
        422,
        _("The request has invalid values. See the list of fields."),
        "invalid_input",
        field_errors(error.errors),
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request, error):
    return _error(
        request,
        401,
        _(
            "Send a valid API token: the header Authorization: Bearer <token>. "
            "A revoked or expired token no longer works."
        ),
        "not_authenticated",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(Throttled)
def throttled(request, error):
    return _error(
        request, 429, _("Too many requests. Wait a moment and try again."), "rate_limited"
    )


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    if error.status_code == 400:
        return _error(request, 400, _("The request body is not valid JSON."), "invalid_json")
    return _error(request, error.status_code, _("This request cannot be handled."), "http_error")
