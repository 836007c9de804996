"""Form widgets shared by the apps."""

from django import forms


class Select(forms.Select):
    """Django's Select, rendered with one template instead of two includes per option: the
    same HTML, a third of the work for a list of a whole team (core/widgets/select.html)."""

    template_name = "core/widgets/select.html"
