"""Who may do what in a project. Roles rise: meelezer < teamlid < projectleider."""

import rules

ROLE_RANK = {"meelezer": 1, "teamlid": 2, "projectleider": 3}


def role_in(user, project) -> str | None:
    """The user's role in the project, cached on the project object for the request."""
    if not user or not user.is_authenticated or project is None:
        return None
    cache = project.__dict__.setdefault("_roles", {})
    if user.pk not in cache:
        # A value, not an instance: an instance from .only("role") would load its deferred
        # project_id in a second query when the related manager links it to the project.
        cache[user.pk] = (
            project.memberships.filter(user=user).values_list("role", flat=True).first()
        )
    return cache[user.pk]


def remember_role(project, user, role: str | None) -> None:
    """Keep a role read with the project (access_project_for_user) for role_in."""
    project.__dict__.setdefault("_roles", {})[user.pk] = role


def _at_least(role: str):
    @rules.predicate(name=f"at_least_{role}")
    def predicate(user, project):
        return ROLE_RANK.get(role_in(user, project) or "", 0) >= ROLE_RANK[role]

    return predicate


is_member = _at_least("meelezer")
is_teamlid = _at_least("teamlid")
is_projectleider = _at_least("projectleider")


@rules.predicate
def is_open_project(user, project) -> bool:
    """State, not role: a closed project is read-only for everyone (only reopening works)."""
    return project is not None and project.status != "closed"


def can(user, perm: str, project) -> bool:
    """Whether the user holds a project permission, from the membership alone.

    Django's `user.has_perm` says yes to every superuser; inside a project a superuser or
    staff member gets exactly what their membership gives. Views, templates and access
    functions ask this, never `user.has_perm`, for project permissions.
    """
    return rules.has_perm(perm, user, project)
