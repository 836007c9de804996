"""The logbook's list rows (step page, overview, lists per kind, a meeting's items) built in
Python: the same HTML the row template wrote per entry, without a template include, its
variable lookups and filters per row (core/cells.py)."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from wijkkoers.core.cells import escape
from wijkkoers.logbook.templatetags.logbook_tags import entry_status, entry_url, kind_label


def _related(obj, name):
    """obj.name, or None where the template's lookup found nothing (a missing one-to-one)."""
    if obj is None:
        return None
    try:
        return getattr(obj, name)
    except ObjectDoesNotExist:
        return None


class _Days:
    """<time datetime="Y-m-d">j F Y</time> per date, each distinct date formatted once."""

    def __init__(self):
        self.shown: dict = {}

    def __call__(self, day) -> str:
        if day not in self.shown:
            self.shown[day] = (
                f'<time datetime="{escape(formats.date_format(day, "Y-m-d"))}">'
                f"{escape(formats.date_format(day, 'j F Y'))}</time>"
            )
        return self.shown[day]


def _owner_and_due(owner: str, due, time, due_word: str, indent: str) -> str:
    return f"{owner}\n{indent}" + (f" · {due_word} {time(due)}" if due else "")


def _detail(entry, time, due_word: str) -> str:
    """The kind's own part of the meta line (owner and due date, or the kind of meeting)."""
    if entry.kind == "afspraak":
        current = _related(_related(entry, "agreement"), "current")
        owner = ""
        if member := _related(current, "owner_member"):
            owner = f" · {escape(member.user.display_name)}"
        elif party := _related(current, "owner_party"):
            owner = f" · {escape(party.name)}"
        due = current.due_on if current is not None else None
        body = _owner_and_due(owner, due, time, due_word, "        ")
        return f"\n      \n        {body}\n      \n    "
    if entry.kind == "actie":
        action = _related(entry, "action")
        owner = _related(action, "owner")
        owner_text = f" · {escape(owner.user.display_name)}" if owner else ""
        due = action.due_on if action is not None else None
        return f"\n      {_owner_and_due(owner_text, due, time, due_word, '      ')}\n    "
    if entry.kind == "bijeenkomst":
        meeting = _related(entry, "meeting_detail")
        kind = meeting.get_kind_display() if meeting is not None else ""
        return f"\n      · {escape(kind)}\n    "
    return ""


def entry_rows(entries, project, *, show_kind: bool = False) -> str:
    """One `<li class="logbook-row">` per entry, as the row template wrote them (tested
    against it: tests/logbook/test_entry_rows_html.py)."""
    time = _Days()
    due_word, overdue_word = escape(gettext("due")), escape(gettext("overdue"))
    withdrawn_word = escape(gettext("withdrawn"))
    rows = []
    for entry in entries:
        url = entry_url(entry, project)
        title = escape(entry.title)
        if url:
            title = f'<a href="{escape(url)}" class="logbook-row__title">{title}</a>'
        else:
            title = f'<span class="logbook-row__title">{title}</span>'
        kind = f"{escape(capfirst(kind_label(entry.kind)))} · " if show_kind else ""
        status = entry_status(entry)
        status = f' · <span class="tag">{escape(status)}</span>' if status else ""
        overdue = (
            f' · <strong class="tag tag--overdue">{overdue_word}</strong>'
            if getattr(entry, "overdue", False)
            else ""
        )
        withdrawn = (
            f' · <strong class="tag">{withdrawn_word}</strong>' if entry.withdrawn_at else ""
        )
        rows.append(
            f'<li class="logbook-row{" logbook-row--withdrawn" if entry.withdrawn_at else ""}">\n'
            f"  {title}\n"
            f'  <span class="logbook-row__meta">\n'
            f"    {kind}{time(entry.occurred_on)}\n"
            f"    {status}\n"
            f"    {_detail(entry, time, due_word)}\n"
            f"    {overdue}\n"
            f"    {withdrawn}\n"
            f"  </span>\n"
            f"</li>\n"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value escaped


def _day_heading(day) -> str:
    return (
        f'<li class="timeline__day"><h3><time datetime="{escape(formats.date_format(day, "Y-m-d"))}">'
        f"{escape(formats.date_format(day, 'l j F Y'))}</time></h3></li>"
    )


def _timeline_status(item) -> str:
    if item.kind == "status":
        if item.old_status_label:
            text = gettext("from “%(old)s” to “%(new)s”") % {
                "old": escape(item.old_status_label),
                "new": escape(item.status_label),
            }
        else:
            text = escape(item.status_label)
    elif item.status_label:
        text = escape(item.status_label)
    else:
        return ""
    return f"\n              — {text}\n            "


def timeline_rows(rows) -> str:
    """The timeline's items, (item, [(step label, link)], entry link) each, with a heading
    per day: what the timeline template's loop wrote (tested against it:
    tests/logbook/test_entry_rows_html.py)."""
    withdrawn_tag = f'<span class="tag">{escape(gettext("withdrawn"))}</span>'
    step_word = escape(gettext("step"))
    recorded_by = gettext("recorded by %(name)s")
    out, last_day = [], object()
    for item, item_steps, item_url in rows:
        heading = ""
        if item.day != last_day:
            heading, last_day = _day_heading(item.day), item.day
        title = escape(item.title)
        if item_url:
            title = f'<a href="{escape(item_url)}">{title}</a>'
        steps = "".join(
            (f" · {step_word} " if number == 0 else ", ")
            + (f'<a href="{escape(url)}">{escape(label)}</a>' if url else escape(label))
            for number, (label, url) in enumerate(item_steps)
        )
        actor = recorded_by % {"name": escape(item.actor_name)} if item.actor_name else ""
        parties = (
            " · " + ", ".join(escape(name) for name in item.party_names) if item.party_names else ""
        )
        out.append(
            f"\n        {heading}\n"
            f'        <li class="timeline__item timeline__item--{escape(item.kind)}'
            f'{" timeline__item--withdrawn" if item.withdrawn else ""}">\n'
            f'          <p class="timeline__what"><span class="tag">'
            f"{escape(capfirst(str(item.kind_label)))}</span>\n"
            f"            <strong>{title}</strong>\n"
            f"            {_timeline_status(item)}\n"
            f"            {withdrawn_tag if item.withdrawn else ''}\n"
            f"          </p>\n"
            f'          <p class="timeline__meta">\n'
            f"            {actor}\n"
            f"            {steps}\n"
            f"            {parties}\n"
            f"          </p>\n"
            f"        </li>\n      "
        )
    return mark_safe("".join(out))  # noqa: S308 - every value escaped
