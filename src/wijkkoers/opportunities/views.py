"""Pages of linking opportunities: the list with filters, the timeline, one opportunity, the form.

Reading needs membership (projects.view_project); every write needs a teamlid of an open
project (projects.edit_content_project): anyone else gets a 404, like a stranger.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkkoers.core.errors import DomainError
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.opportunities.access import access_opportunity
from wijkkoers.opportunities.errors import OpportunityConflict
from wijkkoers.opportunities.forms import FilterForm, OpportunityForm, owner_value
from wijkkoers.opportunities.models import Precision
from wijkkoers.opportunities.queries import (
    next_window,
    opportunities_of,
    status_counts,
    timeline,
    window_text,
)
from wijkkoers.opportunities.services import (
    OpportunityData,
    add_opportunity,
    remove_opportunity,
    update_opportunity,
)
from wijkkoers.opportunities.windows import form_value
from wijkkoers.projects.access import access_project_for_user, project_context

EDIT = "projects.edit_content_project"


def _render(request, project, template, **extra):
    context = project_context(request, project, active="tools", **extra)
    return render(request, f"opportunities/{template}", context)


def _index_url(project) -> str:
    return reverse("opportunities:index", args=[project.public_id])


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    filters = FilterForm(request.GET)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    found = opportunities_of(project, kind=chosen.get("soort", ""), status=chosen.get("status", ""))
    upcoming = next_window(project)
    return _render(
        request,
        project,
        "index.html",
        filters=filters,
        filtered=bool(chosen.get("soort") or chosen.get("status")),
        rows=[(item, window_text(item)) for item in found],
        counts=status_counts(project),
        next_window=upcoming,
        next_window_text=window_text(upcoming) if upcoming else "",
    )


@login_required
def timeline_page(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return _render(request, project, "timeline.html", timeline=timeline(project))


@login_required
def detail(request, project_id, opportunity_id):
    project = access_project_for_user(request.user, project_id)
    found = access_opportunity(project, opportunity_id)
    steps = get_catalogue().steps
    return _render(
        request,
        project,
        "detail.html",
        opportunity=found,
        window=window_text(found),
        steps=[steps[key] for key in found.step_keys if key in steps],
    )


def _initial(found) -> dict:
    return {
        "title": found.title,
        "kind": found.kind,
        "description": found.description,
        "owner": owner_value(found),
        "window_start": form_value(found.window_start, found.window_start_precision),
        "window_end": form_value(found.window_end, found.window_end_precision),
        "status": found.status,
        "steps": list(found.step_keys),
        "version": found.version,
    }


def _data(form) -> OpportunityData:
    data = form.cleaned_data
    member, party = form.owner_of(data["owner"])
    start = data["window_start"] or (None, Precision.DAY)
    end = data["window_end"] or (None, Precision.DAY)
    return OpportunityData(
        title=data["title"],
        kind=data["kind"],
        description=data["description"],
        owner_member=member,
        owner_party=party,
        window_start=start[0],
        window_start_precision=start[1],
        window_end=end[0],
        window_end_precision=end[1],
        status=data["status"],
        step_keys=list(data["steps"]),
    )


@login_required
def edit(request, project_id, opportunity_id=None):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_opportunity(project, opportunity_id) if opportunity_id else None
    step = request.GET.get("stap", "")
    initial = _initial(found) if found else {"steps": [step] if step else []}
    form = OpportunityForm(request.POST or None, project=project, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            if found is None:
                saved = add_opportunity(request.user, project, _data(form))
            else:
                version = form.cleaned_data["version"] or 0
                saved = update_opportunity(
                    request.user, found, _data(form), expected_version=version
                )
        except OpportunityConflict as error:
            error.add_to_form(form)
            conflict = error.current
            form.data = form.data.copy()
            form.data["version"] = conflict.version
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The linking opportunity has been saved."))
            return redirect("opportunities:detail", project.public_id, saved.public_id)
    return _render(request, project, "form.html", form=form, opportunity=found, conflict=conflict)


@login_required
def remove(request, project_id, opportunity_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    found = access_opportunity(project, opportunity_id)
    if request.method == "POST":
        try:
            remove_opportunity(request.user, found)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The linking opportunity has been removed."))
        return redirect(_index_url(project))
    return _render(request, project, "remove.html", opportunity=found)
