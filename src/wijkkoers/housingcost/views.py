"""Pages of housing-cost neutrality: the definition, the households, the calculator.

Reading (the calculator's result included: running it saves nothing) needs membership;
every write needs a teamlid of an open project (projects.edit_content_project): anyone
else gets a 404, like a stranger.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.housingcost.access import access_archetype, access_calculation
from wijkkoers.housingcost.errors import DefinitionConflict
from wijkkoers.housingcost.explain import rows, verdict
from wijkkoers.housingcost.forms import (
    ArchetypeForm,
    CalculationNoteForm,
    DefinitionForm,
    definition_initial,
)
from wijkkoers.housingcost.queries import (
    archetypes_of,
    calculations_of,
    current_definition,
    definition_versions,
)
from wijkkoers.housingcost.services import (
    add_archetype,
    archetype_values,
    recompute,
    remove_archetype,
    run_calculation,
    save_calculation,
    save_definition,
    update_archetype,
)
from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.projects.rules import can

EDIT = "projects.edit_content_project"


def _context(request, project, **extra) -> dict:
    return project_context(
        request, project, active="tools", can_write=can(request.user, EDIT, project), **extra
    )


def _url(name, project, *args) -> str:
    return reverse(f"housingcost:{name}", args=[project.public_id, *args])


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    versions = definition_versions(project)
    return render(
        request,
        "housingcost/index.html",
        _context(request, project, current=versions[0] if versions else None, versions=versions),
    )


@login_required
def definition_edit(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    current = current_definition(project)
    form = DefinitionForm(
        request.POST or None, current=current, initial=definition_initial(current)
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            save_definition(
                request.user,
                project,
                form.definition_data(),
                based_on=form.cleaned_data["based_on"] or 0,
                change_reason=form.cleaned_data.get("change_reason", ""),
            )
        except DefinitionConflict as error:
            conflict = error.current
            error.add_to_form(form)
            data = form.data.copy()
            data["based_on"] = conflict.number if conflict else 0
            form.data = data
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The definition has been saved as a new version."))
            return redirect(_url("index", project))
    return render(
        request,
        "housingcost/definition_form.html",
        _context(request, project, form=form, current=current, conflict=conflict),
    )


@login_required
def archetypes(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return render(
        request,
        "housingcost/archetypes.html",
        _context(
            request,
            project,
            archetypes=archetypes_of(project),
            current=current_definition(project),
        ),
    )


def _archetype_form(request, project, form, write, archetype=None):
    if request.method == "POST" and form.is_valid():
        try:
            write(form.archetype_data())
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The household has been saved."))
            return redirect(_url("archetypes", project))
    return render(
        request,
        "housingcost/archetype_form.html",
        _context(
            request,
            project,
            form=form,
            archetype=archetype,
            current=current_definition(project),
        ),
    )


@login_required
def archetype_create(request, project_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    form = ArchetypeForm(request.POST or None)
    return _archetype_form(
        request, project, form, lambda data: add_archetype(request.user, project, data)
    )


@login_required
def archetype_edit(request, project_id, archetype_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    archetype = access_archetype(project, archetype_id)
    form = ArchetypeForm(request.POST or None, initial=archetype_values(archetype))
    return _archetype_form(
        request,
        project,
        form,
        lambda data: update_archetype(request.user, archetype, data),
        archetype=archetype,
    )


@login_required
def archetype_remove(request, project_id, archetype_id):
    """Ask to confirm, then remove a household; its saved calculations stay as they are."""
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    archetype = access_archetype(project, archetype_id)
    problem, status = None, 200
    if request.method == "POST":
        try:
            remove_archetype(request.user, archetype)
        except DomainError as error:
            problem, status = error.message, error.status
        else:
            messages.success(request, _("The household has been removed."))
            return redirect(_url("archetypes", project))
    return render(
        request,
        "housingcost/archetype_remove.html",
        _context(
            request,
            project,
            archetype=archetype,
            kept=archetype.calculations.count(),
            problem=problem,
        ),
        status=status,
    )


def _calculator_page(request, project, chosen=None, error=None, note_form=None):
    definition = current_definition(project)
    result = None
    if chosen is not None and error is None:
        try:
            result = run_calculation(chosen, definition)
        except DomainError as problem:
            error = str(problem)
    return render(
        request,
        "housingcost/calculator.html",
        _context(
            request,
            project,
            current=definition,
            archetypes=archetypes_of(project),
            chosen=chosen,
            error=error,
            result=result,
            rows=rows(result) if result else [],
            verdict=verdict(result) if result else "",
            note_form=note_form or CalculationNoteForm(),
            calculations=calculations_of(project),
        ),
    )


@login_required
def calculator(request, project_id):
    project = access_project_for_user(request.user, project_id)
    chosen_id = request.GET.get("huishouden", "")
    chosen = access_archetype(project, chosen_id) if chosen_id else None
    return _calculator_page(request, project, chosen)


@login_required
@require_POST
def calculation_save(request, project_id, archetype_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    archetype = access_archetype(project, archetype_id)
    form = CalculationNoteForm(request.POST)
    if form.is_valid():
        try:
            calculation = save_calculation(request.user, archetype, note=form.cleaned_data["note"])
        except DomainError as error:
            return _calculator_page(request, project, archetype, str(error), form)
        messages.success(request, _("The calculation has been saved."))
        return redirect(_url("calculation", project, calculation.public_id))
    return _calculator_page(request, project, archetype, note_form=form)


@login_required
def calculation(request, project_id, calculation_id):
    project = access_project_for_user(request.user, project_id)
    saved = access_calculation(project, calculation_id)
    result = recompute(saved)
    return render(
        request,
        "housingcost/calculation.html",
        _context(
            request,
            project,
            calculation=saved,
            current=current_definition(project),
            rows=rows(result),
            verdict=verdict(result),
            result=result,
        ),
    )
