"""Our form renderer writes every select menu exactly as Django's templates do, with less work."""

from django import forms
from django.forms.renderers import DjangoTemplates

from wijkkoers.core.widgets import FormRenderer, Select

CHOICES = [("", "(niemand)"), ("1", "Anna & Bob"), ("2", 'Cor "de" Vries')]
GROUPED = [("Groep <1>", [("a", "A")]), ("b", "B")]
NUMBERED = [(1, "Een"), (2, "Twee <2>")]
ATTRS = {"id": "id_owner", "aria-describedby": "hulp", "required": True, "hidden": False}


def test_select_renders_as_djangos_templates():
    for widget in (forms.Select, forms.SelectMultiple, Select):
        for choices in (CHOICES, GROUPED, NUMBERED):
            for value in ("", "1", "a", None, 2, ["1", "2"]):
                menu = widget(choices=choices)
                ours = menu.render("owner", value, attrs=ATTRS, renderer=FormRenderer())
                django = menu.render("owner", value, attrs=ATTRS, renderer=DjangoTemplates())
                assert ours == django


def test_null_boolean_select_renders_as_djangos_templates():
    for value in (None, True, False, "unknown"):
        menu = forms.NullBooleanSelect()
        ours = menu.render("ok", value, renderer=FormRenderer())
        assert ours == menu.render("ok", value, renderer=DjangoTemplates())


def test_forms_use_the_renderer_by_default():
    class Form(forms.Form):
        party = forms.ChoiceField(choices=CHOICES)

    assert isinstance(Form().renderer, FormRenderer)
    ours = str(Form(initial={"party": "1"})["party"])
    django = str(Form(initial={"party": "1"}, renderer=DjangoTemplates())["party"])
    assert ours == django


def test_options_with_their_own_template_go_through_the_templates():
    class Tiles(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    menu = Tiles(choices=CHOICES)
    ours = menu.render("owner", "1", renderer=FormRenderer())
    assert ours == menu.render("owner", "1", renderer=DjangoTemplates())
    assert "<option" not in ours


def test_select_escapes_labels():
    html = Select(choices=CHOICES).render("owner", "1")

    assert "Anna &amp; Bob" in html
    assert "Cor &quot;de&quot; Vries" in html
    assert '<option value="1" selected>' in html
