"""Personal API tokens: a user's key to the REST API, stored only as a hash."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import new_public_id


class ApiToken(models.Model):
    """One named token of one user.

    The secret is shown once, when the token is made; only its SHA-256 hash is kept (the
    secret is 32 random bytes, so a fast hash is enough: nobody can guess it). `prefix` is a
    separate random part of the token, kept in clear so the owner can recognise it in the
    list. A token is never deleted: revoking sets `revoked_at`, so the list still shows it.
    """

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("starts with"), max_length=20, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def is_active(self, today=None) -> bool:
        """Not revoked and not past its last valid day."""
        if self.revoked_at is not None:
            return False
        today = today or timezone.localdate()
        return self.expires_on is None or today <= self.expires_on
