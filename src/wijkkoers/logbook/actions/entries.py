"""Audit actions of the logbook: decisions, agreements, actions and meetings."""

import contextlib

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wijkkoers.audit import display
from wijkkoers.audit.registry import (
    Field,
    fields_of,
    register_action,
    register_group,
    register_object_type,
)


def _step_name(key) -> str:
    """A step key as the method names it now ("1.2 Helderheid over ambities")."""
    from wijkkoers.method.catalogue import get_catalogue

    step = get_catalogue().steps.get(key) if isinstance(key, str) else None
    return f"{step.display_number} {step.title}" if step else display.text(key)


def register():
    from wijkkoers.logbook.models import (
        Action,
        AgreementRevision,
        DecisionRevision,
        Entry,
        Meeting,
    )

    # Another part of the logbook may have registered the group first.
    with contextlib.suppress(ImproperlyConfigured):
        register_group("logbook", _("Logbook"))
    register_object_type(Entry, "logbook_entry", describe=lambda entry: entry.title)
    steps = Field(label=_("steps"), show=_step_name)
    change_reason = Field(label=_("reason for the change"))
    reason = Field(label=_("reason"))

    decision = fields_of(
        DecisionRevision,
        [
            "title",
            "status",
            "decided_on",
            "decided_by",
            "parties_agreed",
            "parties_objected",
            "replaces",
            "amends",
            "text",
            "rationale",
        ],
        step_keys=steps,
        change_reason=change_reason,
        reason=reason,
        replaced_by=Field(label=_("replaced by")),
    )
    for code, summary in [
        ("decision.recorded", _("%(actor)s recorded the decision %(object)s")),
        ("decision.revised", _("%(actor)s changed the decision %(object)s")),
        ("decision.replaced", _("%(actor)s replaced the decision %(object)s")),
        ("decision.withdrawn", _("%(actor)s withdrew the decision %(object)s")),
    ]:
        register_action(code, group="logbook", summary=summary, fields=decision)

    agreement = fields_of(
        AgreementRevision,
        ["title", "status", "status_reason", "owner_member", "owner_party", "made_on", "due_on"],
        text=Field(label=_("details")),
        step_keys=steps,
        change_reason=change_reason,
        reason=reason,
    )
    for code, summary in [
        ("agreement.recorded", _("%(actor)s recorded the agreement %(object)s")),
        ("agreement.revised", _("%(actor)s changed the agreement %(object)s")),
        ("agreement.withdrawn", _("%(actor)s withdrew the agreement %(object)s")),
    ]:
        register_action(code, group="logbook", summary=summary, fields=agreement)

    action = {
        "title": Field(label=_("title")),
        **fields_of(Action, ["owner", "due_on"]),
        "step_keys": steps,
    }
    for code, summary in [
        ("action.created", _("%(actor)s added the action %(object)s")),
        ("action.updated", _("%(actor)s changed the action %(object)s")),
        ("action.done", _("%(actor)s marked the action %(object)s as done")),
        ("action.reopened", _("%(actor)s marked the action %(object)s as not done")),
    ]:
        register_action(code, group="logbook", summary=summary, fields=action)

    meeting = {
        "title": Field(label=_("title")),
        "held_on": Field(label=_("date"), show=display.date),
        **fields_of(
            Meeting,
            ["kind", "place", "attendee_members", "attendee_parties", "other_attendees"],
        ),
        "agenda": Field(label=_("agenda")),
        "minutes": Field(label=_("minutes")),
        "step_keys": steps,
    }
    for code, summary in [
        ("meeting.created", _("%(actor)s recorded the meeting %(object)s")),
        ("meeting.updated", _("%(actor)s changed the meeting %(object)s")),
    ]:
        register_action(code, group="logbook", summary=summary, fields=meeting)
