"""Form widgets shared by the apps, and the form renderer that draws every select menu."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from wijkkoers.core.cells import escape

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    """As Django's widgets/attrs.html writes them: ` name="value"`, a bare ` name` for
    True, nothing for False; values escaped unless already safe."""
    return "".join(
        f" {escape(name)}" + ("" if value is True else f'="{escape(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> str:
    """Django's select.html for a widget's context, written in Python instead of a template
    and two includes per option: the same HTML (tests/core/test_widgets.py compares them)."""
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        parts.extend(
            f'\n  <option value="{escape(option["value"])}"'
            f"{_attrs(option['attrs'])}>{escape(option['label'])}</option>\n"
            for option in group_choices
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class FormRenderer(DjangoTemplates):
    """Django's form renderer (settings.FORM_RENDERER), except that select menus (Select,
    SelectMultiple, NullBooleanSelect, every ChoiceField's and ModelChoiceField's default)
    are drawn by `select_html`. A menu of a project's 300 parties was 600 template includes
    and most of the members page's work; a menu of the team (60) a quarter of the step page.
    Menus whose options use another template still go through the templates."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT_TEMPLATE else None
        if widget is not None and all(
            option["template_name"] == OPTION_TEMPLATE
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return select_html(widget)
        return super().render(template_name, context, request=request)


class Select(forms.Select):
    """Kept for the forms that name it; every Select is drawn by FormRenderer now."""
