from django import template

register = template.Library()


@register.filter
def tool_url(tool, project) -> str:
    return tool.url(project)
