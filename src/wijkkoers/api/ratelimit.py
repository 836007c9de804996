"""Requests per minute, counted in the shared cache: per token, and per client address for
anonymous reads. A fixed one-minute window; over the limit the API answers 429 with
Retry-After (the seconds left in the window)."""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from ninja.throttling import BaseThrottle

from wijkkoers.accounts.adapter import _place

WINDOW = 60


def _count(key: str) -> tuple[int, int]:
    """(requests so far in this window, seconds until it ends)."""
    now = int(time.time())
    window = now - now % WINDOW
    full_key = f"api:rate:{key}:{window}"
    cache.add(full_key, 0, WINDOW + 5)
    try:
        count = cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, WINDOW + 5)
        count = 1
    return count, window + WINDOW - now


def _client_ip(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:  # no address at all (only test clients do that): one bucket
        return "unknown"


class MinuteThrottle(BaseThrottle):
    """Per token when a token was checked (`request.auth`), else per client address."""

    def __init__(self, *, per_key_setting: str, per_address_setting: str):
        self.per_key_setting = per_key_setting
        self.per_address_setting = per_address_setting
        self._wait = None

    def allow_request(self, request) -> bool:
        user = getattr(request, "auth", None)
        token = getattr(user, "api_token", None)
        if token is not None:
            key, limit = f"token:{token.pk}", getattr(settings, self.per_key_setting)
        else:
            address = _place(_client_ip(request))
            key, limit = f"ip:{address}", getattr(settings, self.per_address_setting)
        count, left = _count(key)
        if count > limit:
            self._wait = max(left, 1)
            return False
        return True

    def wait(self):
        return self._wait


def throttle():
    return MinuteThrottle(
        per_key_setting="API_RATE_PER_TOKEN", per_address_setting="API_RATE_PER_ADDRESS"
    )
