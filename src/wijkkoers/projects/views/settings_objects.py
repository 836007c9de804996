"""Neighbourhoods and sub-projects are changed on their own page; they and parties are
removed after a confirmation page. All projectleider only, through the services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy

from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import (
    access_neighbourhood,
    access_party,
    access_project_for_user,
    access_subproject,
    project_context,
)
from wijkkoers.projects.forms import NeighbourhoodForm, SubProjectForm
from wijkkoers.projects.services import (
    NEIGHBOURHOOD_FIELDS,
    SUBPROJECT_FIELDS,
    remove_neighbourhood,
    remove_party,
    remove_subproject,
    update_neighbourhood,
    update_subproject,
)

# kind in the URL -> (access function, form, its fields, update, remove, saved, removed)
KINDS = {
    "buurten": (
        access_neighbourhood,
        NeighbourhoodForm,
        NEIGHBOURHOOD_FIELDS,
        update_neighbourhood,
        remove_neighbourhood,
        gettext_lazy("The neighbourhood has been saved."),
        gettext_lazy("The neighbourhood has been removed."),
    ),
    "deelprojecten": (
        access_subproject,
        SubProjectForm,
        SUBPROJECT_FIELDS,
        update_subproject,
        remove_subproject,
        gettext_lazy("The sub-project has been saved."),
        gettext_lazy("The sub-project has been removed."),
    ),
    "partijen": (
        access_party,
        None,
        None,
        None,
        remove_party,
        None,
        gettext_lazy("The party has been removed."),
    ),
}


def _object(request, project_id, kind, object_id):
    project = access_project_for_user(request.user, project_id, perm="projects.manage_project")
    return project, KINDS[kind][0](project, object_id)


@login_required
def object_edit(request, project_id, kind, object_id):
    """Change a neighbourhood or a sub-project (projectleider only)."""
    project, obj = _object(request, project_id, kind, object_id)
    _access, form_class, fields, update, _remove, saved, _removed = KINDS[kind]
    initial = {field: getattr(obj, field) for field in fields}
    form = form_class(request.POST or None, initial=initial, prefix="edit")
    if request.method == "POST" and form.is_valid():
        try:
            update(request.user, obj, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, saved)
            return redirect("projects:settings", project.public_id)
    return render(
        request,
        "projects/settings_object_form.html",
        project_context(request, project, name=obj.name, form=form),
    )


@login_required
def object_remove(request, project_id, kind, object_id):
    """Ask to confirm, then remove a neighbourhood, sub-project or party; a refusal says why."""
    project, obj = _object(request, project_id, kind, object_id)
    remove, removed = KINDS[kind][4], KINDS[kind][6]
    problem, status = None, 200
    if request.method == "POST":
        try:
            remove(request.user, obj)
        except DomainError as error:
            problem, status = error.message, error.status
        else:
            messages.success(request, removed)
            return redirect("projects:settings", project.public_id)
    return render(
        request,
        "projects/settings_object_remove.html",
        project_context(request, project, name=obj.name, problem=problem),
        status=status,
    )
