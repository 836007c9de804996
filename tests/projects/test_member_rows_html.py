"""The team table's rows, built in Python, are exactly what members.html's loop wrote
(the loop is kept here to compare with), for managers and readers, escaping included."""

import re

import pytest
from django.middleware.csrf import get_token
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from wijkkoers.projects.models import Party, Role
from wijkkoers.projects.queries import team_of
from wijkkoers.projects.services import add_member, add_party
from wijkkoers.projects.views.members import _CSRF, _cached_member_rows, _role_options

pytestmark = pytest.mark.django_db

LOOP = """{% load i18n %}{% for membership, role_options, role_url, remove_url in memberships %}
        <tr>
          <th scope="row">{{ membership.user.display_name }}<br><span class="hint">{{ membership.user.email }}</span></th>
          <td>{{ membership.party|default:"—" }}</td>
          <td>{{ membership.get_role_display }}</td>
          {% if can_manage %}
            <td>
              <form method="post" action="{{ role_url }}" class="inline-form">
                {% csrf_token %}
                <label for="rol-{{ membership.public_id }}" class="visually-hidden">{% blocktranslate with name=membership.user.display_name %}Role of {{ name }}{% endblocktranslate %}</label>
                <select name="role" id="rol-{{ membership.public_id }}">
                  {{ role_options }}
                </select>
                <button type="submit" class="button button--secondary">{% translate "Change role" %}</button>
              </form>
              <form method="post" action="{{ remove_url }}" class="inline-form">
                {% csrf_token %}
                <button type="submit" class="button button--link">{% blocktranslate with name=membership.user.display_name %}Remove {{ name }}{% endblocktranslate %}</button>
              </form>
            </td>
          {% endif %}
        </tr>
      {% endfor %}"""  # noqa: E501

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def old_rows(request, project, can_manage: bool) -> str:
    options = _role_options()
    rows = [
        (
            m,
            options[m.role],
            reverse("projects:member_role", args=[project.public_id, m.public_id]),
            reverse("projects:member_remove", args=[project.public_id, m.public_id]),
        )
        for m in team_of(project)
    ]
    context = {"memberships": rows, "can_manage": can_manage, "csrf_token": get_token(request)}
    return engines["django"].from_string(LOOP).render(context)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("can_manage", [True, False])
def test_member_rows_as_the_template_wrote_them(alice, project, language, can_manage):
    party = add_party(
        alice, project, name='<b>"Huurders & co"</b>', party_type=Party.OTHER, other_type="x"
    )
    odd = UserFactory(name='<i>Jan "&" Piet</i>', email="jan@example.org")
    add_member(alice, project, odd, role=Role.TEAMLID, party=party)
    request = RequestFactory().get("/")
    with translation.override(language):
        ours = _cached_member_rows(request, project, can_manage)
        again = _cached_member_rows(request, project, can_manage)  # from the cache
        old = old_rows(request, project, can_manage)
    assert CSRF.sub("CSRF", ours) == CSRF.sub("CSRF", old) == CSRF.sub("CSRF", again)
    assert "&lt;i&gt;Jan &quot;&amp;&quot; Piet&lt;/i&gt;" in ours
    assert "&lt;b&gt;&quot;Huurders &amp; co&quot;&lt;/b&gt;" in ours
    assert ("csrfmiddlewaretoken" in ours) is can_manage
    assert _CSRF not in ours  # the reader's own token, not the cached placeholder
