"""Personal API tokens: make, revoke and check them. Views and the API call only these.

A token reads `wkt_<prefix>_<secret>`: the prefix (8 characters, random, kept in clear) lets
its owner recognise it, the secret is 32 random bytes. Only the SHA-256 of the whole token
is stored, so the database never holds a usable token. Making and revoking a token is
written to the `wijkkoers.api.tokens` log (the account area has no audit trail of its own;
the project trail is per project).
"""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wijkkoers.api.errors import (
    TokenAlreadyRevoked,
    TokenExpiryInPast,
    TokenNameRequired,
    TooManyTokens,
)
from wijkkoers.api.models import ApiToken

log = logging.getLogger("wijkkoers.api.tokens")

TEXT_START = "wkt_"
MAX_ACTIVE_TOKENS = 20
# `last_used_at` is written at most this often per token, not on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def tokens_of(user) -> list[ApiToken]:
    """The user's tokens, newest first, revoked ones included (one query)."""
    return list(ApiToken.objects.filter(user=user))


def active_tokens_of(user):
    today = timezone.localdate()
    return ApiToken.objects.filter(user=user, revoked_at=None).exclude(expires_on__lt=today)


@transaction.atomic
def create_api_token(user, *, name: str, expires_on=None) -> tuple[ApiToken, str]:
    """A new token for `user`: (the stored token, the full token text to show once).

    Rules: a name; a last valid day after today, if given; at most MAX_ACTIVE_TOKENS active
    tokens per user (the user's row is locked while counting).
    """
    name = (name or "").strip()
    if not name:
        raise TokenNameRequired
    if expires_on is not None and expires_on <= timezone.localdate():
        raise TokenExpiryInPast
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if active_tokens_of(user).count() >= MAX_ACTIVE_TOKENS:
        raise TooManyTokens(count=MAX_ACTIVE_TOKENS)
    prefix = secrets.token_urlsafe(6)
    text = f"{TEXT_START}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=f"{TEXT_START}{prefix}",
        secret_hash=hash_token(text),
        expires_on=expires_on,
    )
    log.info("API token %s (%s) created by user %s", token.public_id, token.prefix, user.pk)
    return token, text


@transaction.atomic
def revoke_api_token(user, token: ApiToken) -> ApiToken:
    """Stop a token from working, at once. The row stays, marked revoked."""
    locked = ApiToken.objects.select_for_update().get(pk=token.pk, user=user)
    if locked.revoked_at is not None:
        raise TokenAlreadyRevoked
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    log.info("API token %s (%s) revoked by user %s", locked.public_id, locked.prefix, user.pk)
    return locked


def user_for_token(text: str):
    """The active user a token belongs to, or None (unknown, revoked, expired, inactive).

    Marks the token as used, at most once a minute (one UPDATE, no extra read).
    """
    if not text.startswith(TEXT_START) or len(text) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(secret_hash=hash_token(text)).first()
    if token is None or not token.is_active() or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    user = token.user
    user.api_token = token
    return user
