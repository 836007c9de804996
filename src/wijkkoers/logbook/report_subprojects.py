"""The sub-projects' progress as it stood at the end of a day (briefing and report).

Like the team (`members_as_of`), the sub-projects of an earlier day come from the audit
trail: today's sub-projects, less those added after the day, plus those removed since (by
the name the trail kept). Each one's progress replays its own `progress.changed` events
(object id `<step key>:<sub-project id>`); a step the whole project had marked "not
applicable" then applies to the sub-project neither, until it recorded a status of its own,
as `projects.queries.progress_by_key` does for today.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from wijkkoers.audit.models import AuditEvent
from wijkkoers.projects.actions import PROGRESS_OBJECT
from wijkkoers.projects.models import StepProgress, StepStatus
from wijkkoers.projects.queries import Tally

SUBPROJECT_ACTIONS = ("subproject.added", "subproject.removed")


@dataclass
class SubProjectAsOf(Tally):
    """One sub-project's progress at the end of a day (`label` is its name)."""

    removed_later: bool = False  # removed from the project since


def subprojects_as_of(
    project, as_of: date, *, cutoff: datetime, catalogue, whole: dict
) -> list[SubProjectAsOf]:
    """Every sub-project that existed at the end of `as_of`, with its progress then.

    `cutoff` is the end of that day; `whole` the whole project's progress then
    (`progress_as_of`), for the steps it marked "not applicable". Two queries: the sub-projects (with their membership events in
    the trail) and their progress (today's rows, or the trail's events up to the day).
    """
    today = as_of >= timezone.localdate()
    subs = {sub.public_id: sub.name for sub in project.subprojects.all()}
    names, removed = _existing_then(project, subs, cutoff) if not today else (subs, set())
    if not names:
        return []
    statuses = _statuses_today(project) if today else _statuses_then(project, cutoff)
    inherited = {k for k, row in whole.items() if row.status == StepStatus.NOT_APPLICABLE}
    result = []
    for public_id, name in names.items():
        own = statuses.get(public_id, {})
        tally = SubProjectAsOf(name, removed_later=public_id in removed)
        for phase in catalogue.phases:
            for step in phase.steps:
                default = StepStatus.NOT_APPLICABLE if step.key in inherited else ""
                tally.add(own.get(step.key) or default or StepStatus.NOT_STARTED)
        result.append(tally)
    return sorted(result, key=lambda s: s.label.casefold())


def _existing_then(project, subs: dict, cutoff) -> tuple[dict, set]:
    """The sub-projects of the cutoff by public id (today's names; the trail's for those
    removed since), and the ids of those removed since."""
    events = (
        AuditEvent.objects.filter(
            project=project, object_type="subproject", action__in=SUBPROJECT_ACTIONS
        )
        .only("action", "object_id", "object_repr", "at")
        .order_by("at", "id")
    )
    last_before, first_after, names = {}, {}, dict(subs)
    for event in events:
        if event.at < cutoff:
            last_before[event.object_id] = event.action
        else:
            first_after.setdefault(event.object_id, event.action)
            if event.object_id not in subs:
                names[event.object_id] = event.object_repr
    existing = {}
    for public_id, name in names.items():
        if public_id in last_before:
            there = last_before[public_id] == "subproject.added"
        else:  # nothing before the day: there unless it was added after it
            there = first_after.get(public_id, "subproject.removed") == "subproject.removed"
            there = there and (public_id in subs or public_id in first_after)
        if there:
            existing[public_id] = name
    return existing, {public_id for public_id in existing if public_id not in subs}


def _statuses_today(project) -> dict[str, dict[str, str]]:
    rows = StepProgress.objects.filter(project=project, subproject__isnull=False).values_list(
        "subproject__public_id", "step_key", "status"
    )
    statuses: dict[str, dict[str, str]] = {}
    for public_id, key, status in rows:
        statuses.setdefault(public_id, {})[key] = status
    return statuses


def _statuses_then(project, cutoff) -> dict[str, dict[str, str]]:
    events = (
        AuditEvent.objects.filter(
            project=project,
            action="progress.changed",
            object_type=PROGRESS_OBJECT,
            object_id__contains=":",
            at__lt=cutoff,
        )
        .order_by("at", "id")
        .values_list("object_id", "new")
    )
    statuses: dict[str, dict[str, str]] = {}
    for object_id, new in events:  # the last event per step wins
        key, _, public_id = object_id.partition(":")
        status = (new or {}).get("status") or StepStatus.NOT_STARTED
        statuses.setdefault(public_id, {})[key] = status
    return statuses
