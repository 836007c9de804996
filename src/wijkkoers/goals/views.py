"""Pages of the goals tool: the goal, the indicators, one indicator with its chart.

Reading needs membership (projects.view_project); every write needs a teamlid of an open
project (projects.edit_content_project): anyone else gets a 404, like a stranger.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from wijkkoers.core.errors import DomainError
from wijkkoers.goals import services
from wijkkoers.goals.chart import build_chart, describe
from wijkkoers.goals.errors import GoalConflict, IndicatorConflict
from wijkkoers.goals.forms import (
    CorrectionForm,
    GoalForm,
    IndicatorForm,
    MeasurementForm,
    RetireForm,
    owner_value,
)
from wijkkoers.goals.models import GOAL_FIELDS
from wijkkoers.goals.queries import (
    access_indicator,
    access_measurement,
    current_goal,
    goal_history,
    goal_versions,
    indicator_history,
    indicator_rows,
    indicator_view,
    standing_counts,
)
from wijkkoers.goals.status import AT_RISK_SHARE, ON_TRACK_SHARE
from wijkkoers.goals.tool import open_scope_questions
from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.projects.rules import can

EDIT = "projects.edit_content_project"


def _page(request, project, template, **extra):
    extra.setdefault("can_write", can(request.user, EDIT, project))
    return render(
        request,
        f"goals/{template}",
        project_context(
            request,
            project,
            active="tools",
            on_track_percent=int(ON_TRACK_SHARE * 100),
            at_risk_percent=int(AT_RISK_SHARE * 100),
            **extra,
        ),
    )


def _try(request, form, write, success):
    """Call the service; a DomainError shows at its field and keeps the input. Returns
    (result, conflict). After a conflict the form is based on the other change, so saving
    again makes the user's input the newest."""
    try:
        result = write()
    except (GoalConflict, IndicatorConflict) as conflict:
        conflict.add_to_form(form)
        current = conflict.current
        if current is not None:
            form.data = form.data.copy()
            if isinstance(conflict, GoalConflict):
                form.data["based_on"] = current.number
            else:
                form.data["version"] = current.version
        return None, current
    except DomainError as error:
        error.add_to_form(form)
        return None, None
    messages.success(request, success)
    return result, None


def _measurement_data(form) -> services.MeasurementData:
    data = form.cleaned_data
    return services.MeasurementData(data["value"], data["measured_on"], data["note"])


def _indicator_url(indicator):
    return reverse("goals:indicator", args=[indicator.project.public_id, indicator.public_id])


# --- The goal -----------------------------------------------------------------------------


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    goal = current_goal(project)
    rows = indicator_rows(project)
    return _page(
        request,
        project,
        "goal.html",
        goal=goal,
        open_scope=goal is not None and open_scope_questions(goal),
        counts=standing_counts(rows),
        indicator_count=len(rows),
        versions=goal_versions(project) if goal else [],
        history=goal_history(project) if goal else [],
    )


def _goal_data(data) -> services.GoalData:
    values = {name: data[name] or "" for name in GOAL_FIELDS}  # reference_year follows
    values["reference_year"] = data["reference_year"]
    return services.GoalData(**values)


