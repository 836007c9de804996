"""Our Select writes exactly what Django's does, with less template work."""

from django import forms

from wijkkoers.core.widgets import Select

CHOICES = [("", "(niemand)"), ("1", "Anna & Bob"), ("2", 'Cor "de" Vries')]
GROUPED = [("Groep <1>", [("a", "A")]), ("b", "B")]
NUMBERED = [(1, "Een"), (2, "Twee <2>")]


def test_select_renders_as_djangos_select():
    for choices in (CHOICES, GROUPED, NUMBERED):
        for value in ("", "1", "a", None, 2):
            attrs = {
                "id": "id_owner",
                "aria-describedby": "hulp",
                "required": True,
                "hidden": False,
            }
            ours = Select(choices=choices).render("owner", value, attrs=attrs)
            django = forms.Select(choices=choices).render("owner", value, attrs=attrs)
            assert ours == django


def test_select_escapes_labels():
    html = Select(choices=CHOICES).render("owner", "1")

    assert "Anna &amp; Bob" in html
    assert "Cor &quot;de&quot; Vries" in html
    assert '<option value="1" selected>' in html
