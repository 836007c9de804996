"""Pointing a new member to the briefing on their first visits to the project.

The membership remembers when its member first opened the briefing; the session remembers
the projects whose briefing the user has seen, so after that the compass asks nothing.
"""

from wijkkoers.projects.models import Membership

SESSION_KEY = "logbook_briefing_seen"


def remember_seen(request, project) -> None:
    seen = request.session.get(SESSION_KEY, [])
    if project.public_id not in seen:
        request.session[SESSION_KEY] = [*seen[-49:], project.public_id]


def briefing_notice_needed(request, project) -> bool:
    """Whether the compass should point this member to the briefing (at most one query)."""
    if project.public_id in request.session.get(SESSION_KEY, []):
        return False
    opened = (
        Membership.objects.filter(project=project, user=request.user)
        .values_list("briefing_opened_at", flat=True)
        .first()
    )
    if opened is not None:
        remember_seen(request, project)
        return False
    return True
