"""Template tags with which method pages show a member's own projects.

The method app never imports projects (the arrows point from projects to method), so a
method template loads this library instead.
"""

from django import template

from wijkkoers.projects.queries import memberships_of

register = template.Library()


@register.inclusion_tag("projects/_in_my_projects.html")
def step_in_my_projects(user, step_key):
    """Links to one step in each project of a logged-in user: one query, none for anonymous
    visitors (who all get the same page)."""
    if not getattr(user, "is_authenticated", False):
        return {"memberships": [], "step_key": step_key}
    return {"memberships": memberships_of(user), "step_key": step_key}
