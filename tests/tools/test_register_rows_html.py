"""The register's and the map's table rows, built in Python, are exactly what the templates'
loops wrote before (the loops are kept here to compare with), escaping included."""

from datetime import timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from tests.tools.register_support import fill, stakeholder
from wijkkoers.stakeholders.queries_register import power_map, register_rows
from wijkkoers.stakeholders.views.register import _for_display, _map_rows, _register_rows

pytestmark = pytest.mark.django_db

REGISTER_LOOP = """{% for row in rows %}
            <tr>
              <th scope="row"><a href="{{ row.url }}">{{ row.party.name }}</a> <span class="register-kind">{{ row.party.type_label }}</span></th>
              <td>{{ row.role_in_project|default:"—" }}</td>
              <td>{{ row.position_label }}</td>
              <td>{{ row.top_priority|default:"—" }}</td>
              <td>{{ row.now_power|default:"—" }}</td>
              <td>{{ row.now_interest|default:"—" }}</td>
              <td>{{ row.quadrant_name }}</td>
              <td>{% if row.now_on_shown %}<time datetime="{{ row.now_on_shown.iso }}">{{ row.now_on_shown.text }}</time>{% else %}—{% endif %}</td>
            </tr>
          {% endfor %}"""  # noqa: E501

MAP_LOOP = """{% load i18n %}{% for row in map.rows %}
            <tr>
              <td>{{ row.number }}</td>
              <th scope="row"><a href="{{ row.url }}">{{ row.party.name }}</a></th>
              <td>{{ row.now_power|default:"—" }}</td>
              <td>{{ row.now_interest|default:"—" }}</td>
              <td>{{ row.quadrant_name }}</td>
              <td>{% if row.now_on_shown %}<time datetime="{{ row.now_on_shown.iso }}">{{ row.now_on_shown.text }}</time>{% else %}—{% endif %}</td>
              {% if map.since %}
                <td>{% if row.then_power %}{{ row.then_text }} <span class="hint">(<time datetime="{{ row.then_on_shown.iso }}">{{ row.then_on_shown.text }}</time>)</span>{% else %}{% translate "not assessed then" %}{% endif %}</td>
                <td>{% if row.movement %}<span aria-hidden="true" class="register-arrow">{{ row.movement.arrow }}</span> {{ row.moved_text }}{% elif row.then_power %}{% translate "no change" %}{% else %}—{% endif %}</td>
              {% endif %}
            </tr>
          {% endfor %}"""  # noqa: E501


def render(loop: str, context: dict) -> str:
    return engines["django"].from_string(loop).render(context)


@pytest.fixture
def filled(alice, project):
    fill(project, 12)
    stakeholder(alice, project, '<b>"Huurders & co"</b>', role_in_project="<i>trekker</i>")
    return project


@pytest.mark.parametrize("language", ["nl", "en"])
def test_register_rows_as_the_template_wrote_them(filled, language):
    with translation.override(language):
        rows = _for_display(filled, register_rows(filled))
        ours = _register_rows(rows)
        assert ours == render(REGISTER_LOOP, {"rows": rows})
    assert "&lt;b&gt;&quot;Huurders &amp; co&quot;&lt;/b&gt;" in ours
    assert "&lt;i&gt;trekker&lt;/i&gt;" in ours


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("days", [None, 45, 75])
def test_map_rows_as_the_template_wrote_them(filled, language, days):
    since = timezone.localdate() - timedelta(days=days) if days else None
    with translation.override(language):
        result = power_map(filled, since=since)
        _for_display(filled, result.rows)
        ours = _map_rows(result.rows, result.since)
        assert ours == render(MAP_LOOP, {"map": result})
    assert "&lt;b&gt;&quot;Huurders &amp; co&quot;&lt;/b&gt;" in ours
    if days:
        assert "register-arrow" in ours
