"""The logbook's list rows, built in Python (logbook/rows.py), are exactly what the row
template wrote per entry (the template is kept here to compare with), escaping included."""

from datetime import date, timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from tests.logbook.report_rows import progress
from wijkkoers.logbook.models import Entry
from wijkkoers.logbook.queries import meeting_view, overview, step_logbook
from wijkkoers.logbook.report_queries import timeline
from wijkkoers.logbook.rows import entry_rows, timeline_rows
from wijkkoers.logbook.services.documents import add_link
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_decision,
    withdraw_decision,
)
from wijkkoers.logbook.views.reports import _entry_url, _steps_of
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.services import add_party

pytestmark = pytest.mark.django_db
STEP = "helderheid-over-ambities"
DAY = date(2026, 3, 1)
HOSTILE = '<b>"Huurders & co"</b>'

ROW = """{% load i18n logbook_tags %}<li class="logbook-row{% if entry.withdrawn_at %} logbook-row--withdrawn{% endif %}">
  {% entry_url entry project as url %}{% if url %}<a href="{{ url }}" class="logbook-row__title">{{ entry.title }}</a>{% else %}<span class="logbook-row__title">{{ entry.title }}</span>{% endif %}
  <span class="logbook-row__meta">
    {% if show_kind %}{{ entry.kind|kind_label|capfirst }} · {% endif %}<time datetime="{{ entry.occurred_on|date:'Y-m-d' }}">{{ entry.occurred_on|date:"j F Y" }}</time>
    {% with status=entry|entry_status %}{% if status %} · <span class="tag">{{ status }}</span>{% endif %}{% endwith %}
    {% if entry.kind == "afspraak" %}
      {% with current=entry.agreement.current %}
        {% if current.owner_member %} · {{ current.owner_member.user.display_name }}{% elif current.owner_party %} · {{ current.owner_party.name }}{% endif %}
        {% if current.due_on %} · {% translate "due" %} <time datetime="{{ current.due_on|date:'Y-m-d' }}">{{ current.due_on|date:"j F Y" }}</time>{% endif %}
      {% endwith %}
    {% elif entry.kind == "actie" %}
      {% if entry.action.owner %} · {{ entry.action.owner.user.display_name }}{% endif %}
      {% if entry.action.due_on %} · {% translate "due" %} <time datetime="{{ entry.action.due_on|date:'Y-m-d' }}">{{ entry.action.due_on|date:"j F Y" }}</time>{% endif %}
    {% elif entry.kind == "bijeenkomst" %}
      · {{ entry.meeting_detail.get_kind_display }}
    {% endif %}
    {% if entry.overdue %} · <strong class="tag tag--overdue">{% translate "overdue" %}</strong>{% endif %}
    {% if entry.withdrawn_at %} · <strong class="tag">{% translate "withdrawn" %}</strong>{% endif %}
  </span>
</li>
"""  # noqa: E501 - the file ended with a newline

LOOP = "{% for entry in rows %}{% include row with show_kind=show_kind %}{% endfor %}"


def render(rows, project, show_kind=False) -> str:
    engine = engines["django"]
    row = engine.from_string(ROW)
    context = {"rows": rows, "project": project, "row": row.template, "show_kind": show_kind}
    return engine.from_string(LOOP).render(context)


@pytest.fixture
def filled(alice, project, method):
    """Every kind, with and without owner, due date, status; overdue and withdrawn ones."""
    party = add_party(alice, project, name=HOSTILE, party_type="gemeente")
    owner = project.memberships.get(user=alice)
    past = timezone.localdate() - timedelta(days=10)
    steps = [STEP]
    meeting = create_meeting(
        alice,
        project,
        MeetingData(title=HOSTILE, held_on=DAY, kind="bewonersavond", step_keys=steps),
    )
    record_decision(
        alice,
        project,
        DecisionData(title="Open", decided_on=DAY, step_keys=steps, parties_agreed=[party]),
        meeting=meeting,
    )
    gone = record_decision(
        alice, project, DecisionData(title="Weg", decided_on=DAY, step_keys=steps)
    )
    withdraw_decision(alice, gone, reason="anders", based_on=1)
    for title, data in [
        ("Lid", {"owner_member": owner, "due_on": past}),
        ("Partij", {"owner_party": party, "due_on": DAY}),
        ("Zonder datum", {"owner_party": party}),
    ]:
        record_agreement(
            alice,
            project,
            AgreementData(title=title, made_on=DAY, step_keys=steps, **data),
            meeting=meeting,
        )
    create_action(
        alice, project, ActionData(title=HOSTILE, owner=owner, due_on=past, step_keys=steps)
    )
    create_action(alice, project, ActionData(title="Los", step_keys=steps), meeting=meeting)
    add_link(alice, project, title="Web", url="https://example.org/?a=1&b=2", step_keys=steps)
    return project


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("show_kind", [False, True])
def test_step_rows_as_the_template_wrote_them(filled, language, show_kind):
    with translation.override(language):
        rows = [
            row for _kind, _heading, rows in step_logbook(filled, STEP).sections for row in rows
        ]
        assert len(rows) == 9
        ours = entry_rows(rows, filled, show_kind=show_kind)
        assert ours == render(rows, filled, show_kind)
    assert "&lt;b&gt;&quot;Huurders &amp; co&quot;&lt;/b&gt;" in ours
    assert "logbook-row--withdrawn" in ours
    assert "tag--overdue" in ours


