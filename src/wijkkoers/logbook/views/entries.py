"""Pages of the logbook's entries: the overview, lists and details per kind, and the forms.

Reading needs membership (projects.view_project); every write needs a teamlid of an open
project (projects.edit_content_project): anyone else gets a 404, like a stranger.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.logbook.access import access_entry
from wijkkoers.logbook.errors import RevisionConflict
from wijkkoers.logbook.forms import (
    ActionForm,
    AgreementForm,
    AgreementReviseForm,
    DecisionForm,
    DecisionReviseForm,
    MeetingForm,
    QuickActionForm,
    QuickAgreementForm,
    QuickDecisionForm,
    WithdrawForm,
    owner_value,
)
from wijkkoers.logbook.models import EntryKind
from wijkkoers.logbook.queries import (
    agreement_revisions,
    decision_revisions,
    decisions_pointing_at,
    entries_page,
    entry_history,
    meeting_view,
    overview,
    steps_of,
)
from wijkkoers.logbook.services.entries import (
    ActionData,
    AgreementData,
    DecisionData,
    MeetingData,
    create_action,
    create_meeting,
    record_agreement,
    record_at_meeting,
    record_decision,
    revise_agreement,
    revise_decision,
    set_action_done,
    update_action,
    update_meeting,
    withdraw_agreement,
    withdraw_decision,
)
from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.projects.rules import can

EDIT = "projects.edit_content_project"
# Per kind: the list's heading, its "add" button and the view it leads to.
LIST_TEXT = {
    EntryKind.DECISION: (
        gettext_lazy("Decisions"),
        gettext_lazy("Add a decision"),
        "decision_create",
    ),
    EntryKind.AGREEMENT: (
        gettext_lazy("Agreements"),
        gettext_lazy("Add an agreement"),
        "agreement_create",
    ),
    EntryKind.ACTION: (gettext_lazy("Actions"), gettext_lazy("Add an action"), "action_create"),
    EntryKind.MEETING: (gettext_lazy("Meetings"), gettext_lazy("Add a meeting"), "meeting_create"),
}
QUICK_ROWS = 3  # rows per kind on "record at a meeting"


def _context(request, project, **extra):
    return project_context(request, project, active="logbook", **extra)


def _detail_url(entry):
    return reverse(f"logbook:{entry.kind}", args=[entry.project.public_id, entry.public_id])


def _step_initial(request) -> dict:
    key = request.GET.get("stap", "")
    return {"steps": [key]} if key else {}


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return render(
        request,
        "logbook/entries/index.html",
        # Lazy: the template renders it only when its cached copy is stale (projectcache).
        _context(request, project, view=SimpleLazyObject(lambda: overview(project))),
    )


@login_required
def entry_list(request, project_id, kind):
    project = access_project_for_user(request.user, project_id)
    show = request.GET.get("toon", "")
    # Lazy: the template renders it only when its cached copy is stale (projectcache).
    page = SimpleLazyObject(
        lambda: entries_page(project, kind, page=request.GET.get("pagina"), show=show)
    )
    return render(
        request,
        "logbook/entries/list.html",
        _context(
            request,
            project,
            kind=kind,
            page=page,
            show=show,
            heading=LIST_TEXT[kind][0],
            add_label=LIST_TEXT[kind][1],
            add_view=f"logbook:{LIST_TEXT[kind][2]}",
        ),
    )


def _detail(request, project_id, entry_id, kind, **extra):
    project = access_project_for_user(request.user, project_id)
    entry = access_entry(project, kind, entry_id)
    if kind == EntryKind.DECISION:
        extra.update(revisions=decision_revisions(entry), pointing=decisions_pointing_at(entry))
    elif kind == EntryKind.AGREEMENT:
        extra.update(revisions=agreement_revisions(entry))
    elif kind == EntryKind.MEETING:
        extra.update(meeting=meeting_view(entry))
    return render(
        request,
        f"logbook/entries/{kind}.html",
        _context(
            request,
            project,
            entry=entry,
            steps=steps_of(entry),
            history=entry_history(entry),
            can_write=can(request.user, EDIT, project) and not entry.withdrawn_at,
            **extra,
        ),
    )


@login_required
def decision(request, project_id, entry_id):
    return _detail(request, project_id, entry_id, EntryKind.DECISION)


@login_required
def agreement(request, project_id, entry_id):
    return _detail(request, project_id, entry_id, EntryKind.AGREEMENT)


@login_required
def action(request, project_id, entry_id):
    return _detail(request, project_id, entry_id, EntryKind.ACTION)


@login_required
def meeting(request, project_id, entry_id):
    return _detail(request, project_id, entry_id, EntryKind.MEETING)


# --- Forms ----------------------------------------------------------------------------------


def _save(request, form, write, success):
    """Call the service; a DomainError shows at its field and keeps the input.

    Returns (entry, conflict): entry after a successful write, conflict when someone else
    made a newer version meanwhile (the form then is based on theirs).
    """
    try:
        entry = write(form.cleaned_data)
    except RevisionConflict as conflict:
        conflict.add_to_form(form)
        data = form.data.copy()
        data["based_on"] = conflict.current.number
        form.data = data
        return None, conflict.current
    except DomainError as error:
        error.add_to_form(form)
        return None, None
    messages.success(request, success)
    return entry, None


# Per kind: the heading of a change, and the kind's list (Cancel of a new one).
FORM_PAGES = {
    EntryKind.DECISION: (gettext_lazy("Change the decision"), "decisions"),
    EntryKind.AGREEMENT: (gettext_lazy("Change the agreement"), "agreements"),
    EntryKind.ACTION: (gettext_lazy("Change the action"), "actions"),
    EntryKind.MEETING: (gettext_lazy("Change the meeting"), "meetings"),
}


def _form_page(request, project, kind, form, entry=None, conflict=None, **extra):
    """One form page for every kind: its heading, and Cancel back to the entry or the list."""
    change, list_name = FORM_PAGES[kind]
    if entry is not None:
        cancel = reverse(f"logbook:{kind}", args=[project.public_id, entry.public_id])
    else:
        cancel = reverse(f"logbook:{list_name}", args=[project.public_id])
    return render(
        request,
        "logbook/entries/entry_form.html",
        _context(
            request,
            project,
            form=form,
            entry=entry,
            conflict=conflict,
            heading=change if entry is not None else LIST_TEXT[kind][1],
            cancel_url=cancel,
            **extra,
        ),
    )


def _decision_data(data) -> DecisionData:
    return DecisionData(
        title=data["title"],
        text=data["text"],
        status=data["status"],
        decided_on=data["decided_on"],
        decided_by=data["decided_by"],
        parties_agreed=list(data["parties_agreed"]),
        parties_objected=list(data["parties_objected"]),
        rationale=data["rationale"],
        replaces=list(data["replaces"]),
        amends=list(data["amends"]),
        step_keys=list(data["steps"]),
    )


@login_required
def decision_create(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    form = DecisionForm(request.POST or None, project=project, initial=_step_initial(request))
    if request.method == "POST" and form.is_valid():
        entry, _conflict = _save(
            request,
            form,
            lambda data: record_decision(request.user, project, _decision_data(data)),
            _("The decision has been recorded."),
        )
        if entry:
            return redirect(_detail_url(entry))
    return _form_page(request, project, EntryKind.DECISION, form)


@login_required
def decision_revise(request, project_id, entry_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.DECISION, entry_id)
    current = entry.decision.current
    initial = {
        "title": current.title,
        "text": current.text,
        "status": current.status,
        "decided_on": current.decided_on,
        "decided_by": current.decided_by,
        "rationale": current.rationale,
        "parties_agreed": [p.public_id for p in current.parties_agreed.all()],
        "parties_objected": [p.public_id for p in current.parties_objected.all()],
        "replaces": [d.entry.public_id for d in current.replaces.select_related("entry")],
        "amends": [d.entry.public_id for d in current.amends.select_related("entry")],
        "steps": list(current.step_keys),
        "based_on": current.number,
    }
    form = DecisionReviseForm(request.POST or None, project=project, entry=entry, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _save(
            request,
            form,
            lambda data: revise_decision(
                request.user,
                entry,
                _decision_data(data),
                based_on=data["based_on"],
                reason=data["change_reason"],
            ),
            _("The decision has been changed; the earlier version stays in its history."),
        )
        if saved:
            return redirect(_detail_url(saved))
    return _form_page(request, project, EntryKind.DECISION, form, entry, conflict)


def _agreement_data(form, data) -> AgreementData:
    member, party = form.owner_of(data["owner"])
    return AgreementData(
        title=data["title"],
        made_on=data["made_on"],
        text=data["text"],
        owner_member=member,
        owner_party=party,
        due_on=data["due_on"],
        status=data["status"],
        status_reason=data.get("status_reason", ""),
        step_keys=list(data["steps"]),
        parties=list(data["parties"]),
    )


@login_required
def agreement_create(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    form = AgreementForm(request.POST or None, project=project, initial=_step_initial(request))
    if request.method == "POST" and form.is_valid():
        entry, _conflict = _save(
            request,
            form,
            lambda data: record_agreement(request.user, project, _agreement_data(form, data)),
            _("The agreement has been recorded."),
        )
        if entry:
            return redirect(_detail_url(entry))
    return _form_page(request, project, EntryKind.AGREEMENT, form)


@login_required
def agreement_revise(request, project_id, entry_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.AGREEMENT, entry_id)
    current = entry.agreement.current
    initial = {
        "title": current.title,
        "text": current.text,
        "owner": owner_value(current),
        "made_on": current.made_on,
        "due_on": current.due_on,
        "status": current.status,
        "status_reason": current.status_reason,
        "parties": [p.public_id for p in entry.parties.all()],
        "steps": list(current.step_keys),
        "based_on": current.number,
    }
    form = AgreementReviseForm(request.POST or None, project=project, entry=entry, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _save(
            request,
            form,
            lambda data: revise_agreement(
                request.user,
                entry,
                _agreement_data(form, data),
                based_on=data["based_on"],
                reason=data["change_reason"],
            ),
            _("The agreement has been changed; the earlier version stays in its history."),
        )
        if saved:
            return redirect(_detail_url(saved))
    return _form_page(request, project, EntryKind.AGREEMENT, form, entry, conflict)


@login_required
def withdraw(request, project_id, entry_id, kind):
    """Withdraw a decision or an agreement, with a reason; it stays readable."""
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, kind, entry_id)
    detail = entry.decision if kind == EntryKind.DECISION else entry.agreement
    service = withdraw_decision if kind == EntryKind.DECISION else withdraw_agreement
    form = WithdrawForm(request.POST or None, initial={"based_on": detail.current.number})
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _save(
            request,
            form,
            lambda data: service(
                request.user, entry, reason=data["reason"], based_on=data["based_on"]
            ),
            _("It has been withdrawn; members can still read it."),
        )
        if saved:
            return redirect(_detail_url(saved))
    return render(
        request,
        "logbook/entries/withdraw.html",
        _context(request, project, form=form, entry=entry, conflict=conflict, kind=kind),
    )


def _action_data(data) -> ActionData:
    return ActionData(
        title=data["title"], owner=data["owner"], due_on=data["due_on"], step_keys=data["steps"]
    )


@login_required
def action_edit(request, project_id, entry_id=None):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.ACTION, entry_id) if entry_id else None
    initial = _step_initial(request)
    if entry:
        initial = {
            "title": entry.title,
            "owner": entry.action.owner.public_id if entry.action.owner_id else None,
            "due_on": entry.action.due_on,
            "steps": list(entry.steps.values_list("step_key", flat=True)),
        }
    form = ActionForm(request.POST or None, project=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved, _conflict = _save(
            request,
            form,
            lambda data: (
                update_action(request.user, entry, _action_data(data))
                if entry
                else create_action(request.user, project, _action_data(data))
            ),
            _("The action has been saved."),
        )
        if saved:
            return redirect(_detail_url(saved))
    return _form_page(request, project, EntryKind.ACTION, form, entry)


@login_required
@require_POST
def action_done(request, project_id, entry_id):
    """Mark an action done (done=1) or not done (done=0); back to where the user came from."""
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.ACTION, entry_id)
    done = request.POST.get("done") == "1"
    try:
        set_action_done(request.user, entry, done)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Marked as done.") if done else _("Marked as not done."))
    return redirect(_detail_url(entry))


def _meeting_data(data) -> MeetingData:
    return MeetingData(
        title=data["title"],
        held_on=data["held_on"],
        kind=data["kind"],
        place=data["place"],
        attendee_members=list(data["attendee_members"]),
        attendee_parties=list(data["attendee_parties"]),
        other_attendees=data["other_attendees"] or 0,
        agenda=data["agenda"],
        minutes=data["minutes"],
        step_keys=list(data["steps"]),
    )


@login_required
def meeting_edit(request, project_id, entry_id=None):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.MEETING, entry_id) if entry_id else None
    initial = _step_initial(request)
    if entry:
        detail = entry.meeting_detail
        initial = {
            "title": entry.title,
            "held_on": entry.occurred_on,
            "kind": detail.kind,
            "place": detail.place,
            "attendee_members": [m.public_id for m in detail.attendee_members.all()],
            "attendee_parties": [p.public_id for p in detail.attendee_parties.all()],
            "other_attendees": detail.other_attendees,
            "agenda": detail.agenda,
            "minutes": detail.minutes,
            "steps": list(entry.steps.values_list("step_key", flat=True)),
        }
    form = MeetingForm(request.POST or None, project=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved, _conflict = _save(
            request,
            form,
            lambda data: (
                update_meeting(request.user, entry, _meeting_data(data))
                if entry
                else create_meeting(request.user, project, _meeting_data(data))
            ),
            _("The meeting has been saved."),
        )
        if saved:
            return redirect(_detail_url(saved))
    return _form_page(request, project, EntryKind.MEETING, form, entry)


@login_required
def meeting_record(request, project_id, entry_id):
    """Record a meeting's decisions, agreements and actions in one go: all or nothing."""
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    entry = access_entry(project, EntryKind.MEETING, entry_id)
    data = request.POST if request.method == "POST" else None
    owners = AgreementForm(project=project)
    decisions = [QuickDecisionForm(data, prefix=f"besluit-{i}") for i in range(QUICK_ROWS)]
    agreements = [
        QuickAgreementForm(data, prefix=f"afspraak-{i}", owner_form=owners)
        for i in range(QUICK_ROWS)
    ]
    actions = [
        QuickActionForm(data, prefix=f"actie-{i}", project=project) for i in range(QUICK_ROWS)
    ]
    problem = None
    if data is not None:
        problem = _record_quick(request, entry, decisions, agreements, actions, owners)
        if problem is None:
            return redirect(_detail_url(entry))
    return render(
        request,
        "logbook/entries/meeting_record.html",
        _context(
            request,
            project,
            entry=entry,
            decisions=decisions,
            agreements=agreements,
            actions=actions,
            problem=problem,
        ),
    )


