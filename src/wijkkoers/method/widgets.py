"""The CMS's Markdown editor for method texts: soft-wrapping text, a live preview rendered
by our own renderer (method/markdown.py) and a picker that inserts links to other steps."""

from django import forms
from django.urls import reverse
from wagtail.admin.widgets import AdminAutoHeightTextInput

from wijkkoers.method.markdown import render_markdown

PREVIEW_URL_NAME = "method_markdown_preview"


class MarkdownEditor(AdminAutoHeightTextInput):
    """A textarea that wraps softly (one line per paragraph is fine), beside its preview.

    The first preview is rendered here; markdown-editor.js asks the preview endpoint
    (views.markdown_preview) again while the editor types. The step picker lists every
    live step of the method and inserts [title](knooppunt:key) at the cursor.
    """

    template_name = "method/widgets/markdown_editor.html"

    def __init__(self, attrs=None):
        super().__init__({"wrap": "soft", "spellcheck": "true", "lang": "nl", **(attrs or {})})

    def get_context(self, name, value, attrs):
        from wijkkoers.method.catalogue import get_catalogue  # models import this module

        context = super().get_context(name, value, attrs)
        catalogue = get_catalogue()
        context["widget"].update(
            steps=[(s.key, s.display_number, s.title) for s in catalogue.steps.values()],
            preview_html=render_markdown(value or "", catalogue.step_urls),
            preview_url=reverse(PREVIEW_URL_NAME),
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=["method/markdown-editor.js"],
            css={"all": ["method/markdown-editor.css"]},
        )
