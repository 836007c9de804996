"""Whole responses of the public method pages, kept for anonymous visitors.

A method page looks the same for every anonymous visitor: it depends only on the URL, the
language and the method's version. So the first anonymous GET renders it and stores the
response in the shared cache; the next ones (in any process) are answered from there without
a query or a template. A publish, unpublish, move or delete of a page, or a save of a track,
party type or story, starts a new method version (`catalogue.invalidate()`); a stored page
carries the version it was rendered from (read with it in one round trip), so after a change
every process renders afresh.

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
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CsrfViewMiddleware,
    _unmask_cipher_token,
)
from django.utils import translation

from wijkkoers.method.catalogue import VERSION_KEY, current_version

KEY = "method:page:{fingerprint}:{digest}"
TIMEOUT = 24 * 3600
# Pages this process keeps beside the shared cache (about 100 kB each), newest last.
LOCAL_PAGES = 200
_local: dict[str, dict] = {}
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
    """The key of this URL's page in this language (not yet the method version: a stored
    page carries the version it was rendered from, read in the same round trip)."""
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        # What LocaleMiddleware (further down the list) will choose for this request.
        translation.get_language_from_request(request),
        "htmx" if request.headers.get("HX-Request") == "true" else "",
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return KEY.format(fingerprint=fingerprint(), digest=digest)


def storable(request, response) -> bool:
    session = getattr(request, "session", None)
    return (
        getattr(response, MARK, False)
        and response.status_code == 200
        and not response.streaming
        # The visitor's own CSRF cookie may be set; it is never stored (see _response_from).
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
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


# Random bytes to CSRF characters: a byte below 248 (4 x 62) maps to one of Django's 62
# without bias; the others are dropped.
_BYTE_TO_CHAR = bytes(ord(CSRF_ALLOWED_CHARS[b % len(CSRF_ALLOWED_CHARS)]) for b in range(256))
_DROPPED = bytes(range(4 * len(CSRF_ALLOWED_CHARS), 256))


def _random_csrf_string() -> str:
    """CSRF_SECRET_LENGTH characters drawn uniformly from Django's CSRF alphabet, as Django's
    own `get_random_string` draws them, but from one call for random bytes instead of one per
    character (that was a third of the time of serving a stored page)."""
    drawn = b""
    while len(drawn) < CSRF_SECRET_LENGTH:
        drawn += secrets.token_bytes(48).translate(_BYTE_TO_CHAR, _DROPPED)
    return drawn[:CSRF_SECRET_LENGTH].decode("ascii")


_INDEX = {char: index for index, char in enumerate(CSRF_ALLOWED_CHARS)}


def _visitor_token(request) -> str:
    """A masked CSRF token of this visitor's secret, as `django.middleware.csrf.get_token`
    makes one (a new secret when the visitor has none; the cookie is then sent), with the
    faster draw above. Its tests check that Django accepts it."""
    if "CSRF_COOKIE" not in request.META:
        request.META["CSRF_COOKIE"] = _random_csrf_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    secret, mask, chars = request.META["CSRF_COOKIE"], _random_csrf_string(), CSRF_ALLOWED_CHARS
    cipher = "".join(
        chars[(_INDEX[s] + _INDEX[m]) % len(chars)] for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def _response_from(request, stored: dict) -> HttpResponse:
    """The stored page with this visitor's own CSRF token (and cookie, when new)."""
    content = stored["content"]
    csrf = CsrfViewMiddleware(_no_view) if CSRF_PLACEHOLDER in content else None
    if csrf:
        csrf.process_request(request)  # the visitor's secret from their cookie, if valid
        content = content.replace(CSRF_PLACEHOLDER, _visitor_token(request))
    response = HttpResponse(content, status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    response["Content-Length"] = str(len(response.content))
    if csrf:
        csrf.process_response(request, response)  # sets the cookie a new visitor needs
    return response


def _stored_page(key: str) -> dict | None:
    """The stored page of this key for the method's current version, or None.

    The version is read from the shared cache on every request, so a change to the method
    reaches every process at once; the page itself (about 100 kB) comes from this process's
    own copy when it has the one of that version, else from the shared cache (then kept)."""
    stored = _local.get(key)
    if stored is not None:
        version = cache.get(VERSION_KEY)
        if version is not None and stored["version"] == version:
            return stored
        _local.pop(key, None)
    found = cache.get_many([VERSION_KEY, key])  # one round trip
    version, stored = found.get(VERSION_KEY), found.get(key)
    if version is None or stored is None or stored["version"] != version:
        return None
    _keep(key, stored)
    return stored


def _keep(key: str, stored: dict) -> None:
    while len(_local) >= LOCAL_PAGES:
        _local.pop(next(iter(_local)))  # the oldest
    _local[key] = stored


def _no_view(request):  # CsrfViewMiddleware wants a next handler; it is never called here
    raise NotImplementedError


class AnonymousPageCacheMiddleware:
    """Serves and stores the method pages of anonymous visitors (see the module's text).

    Listed right after the security and static-file middleware: a stored page is answered
    without the rest of the stack (sessions, language, CSRF, the view). It is stored with
    the headers that rest added (the content security policy, Vary, Content-Language);
    only the visitor's CSRF token and cookie are made per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        key = cache_key(request)
        if (stored := _stored_page(key)) is not None:
            return _response_from(request, stored)
        version = current_version()  # read before rendering: a publish meanwhile wins
        response = self.get_response(request)
        if storable(request, response):
            charset = response.charset or "utf-8"
            stored = {
                "version": version,
                "status": response.status_code,
                "headers": [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in {"content-length", "set-cookie"}
                ],
                "content": _without_tokens(request, response.content.decode(charset)),
            }
            cache.set(key, stored, timeout=TIMEOUT)
        return response
