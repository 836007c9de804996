import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One write that mattered: who did what to which object, with old and new values.

    Rows are only ever added. Services write them inside the same transaction as the
    change itself, so a change without its audit entry cannot exist.
    """

    class Kind(models.TextChoices):
        PROJECT = "project", _("Project and settings")
        MEMBERSHIP = "membership", _("Members and roles")
        INVITATION = "invitation", _("Invitations")
        PROGRESS = "progress", _("Progress per step")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="audit_events", null=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    action = models.CharField(_("action"), max_length=60)
    object_repr = models.CharField(_("object"), max_length=300)
    object_id = models.CharField(max_length=64, blank=True)
    old = models.JSONField(_("old values"), default=dict, blank=True)
    new = models.JSONField(_("new values"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["project", "-at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field, old, new) for every field that changed."""
        keys = list(dict.fromkeys([*self.old, *self.new]))
        return [
            (k, self.old.get(k), self.new.get(k))
            for k in keys
            if self.old.get(k) != self.new.get(k)
        ]
