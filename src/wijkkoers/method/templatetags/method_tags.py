from django import template
from django.utils.safestring import mark_safe

from wijkkoers.method.markdown import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def markdown(context, text):
    """Render method Markdown; step links resolve through the page's `step_urls`."""
    # render_markdown sanitises with nh3, so the result is safe to mark as such.
    return mark_safe(render_markdown(text, context.get("step_urls")))  # noqa: S308
