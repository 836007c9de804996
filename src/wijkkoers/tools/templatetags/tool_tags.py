from django import template

from wijkkoers.tools.registry import tools_for_step

register = template.Library()


@register.inclusion_tag("tools/_offered.html")
def tools_offered(step_key):
    """The working tools a project gets for this step (no queries: the registry is code)."""
    return {"tools": tools_for_step(step_key)}
