"""One limit on the size of a request body: form fields and files together.

`MAX_REQUEST_BODY_SIZE` holds everywhere; `MAX_REQUEST_BODY_SIZE_BY_PATH` maps a path
prefix to another limit (the longest matching prefix wins), for a page that takes larger
files. A `*` in a prefix stands for one path segment (an id), so
"/projecten/*/logboek/documenten/toevoegen/" covers every project's upload page. The middleware refuses a request whose Content-Length passes the limit before any of
it is read; the upload handler stops a multipart body that passes it while streaming (a
body sent without Content-Length, as an ASGI server may pass on). Under WSGI Django never
reads more than Content-Length. Either way the user gets a page (413) naming the limit.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse
from django.template import loader

MB = 1024 * 1024


class RequestBodyTooLarge(RequestDataTooBig):
    """The request body passed the limit for its path."""


@lru_cache(maxsize=64)
def _prefix_pattern(prefix: str) -> re.Pattern:
    """A prefix as a pattern: `*` matches one path segment, everything else itself."""
    return re.compile("[^/]+".join(re.escape(part) for part in prefix.split("*")))


def body_limit(path: str) -> int:
    """The largest request body, in bytes, accepted for `path`."""
    limits = settings.MAX_REQUEST_BODY_SIZE_BY_PATH
    prefix = max((p for p in limits if _prefix_pattern(p).match(path)), key=len, default=None)
    return limits[prefix] if prefix is not None else settings.MAX_REQUEST_BODY_SIZE


class BodyLimitUploadHandler(FileUploadHandler):
    """Counts the file bytes of a multipart body and stops when they pass the limit."""

    def __init__(self, limit: int, request=None):
        super().__init__(request)
        self.limit = limit
        self.received = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        if content_length and content_length > self.limit:
            raise RequestBodyTooLarge

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            raise RequestBodyTooLarge
        return raw_data

    def file_complete(self, file_size):
        return None


def size_in_mb(limit: int) -> str:
    """A limit in bytes as the pages name it: "5", "25" or "4.5" (MB)."""
    return f"{limit / MB:.0f}" if limit % MB == 0 else f"{limit / MB:.1f}"


def body_too_large_response(limit: int) -> HttpResponse:
    # Rendered without a request context, like the 500 page: it comes before the session
    # user and the CSRF check, and needs only static files and the active language.
    # Under /api/ the API's middleware turns it into JSON (api/middleware.py).
    html = loader.get_template("413.html").render({"size": size_in_mb(limit)})
    return HttpResponse(html, status=413)


class RequestBodyLimitMiddleware:
    """Refuse request bodies larger than the limit for their path (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = body_limit(request.path_info)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return body_too_large_response(limit)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            request.upload_handlers.insert(0, BodyLimitUploadHandler(limit, request))
            try:
                # Parse here, where an oversized stream can still be answered with a page.
                request.POST  # noqa: B018 - reading it parses the body
            except RequestBodyTooLarge:
                return body_too_large_response(limit)
        return self.get_response(request)