def test_overview_rows_as_the_template_wrote_them(filled):
    view = overview(filled)
    for rows in (view.open_agreements, view.recent_decisions, view.upcoming_actions, view.meetings):
        rows = list(rows)
        assert rows
        assert entry_rows(rows, filled) == render(rows, filled)


def test_a_meetings_rows_with_their_kind_as_the_template_wrote_them(filled):
    meeting = Entry.objects.get(project=filled, kind="bijeenkomst")
    rows = [row for rows in meeting_view(meeting).recorded.values() for row in rows]
    assert len(rows) == 5
    assert entry_rows(rows, filled, show_kind=True) == render(rows, filled, show_kind=True)


TIMELINE_LOOP = """{% load i18n %}{% for item, item_steps, item_url in rows %}
        {% ifchanged item.day %}<li class="timeline__day"><h3><time datetime="{{ item.day|date:'Y-m-d' }}">{{ item.day|date:"l j F Y" }}</time></h3></li>{% endifchanged %}
        <li class="timeline__item timeline__item--{{ item.kind }}{% if item.withdrawn %} timeline__item--withdrawn{% endif %}">
          <p class="timeline__what"><span class="tag">{{ item.kind_label|capfirst }}</span>
            <strong>{% if item_url %}<a href="{{ item_url }}">{{ item.title }}</a>{% else %}{{ item.title }}{% endif %}</strong>
            {% if item.kind == "status" %}
              — {% if item.old_status_label %}{% blocktranslate with old=item.old_status_label new=item.status_label %}from “{{ old }}” to “{{ new }}”{% endblocktranslate %}{% else %}{{ item.status_label }}{% endif %}
            {% elif item.status_label %}
              — {{ item.status_label }}
            {% endif %}
            {% if item.withdrawn %}<span class="tag">{% translate "withdrawn" %}</span>{% endif %}
          </p>
          <p class="timeline__meta">
            {% if item.actor_name %}{% blocktranslate with name=item.actor_name %}recorded by {{ name }}{% endblocktranslate %}{% endif %}
            {% for label, url in item_steps %}{% if forloop.first %} · {% translate "step" %} {% else %}, {% endif %}{% if url %}<a href="{{ url }}">{{ label }}</a>{% else %}{{ label }}{% endif %}{% endfor %}
            {% if item.party_names %} · {{ item.party_names|join:", " }}{% endif %}
          </p>
        </li>
      {% endfor %}"""  # noqa: E501


@pytest.mark.parametrize("language", ["nl", "en"])
def test_timeline_rows_as_the_template_wrote_them(filled, alice, language):
    progress(alice, filled, STEP, "gestart", DAY)
    progress(alice, filled, STEP, "afgerond", DAY)
    progress(alice, filled, "gezamenlijke-ambitie", "gestart", DAY)
    catalogue = get_catalogue()
    with translation.override(language):
        page = timeline(filled)
        rows = [
            (item, _steps_of(filled, catalogue, item.step_keys), _entry_url(filled, item))
            for item in page.items
        ]
        assert {item.kind for item, _steps, _url in rows} >= {"status", "besluit", "link"}
        ours = timeline_rows(rows)
        assert ours == engines["django"].from_string(TIMELINE_LOOP).render({"rows": rows})
    assert "&lt;b&gt;&quot;Huurders &amp; co&quot;&lt;/b&gt;" in ours
    assert "timeline__item--withdrawn" in ours
