"""The ambitions pages: the matrix, tensions, mutual gains and the MGA checklist.

Members read; teamleden and projectleiders write while the project is open; everyone else
gets a 404, as every project page answers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.stakeholders import mga
from wijkkoers.stakeholders.errors_ambitions import EditConflict
from wijkkoers.stakeholders.forms_ambitions import (
    AmbitionsForm,
    GainForm,
    MarkForm,
    TensionFilterForm,
    TensionForm,
)
from wijkkoers.stakeholders.queries_ambitions import (
    TensionFilter,
    access_gain,
    access_stakeholder,
    access_tension,
    checklist,
    gain_list,
    is_municipality,
    matrix_rows,
    tension_list,
)
from wijkkoers.stakeholders.services.ambitions import (
    Ambitions,
    GainData,
    TensionData,
    check_mga_item,
    record_mutual_gain,
    record_tension,
    uncheck_mga_item,
    update_ambitions,
    update_mutual_gain,
    update_tension,
)

VIEW = "projects.view_project"
EDIT = "projects.edit_content_project"
T = "stakeholders/ambitions/"


def _project(request, project_id, *, write=False):
    return access_project_for_user(request.user, project_id, perm=EDIT if write else VIEW)


def _render(request, project, template, status=200, **extra):
    context = project_context(request, project, active="tools", **extra)
    return render(request, T + template, context, status=status)


# --- The matrix ----------------------------------------------------------------------------


@login_required
@require_GET
def matrix(request, project_id):
    project = _project(request, project_id)
    return _render(request, project, "matrix.html", section="matrix", rows=matrix_rows(project))


@login_required
def ambitions_edit(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = access_stakeholder(project, stakeholder_id)
    municipality = is_municipality(stakeholder)
    conflict = None
    if request.method != "POST":
        initial = {name: getattr(stakeholder, name) for name in AmbitionsForm.base_fields}
        form = AmbitionsForm(initial=initial, municipality=municipality)
    else:
        form = AmbitionsForm(request.POST, municipality=municipality)
        if form.is_valid():
            data = form.cleaned_data
            try:
                update_ambitions(
                    request.user,
                    stakeholder,
                    Ambitions(
                        interests=data["interests"],
                        ambition_neighbourhood=data["ambition_neighbourhood"],
                        ambition_own_property=data["ambition_own_property"],
                    ),
                    expected_version=data["version"],
                )
            except EditConflict as error:
                conflict = error.current
                form = _with_version(form, conflict.version, municipality=municipality)
                form.add_error(None, str(error))
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("The interests and ambitions have been saved."))
                return redirect(f"{_url('ambitions', project)}#{stakeholder.public_id}")
    return _render(
        request,
        project,
        "ambitions_form.html",
        status=400 if form.errors else 200,
        section="matrix",
        heading=_("Interests and ambitions of %(name)s") % {"name": stakeholder.party.name},
        cancel_url=f"{_url('ambitions', project)}#{stakeholder.public_id}",
        stakeholder=stakeholder,
        municipality=municipality,
        form=form,
        conflict=conflict,
    )


def _with_version(form, version, **kwargs):
    """The same input, now based on the newest version, so saving again overwrites it."""
    data = form.data.copy()
    data["version"] = version
    rebound = type(form)(data, **kwargs)
    rebound.is_valid()
    return rebound


def _url(name, project, *args):
    return reverse(f"stakeholders:{name}", args=[project.public_id, *args])


# --- Tensions ------------------------------------------------------------------------------


@login_required
@require_GET
def tensions(request, project_id):
    project = _project(request, project_id)
    filters = TensionFilter.from_query(request.GET)
    return _render(
        request,
        project,
        "tensions.html",
        section="tensions",
        rows=tension_list(project, filters),
        filters=filters,
        filter_form=TensionFilterForm(
            initial={"status": filters.status, "ernst": filters.severity}
        ),
    )


def _tension_data(data) -> TensionData:
    return TensionData(
        title=data["title"],
        description=data["description"],
        stakeholders=list(data["stakeholders"]),
        severity=data["severity"],
        status=data["status"],
        decisions=list(data["decisions"]),
    )


def _gain_data(data) -> GainData:
    return GainData(
        title=data["title"],
        description=data["description"],
        stakeholders=list(data["stakeholders"]),
        decisions=list(data["decisions"]),
    )


KINDS = {
    "tension": {
        "form": TensionForm,
        "data": _tension_data,
        "record": record_tension,
        "update": update_tension,
        "access": access_tension,
        "list": "tensions",
        "new": gettext_lazy("Record a tension"),
        "change": gettext_lazy("Change the tension"),
        "saved": gettext_lazy("The tension has been saved."),
    },
    "gain": {
        "form": GainForm,
        "data": _gain_data,
        "record": record_mutual_gain,
        "update": update_mutual_gain,
        "access": access_gain,
        "list": "gains",
        "new": gettext_lazy("Record a mutual gain"),
        "change": gettext_lazy("Change the mutual gain"),
        "saved": gettext_lazy("The mutual gain has been saved."),
    },
}


def _initial(obj) -> dict:
    initial = {
        name: getattr(obj, name)
        for name in ("title", "description", "severity", "status", "version")
        if hasattr(obj, name)
    }
    initial["stakeholders"] = [row.public_id for row in obj.stakeholders.all()]
    initial["decisions"] = [row.public_id for row in obj.decisions.all()]
    return initial


def _edit(request, project_id, kind, object_id=None):
    """New (object_id None) or change a tension or mutual gain; one flow for both."""
    spec = KINDS[kind]
    project = _project(request, project_id, write=True)
    obj = spec["access"](project, object_id) if object_id else None
    conflict = None
    if request.method != "POST":
        form = spec["form"](initial=_initial(obj) if obj else None, project=project)
    else:
        form = spec["form"](request.POST, project=project)
        if form.is_valid():
            data = spec["data"](form.cleaned_data)
            try:
                if obj is None:
                    spec["record"](request.user, project, data)
                else:
                    spec["update"](
                        request.user, obj, data, expected_version=form.cleaned_data["version"]
                    )
            except EditConflict as error:
                conflict = spec["access"](project, object_id)
                form = _with_version(form, conflict.version, project=project)
                form.add_error(None, str(error))
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, str(spec["saved"]))
                return redirect(_url(spec["list"], project))
    return _render(
        request,
        project,
        "form.html",
        status=400 if form.errors else 200,
        section=spec["list"],
        heading=spec["change"] if obj else spec["new"],
        cancel_url=_url(spec["list"], project),
        form=form,
        obj=obj,
        conflict=conflict,
    )


@login_required
def tension_new(request, project_id):
    return _edit(request, project_id, "tension")


@login_required
def tension_edit(request, project_id, tension_id):
    return _edit(request, project_id, "tension", tension_id)


# --- Mutual gains --------------------------------------------------------------------------


@login_required
@require_GET
def gains(request, project_id):
    project = _project(request, project_id)
    return _render(request, project, "gains.html", section="gains", rows=gain_list(project))


@login_required
def gain_new(request, project_id):
    return _edit(request, project_id, "gain")


@login_required
def gain_edit(request, project_id, gain_id):
    return _edit(request, project_id, "gain", gain_id)


# --- The Mutual Gains Approach checklist ---------------------------------------------------


@login_required
@require_GET
def mga_checklist(request, project_id):
    project = _project(request, project_id)
    rows, ticked, total = checklist(project)
    return _render(
        request,
        project,
        "mga.html",
        section="mga",
        rows=rows,
        ticked=ticked,
        total=total,
        sources=mga.SOURCES,
    )


@login_required
@require_POST
def mga_mark(request, project_id, item_key):
    """Tick (with a note) or untick (`?actie=uit` in the form) one checklist item."""
    project = _project(request, project_id, write=True)
    form = MarkForm(request.POST)
    try:
        if request.POST.get("actie") == "uit":
            uncheck_mga_item(request.user, project, item_key)
            messages.success(request, _("The item has been unticked."))
        elif form.is_valid():
            check_mga_item(request.user, project, item_key, note=form.cleaned_data["note"])
            messages.success(request, _("The item has been ticked."))
        else:
            messages.error(request, _("The note is too long: at most 1,000 characters."))
    except DomainError as error:
        if error.status == 404:
            raise Http404 from None
        messages.error(request, str(error))
    return redirect(f"{_url('mga', project)}#{item_key}")
