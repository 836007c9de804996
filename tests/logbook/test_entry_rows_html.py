"""The logbook's list rows, built in Python (logbook/rows.py), are exactly what the row
template wrote per entry (the template is kept here to compare with), escaping included."""

from datetime import date, timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from wijkkoers.logbook.models import Entry
from wijkkoers.logbook.queries import meeting_view, overview, step_logbook
from wijkkoers.logbook.rows import entry_rows
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
        alice, project, DecisionData(title="Open", decided_on=DAY, step_keys=steps), meeting=meeting
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
