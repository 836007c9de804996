"""An audit event as people read it: a sentence, and one line per changed value."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wijkkoers.audit import display, registry
from wijkkoers.audit.models import AuditEvent


@dataclass
class Entry:
    event: AuditEvent
    at: datetime
    actor_name: str
    summary: SafeString  # "<strong>Alice</strong> changed the role of Bob"
    changes: list[str] = field(default_factory=list)  # "role: from ‘reader’ to ‘team member’"

    @property
    def iso(self) -> str:
        """For <time datetime>: seconds, no microseconds."""
        return localtime(self.at).isoformat(timespec="seconds")


def entry_for(event: AuditEvent) -> Entry:
    """Render one event through the registry; an unknown action or field still reads."""
    action = registry.action(event.action)
    actor = event.actor_name or _("Someone")
    summary = conditional_escape(str(action.summary)) % {
        "actor": format_html("<strong>{}</strong>", actor),
        "object": conditional_escape(event.object_repr or display.EMPTY),
    }
    return Entry(
        event=event,
        at=event.at,
        actor_name=actor,
        summary=mark_safe(summary),  # noqa: S308 - every part above is escaped
        changes=[_change(action, event, key, old, new) for key, old, new in event.changes],
    )


def _change(action: registry.Action, event: AuditEvent, key: str, old, new) -> str:
    spec = action.field(key)
    shown = {"field": spec.label, "old": display.value(spec.show, old)}
    shown["new"] = display.value(spec.show, new)
    if key not in event.new:  # a removal: the value it had
        return _("%(field)s: was %(old)s") % shown
    if display.is_empty(old):
        return _("%(field)s: %(new)s") % shown
    if display.is_empty(new):
        return _("%(field)s: ‘%(old)s’ removed") % shown
    return _("%(field)s: from ‘%(old)s’ to ‘%(new)s’") % shown
