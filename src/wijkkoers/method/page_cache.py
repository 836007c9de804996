"""Whole responses of the public method pages, kept for anonymous visitors.

A method page looks the same for every anonymous visitor: it depends only on the URL, the
language and the method's version. So the first anonymous GET renders it and stores the
response in the shared cache; the next ones (in any process) are answered from there without
a query or a template. A publish, unpublish, move or delete of a page, or a save of a track,
party type or story, starts a new method version (`catalogue.invalidate()`), and with it
new keys: every process then renders afresh.

Which responses are stored: only those a method view marked with `mark_cacheable()` (the
Kompas with known filters, phase, step and track pages), answering 200, that set no cookie
and changed no session, for a request that is a plain GET without a session cookie,
messages or credentials. Logged-in members carry a session cookie and are never served
from here (their pages show their projects).

CSRF: every page has the language switch, a POST form with a token tied to the visitor's
own CSRF cookie. The stored copy holds a placeholder instead of any token of the rendering
visitor; each visitor gets a fresh token of their own (and their cookie) when served.
"""

import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.translation import get_language

from wijkkoers.method.catalogue import current_version

KEY = "method:page:{fingerprint}:{version}:{digest}"
TIMEOUT = 24 * 3600
MARK = "_wijkkoers_cacheable"
CSRF_PLACEHOLDER = "__wijkkoers_csrf_token__"
# A masked CSRF token as Django writes it: 64 letters and digits.
TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def mark_cacheable(response):
    """Say that this response is the same for every anonymous visitor of this exact URL.

    A view calls it only when it understood every query parameter (so the number of stored
    variants of a page stays small, whatever a visitor appends to the URL).
    """
    setattr(response, MARK, True)
    return response


def _code_fingerprint() -> str:
    """Changes when a deployment changes the code, templates, translations or static files,
    so a new release never serves pages rendered by the old one from the shared cache."""
    root = Path(__file__).resolve().parents[1]
    paths = [*root.rglob("*.py"), *root.rglob("*.html"), *settings.LOCALE_PATHS[0].rglob("*.mo")]
    paths.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(paths):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(
            f"{path.relative_to(path.anchor)}:{stat.st_size}:{stat.st_mtime_ns};".encode()
        )
    return digest.hexdigest()[:12]


_fingerprint: list[str] = []


def fingerprint() -> str:
    if not _fingerprint:
        _fingerprint.append(_code_fingerprint())
    return _fingerprint[0]


def _cookie_names() -> tuple[str, ...]:
    """Cookies that make a visitor's page their own: a session (logged in), messages."""
    return (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)


def eligible(request) -> bool:
    """A plain anonymous GET: no session, no messages waiting, no credentials."""
    return (
        getattr(settings, "METHOD_PAGE_CACHE", True)
        and request.method == "GET"
        and not any(name in request.COOKIES for name in _cookie_names())
        and "HTTP_AUTHORIZATION" not in request.META
        and not getattr(request, "is_preview", False)
    )


def cache_key(request) -> str:
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        "htmx" if request.headers.get("HX-Request") == "true" else "",
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return KEY.format(fingerprint=fingerprint(), version=current_version(), digest=digest)


def storable(request, response) -> bool:
    session = getattr(request, "session", None)
    return (
        getattr(response, MARK, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.modified)
        and not getattr(getattr(request, "user", None), "is_authenticated", True)
        # Only the query string exactly as Django would write it: stray "&", repeated
        # parameters and other spellings of one URL are rendered, never stored.
        and request.GET.urlencode() == request.META.get("QUERY_STRING", "")
    )


def _without_tokens(request, content: str) -> str:
    """The content with every CSRF token of this visitor replaced by the placeholder
    (a page that asked for no token has none: the visitor then has no secret here)."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        return content
    return TOKEN.sub(
        lambda m: CSRF_PLACEHOLDER if _unmask_cipher_token(m.group(0)) == secret else m.group(0),
        content,
    )


def _response_from(request, stored: dict) -> HttpResponse:
    content = stored["content"]
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Serves and stores the method pages of anonymous visitors (see the module's text).

    Listed last, so everything else (sessions, language, CSRF, security headers) still
    runs around a served copy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        key = cache_key(request)
        if (stored := cache.get(key)) is not None:
            return _response_from(request, stored)
        response = self.get_response(request)
        if storable(request, response):
            charset = response.charset or "utf-8"
            content = _without_tokens(request, response.content.decode(charset))
            stored = {
                "status": response.status_code,
                "headers": [(k, v) for k, v in response.items() if k.lower() != "content-length"],
                "content": content,
            }
            cache.set(key, stored, timeout=TIMEOUT)
        return response