@login_required
def goal_edit(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    goal = current_goal(project)
    initial = {name: getattr(goal, name) for name in GOAL_FIELDS} if goal else {}
    initial["based_on"] = goal.number if goal else 0
    form = GoalForm(request.POST or None, initial=initial, first=goal is None)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved, conflict = _try(
            request,
            form,
            lambda: services.set_goal(
                request.user,
                project,
                _goal_data(data),
                based_on=data["based_on"],
                reason=data.get("change_reason", ""),
            ),
            _("The goal has been saved; earlier versions stay in its history."),
        )
        if saved:
            return redirect("goals:index", project.public_id)
    return _page(request, project, "goal_form.html", form=form, goal=goal, conflict=conflict)


# --- Indicators ---------------------------------------------------------------------------


@login_required
def indicators(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return _page(
        request,
        project,
        "indicators.html",
        # Lazy: the template renders these only when its cached copy is stale (projectcache).
        rows=SimpleLazyObject(lambda: indicator_rows(project)),
        retired=SimpleLazyObject(lambda: indicator_rows(project, retired=True)),
    )


def _indicator_data(form) -> services.IndicatorData:
    data = form.cleaned_data
    member, party = form.chosen_owner()
    return services.IndicatorData(
        name=data["name"],
        unit=data["unit"],
        target_value=data["target_value"],
        deadline=data["deadline"],
        baseline_value=data["baseline_value"],
        baseline_on=data["baseline_on"],
        owner_member=member,
        owner_party=party,
        verification=data["verification"],
    )


@login_required
def indicator_create(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    form = IndicatorForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        saved, _conflict = _try(
            request,
            form,
            lambda: services.add_indicator(request.user, project, _indicator_data(form)),
            _("The indicator has been added."),
        )
        if saved:
            return redirect(_indicator_url(saved))
    return _page(request, project, "indicator_form.html", form=form)


@login_required
def indicator(request, project_id, indicator_id):
    project = access_project_for_user(request.user, project_id)
    found = access_indicator(project, indicator_id)
    return _indicator_page(request, project, found, MeasurementForm())


def _indicator_page(request, project, found, form, status=200):
    row, measurements = indicator_view(found)
    counting = [r.measurement for r in measurements if r.counts]
    response = _page(
        request,
        project,
        "indicator.html",
        row=row,
        indicator=found,
        measurements=measurements,
        chart=build_chart(found, counting),
        description=describe(found, row, len(counting)),
        form=form,
        history=indicator_history(found),
        can_write=can(request.user, EDIT, project) and not found.retired_at,
    )
    response.status_code = status
    return response


@login_required
def measurement_add(request, project_id, indicator_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_indicator(project, indicator_id)
    if request.method != "POST":
        return redirect(_indicator_url(found))
    form = MeasurementForm(request.POST)
    if form.is_valid():
        saved, _conflict = _try(
            request,
            form,
            lambda: services.record_measurement(request.user, found, _measurement_data(form)),
            _("The measurement has been recorded."),
        )
        if saved:
            return redirect(_indicator_url(found))
    return _indicator_page(request, project, found, form, status=400)


@login_required
def measurement_correct(request, project_id, indicator_id, measurement_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_indicator(project, indicator_id)
    wrong = access_measurement(found, measurement_id)
    initial = {"value": wrong.value, "measured_on": wrong.measured_on}
    form = CorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved, _conflict = _try(
            request,
            form,
            lambda: services.correct_measurement(request.user, wrong, _measurement_data(form)),
            _("The correction has been recorded; the corrected measurement stays visible."),
        )
        if saved:
            return redirect(_indicator_url(found))
    return _page(
        request, project, "measurement_correct.html", form=form, indicator=found, wrong=wrong
    )


@login_required
def indicator_edit(request, project_id, indicator_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_indicator(project, indicator_id)
    initial = {
        "name": found.name,
        "unit": found.unit,
        "baseline_value": found.baseline_value,
        "baseline_on": found.baseline_on,
        "target_value": found.target_value,
        "deadline": found.deadline,
        "owner": owner_value(found),
        "verification": found.verification,
        "version": found.version,
    }
    form = IndicatorForm(request.POST or None, project=project, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _try(
            request,
            form,
            lambda: services.change_indicator(
                request.user,
                found,
                _indicator_data(form),
                version=form.cleaned_data["version"] or 0,
            ),
            _("The indicator has been changed."),
        )
        if saved:
            return redirect(_indicator_url(saved))
    return _page(
        request, project, "indicator_form.html", form=form, indicator=found, conflict=conflict
    )


@login_required
def indicator_retire(request, project_id, indicator_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_indicator(project, indicator_id)
    form = RetireForm(request.POST or None, initial={"version": found.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _try(
            request,
            form,
            lambda: services.retire_indicator(
                request.user,
                found,
                reason=form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            ),
            _("The indicator has been retired; it stays readable with its measurements."),
        )
        if saved:
            return redirect("goals:indicators", project.public_id)
    return _page(
        request, project, "indicator_retire.html", form=form, indicator=found, conflict=conflict
    )
