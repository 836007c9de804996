"""The stakeholder register, a stakeholder's page, its edit and assessment forms, and the
power-interest map. Members read; teamleden and projectleiders write (through the services)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkkoers.audit.queries import history_of
from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import access_project_for_user, is_public_id, project_context
from wijkkoers.stakeholders.errors_register import StakeholderConflict
from wijkkoers.stakeholders.forms_register import (
    NEW,
    AssessmentForm,
    MovementForm,
    PriorityFormSet,
    StakeholderAddForm,
    StakeholderEditForm,
    priority_initial,
    ranked_priorities,
)
from wijkkoers.stakeholders.models import Stakeholder
from wijkkoers.stakeholders.queries_register import (
    HIGH,
    QUADRANTS,
    grid,
    power_map,
    quadrant_of,
    register_rows,
    stakeholder_history,
)
from wijkkoers.stakeholders.services.register import (
    FIELDS,
    record_assessment,
    record_new_organisation,
    record_stakeholder,
    remove_stakeholder,
    update_stakeholder,
)

EDIT = "projects.edit_content_project"
VIEW = "projects.view_project"


def _project(request, project_id, *, write=False):
    return access_project_for_user(request.user, project_id, perm=EDIT if write else VIEW)


def _stakeholder(project, stakeholder_id) -> Stakeholder:
    """One of this project's stakeholders, with its party, or 404."""
    if not is_public_id(stakeholder_id):
        raise Http404
    found = (
        Stakeholder.objects.select_related("party", "project")
        .filter(project=project, public_id=stakeholder_id)
        .first()
    )
    if found is None:
        raise Http404
    found.project = project  # the one whose role is already known
    return found


def _render(request, template, project, **extra):
    return render(
        request,
        f"stakeholders/register/{template}",
        project_context(request, project, active="tools", **extra),
    )


@login_required
def register(request, project_id):
    project = _project(request, project_id)
    return _render(request, "list.html", project, rows=register_rows(project), quadrants=QUADRANTS)


@login_required
def add(request, project_id):
    project = _project(request, project_id, write=True)
    form = StakeholderAddForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["party"] == NEW:
                stakeholder = record_new_organisation(
                    request.user,
                    project,
                    organisation=form.organisation(),
                    data=form.stakeholder_data(),
                )
            else:
                stakeholder = record_stakeholder(
                    request.user, project, party=form.chosen_party, data=form.stakeholder_data()
                )
        except DomainError as error:
            # add_party's errors name the same fields: name, party_type, other_type.
            error.add_to_form(form)
        else:
            messages.success(request, _("The stakeholder has been added to the register."))
            return redirect("stakeholders:stakeholder", project.public_id, stakeholder.public_id)
    return _render(request, "add.html", project, form=form)


@login_required
def detail(request, project_id, stakeholder_id):
    project = _project(request, project_id)
    stakeholder = _stakeholder(project, stakeholder_id)
    assessments = stakeholder_history(stakeholder)
    newest = assessments[0] if assessments else None
    return _render(
        request,
        "detail.html",
        project,
        stakeholder=stakeholder,
        priorities=list(stakeholder.priorities.all()),
        assessments=assessments,
        quadrant=quadrant_of(newest.power, newest.interest) if newest else None,
        history=history_of(project, "stakeholder", stakeholder.public_id),
    )


@login_required
def edit(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    conflict = None
    if request.method == "POST":
        form = StakeholderEditForm(request.POST)
        formset = PriorityFormSet(request.POST, prefix="prioriteit")
        if form.is_valid() and formset.is_valid():
            try:
                update_stakeholder(
                    request.user,
                    stakeholder,
                    form.stakeholder_data(ranked_priorities(formset)),
                    expected_version=form.cleaned_data["version"],
                )
            except StakeholderConflict as error:
                error.add_to_form(form)
                conflict = error.current
                form.data = form.data.copy()
                form.data["version"] = conflict.version
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("The stakeholder has been saved."))
                return redirect("stakeholders:stakeholder", project.public_id, stakeholder_id)
    else:
        initial = {name: getattr(stakeholder, name) for name in FIELDS}
        form = StakeholderEditForm(initial={**initial, "version": stakeholder.version})
        formset = PriorityFormSet(initial=priority_initial(stakeholder), prefix="prioriteit")
    return _render(
        request,
        "edit.html",
        project,
        stakeholder=stakeholder,
        form=form,
        formset=formset,
        conflict=conflict,
        conflict_priorities=list(conflict.priorities.all()) if conflict else [],
    )


@login_required
def assess(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_assessment(request.user, stakeholder, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The assessment has been recorded."))
            return redirect("stakeholders:stakeholder", project.public_id, stakeholder_id)
    return _render(request, "assess.html", project, stakeholder=stakeholder, form=form, high=HIGH)


@login_required
def remove(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    problem = None
    if request.method == "POST":
        try:
            remove_stakeholder(request.user, stakeholder)
        except DomainError as error:
            problem = error.message
        else:
            messages.success(request, _("The stakeholder has been removed from the register."))
            return redirect("stakeholders:register", project.public_id)
    return _render(
        request,
        "remove.html",
        project,
        stakeholder=stakeholder,
        assessment_count=stakeholder.assessments.count(),
        problem=problem,
    )


@login_required
def map_page(request, project_id):
    project = _project(request, project_id)
    form = MovementForm(request.GET or None)
    since = form.cleaned_data["sinds"] if form.is_bound and form.is_valid() else None
    return _render(
        request,
        "map.html",
        project,
        form=form,
        map=power_map(project, since=since),
        grid=grid(),
        high=HIGH,
        quadrants=QUADRANTS,
    )
