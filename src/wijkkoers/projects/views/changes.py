"""The project's trail of changes ("Wijzigingen"): every audited write, readable, paged."""

import functools

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from wijkkoers.audit import registry
from wijkkoers.audit.queries import Cursor, TrailFilter, trail
from wijkkoers.projects.access import access_project_for_user, project_context


@login_required
def project_changes(request, project_id):
    """Newest first, filtered by member (?lid=) and kind (?soort=), paged by cursor.

    Filter values are matched against the project's members and the registered groups in
    memory, never sent to the database as given; an unknown one means "no filter", and a
    malformed cursor (?ouder=, ?nieuwer=) means the first page.
    """
    project = access_project_for_user(request.user, project_id)
    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    members = SimpleLazyObject(
        lambda: list(project.memberships.select_related("user").order_by("user__name"))
    )

    @functools.cache
    def member():
        return next((m for m in members if m.public_id == request.GET.get("lid")), None)

    groups = registry.groups()
    group = next((g for g in groups if g.code == request.GET.get("soort")), None)

    def page():
        chosen = member()
        return trail(
            project,
            TrailFilter(
                actor_id=chosen.user_id if chosen else None, group=group.code if group else ""
            ),
            older_than=Cursor.parse(request.GET.get("ouder")),
            newer_than=Cursor.parse(request.GET.get("nieuwer")),
        )

    return render(
        request,
        "projects/changes.html",
        project_context(
            request,
            project,
            page=SimpleLazyObject(page),
            members=members,
            groups=groups,
            member=SimpleLazyObject(lambda: member().public_id if member() else ""),
            kind=group.code if group else "",
        ),
    )
