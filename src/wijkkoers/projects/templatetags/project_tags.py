"""Template tags of project pages, and with which method pages show a member's own projects.

The method app never imports projects (the arrows point from projects to method), so a
method template loads this library instead.
"""

import hashlib

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

from wijkkoers.projects import freshness
from wijkkoers.projects.queries import memberships_of

register = template.Library()


@register.inclusion_tag("projects/_in_my_projects.html")
def step_in_my_projects(user, step_key):
    """Links to one step in each project of a logged-in user: one query, none for anonymous
    visitors (who all get the same page)."""
    if not getattr(user, "is_authenticated", False):
        return {"memberships": [], "step_key": step_key}
    return {"memberships": memberships_of(user), "step_key": step_key}


# A valid slug longer than any public id (12 characters), so it occurs once in the URL.
_STEP_KEY = "__step_key_placeholder__"
_step_urls: dict[tuple, str] = {}


@register.simple_tag
def step_url(project, step_key) -> str:
    """The project's page of one step: what `{% url 'projects:step' project.public_id key %}`
    gives, from one reverse() per project and script prefix (remembered) with the key put in
    after. A large project's compass lists up to a hundred steps; reversing each one was a
    tenth of the page's work."""
    key = (project.public_id, get_script_prefix(), get_urlconf())
    if key not in _step_urls:
        if len(_step_urls) > 1000:
            _step_urls.clear()
        _step_urls[key] = reverse("projects:step", args=[project.public_id, _STEP_KEY])
    return _step_urls[key].replace(_STEP_KEY, step_key)


class ProjectCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        # The values (a query string may be long or odd) become a short digest in the key.
        parts = "\x1f".join(str(part.resolve(context)) for part in self.vary_on)
        digest = hashlib.blake2b(parts.encode(), digest_size=16).hexdigest()
        return freshness.cached(
            context["project"], f"{self.name}:{digest}", lambda: self.nodelist.render(context)
        )


@register.tag
def projectcache(parser, token):
    """`{% projectcache "name" var ... %}...{% endprojectcache %}`: the block as rendered for
    the project in the context as it is now (projects/freshness.py: its stamp, the method's
    version, the language and today), varied on the given values. A write to the project
    makes it stale at once. The block must show nothing of the reader beyond what the
    values name (a role, a right): no CSRF token, no messages, no "you"."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("projectcache needs a name")
    nodelist = parser.parse(("endprojectcache",))
    parser.delete_first_token()
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    return ProjectCacheNode(nodelist, bits[1].strip("\"'"), vary_on)
