import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One write that mattered: who did what to which object, with old and new values.

    Rows are only ever added. Services write them inside the same transaction as the
    change itself, so a change without its audit entry cannot exist. The action code is
    plain text: its label, group and value display live in `audit.registry`, registered by
    the app that owns the action, so a new app needs no migration here.

    The project is PROTECTed: a project with a history cannot be deleted, and its trail is
    never removed with it (projects are closed, not deleted). The actor's name is kept as
    it was, so an entry still reads right after the account is gone.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="audit_events", null=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now, editable=False)
    action = models.CharField(_("action"), max_length=60)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=200, blank=True)
    object_repr = models.CharField(_("object"), max_length=300)
    old = models.JSONField(_("old values"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    new = models.JSONField(_("new values"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # The trail, newest first, paged by (at, id).
            models.Index(fields=["project", "-at", "-id"], name="audit_project_at_id"),
            # The history of one thing (a step's progress).
            models.Index(
                fields=["project", "object_type", "object_id", "-at"], name="audit_object_at"
            ),
        ]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field, old, new) for every field whose value changed, in the order written."""
        keys = list(dict.fromkeys([*self.new, *self.old]))
        return [(k, self.old.get(k), self.new.get(k)) for k in keys if _differs(self, k)]


def _differs(event, key) -> bool:
    old, new = event.old.get(key), event.new.get(key)
    empty = (None, "", [], {})
    return old != new and not (old in empty and new in empty)