def _record_quick(request, entry, decisions, agreements, actions, owners):
    """Save the filled rows; None on success, else a message (the input stays in the forms)."""
    forms_ = [*decisions, *agreements, *actions]
    if not all(form.is_valid() for form in forms_):
        return _("Check the rows marked below.")
    steps = list(entry.steps.values_list("step_key", flat=True))
    filled = {
        "decisions": [f for f in decisions if f.cleaned_data["title"].strip()],
        "agreements": [f for f in agreements if f.cleaned_data["title"].strip()],
        "actions": [f for f in actions if f.cleaned_data["title"].strip()],
    }
    if not any(filled.values()):
        return _("Fill in at least one decision, agreement or action.")
    items = {
        "decisions": [
            DecisionData(
                title=f.cleaned_data["title"],
                text=f.cleaned_data["text"],
                status=f.cleaned_data["status"],
                decided_on=entry.occurred_on,
                decided_by=entry.title,
                step_keys=steps,
            )
            for f in filled["decisions"]
        ],
        "agreements": [
            AgreementData(
                title=f.cleaned_data["title"],
                made_on=entry.occurred_on,
                owner_member=owners.owner_of(f.cleaned_data["owner"])[0],
                owner_party=owners.owner_of(f.cleaned_data["owner"])[1],
                due_on=f.cleaned_data["due_on"],
                step_keys=steps,
            )
            for f in filled["agreements"]
        ],
        "actions": [
            ActionData(
                title=f.cleaned_data["title"],
                owner=f.cleaned_data["owner"],
                due_on=f.cleaned_data["due_on"],
                step_keys=steps,
            )
            for f in filled["actions"]
        ],
    }
    try:
        made = record_at_meeting(request.user, entry, **items)
    except DomainError as error:
        part, index = getattr(error, "part", None), getattr(error, "index", None)
        if part is None:
            return str(error)
        row = filled[part][index]
        row.add_error(error.field if error.field in row.fields else "title", str(error))
        return _("Nothing has been saved yet: check the row marked below.")
    count = len(made.decisions) + len(made.agreements) + len(made.actions)
    messages.success(
        request, _("%(count)d items have been recorded at this meeting.") % {"count": count}
    )
    return None
