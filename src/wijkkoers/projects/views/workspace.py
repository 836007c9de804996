from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wijkkoers.audit.queries import history_of
from wijkkoers.core.errors import DomainError
from wijkkoers.logbook.notices import briefing_notice_needed
from wijkkoers.logbook.queries import overdue_agreement_count, step_logbook
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects import freshness
from wijkkoers.projects.access import access_project_for_user, access_subproject, project_context
from wijkkoers.projects.actions import PROGRESS_OBJECT, progress_object_id
from wijkkoers.projects.compass_map import fill_map, map_skeleton
from wijkkoers.projects.errors import ProgressConflict, ProjectClosed
from wijkkoers.projects.forms import (
    NeighbourhoodForm,
    PartyForm,
    ProgressForm,
    ProjectSettingsForm,
    ProjectStatusForm,
    SubProjectForm,
)
from wijkkoers.projects.queries import (
    compass_for,
    parties_of,
    progress_by_key,
    step_standing,
)
from wijkkoers.projects.rules import can
from wijkkoers.projects.services import (
    ProgressChange,
    add_neighbourhood,
    add_party,
    add_subproject,
    close_project,
    reopen_project,
    set_step_progress,
    update_project,
)
from wijkkoers.tools.queries import compass_flags, step_tools


def _scope(request, project):
    """The sub-project chosen with ?deelproject=..., or None for the whole project."""
    public_id = request.GET.get("deelproject") or request.POST.get("deelproject")
    return access_subproject(project, public_id) if public_id else None


@login_required
def compass(request, project_id):
    project = access_project_for_user(request.user, project_id)
    subproject = _scope(request, project)
    catalogue = get_catalogue()
    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    compass = SimpleLazyObject(lambda: compass_for(catalogue, progress_by_key(project, subproject)))

    def compass_map():
        phase_rows = compass.phase_rows
        rows = {row.step.key: row for _phase, rows in phase_rows for row in rows}
        return fill_map(map_skeleton(catalogue), rows, project, subproject)

    return render(
        request,
        "projects/compass.html",
        project_context(
            request,
            project,
            subproject=subproject,
            compass=compass,
            compass_map=SimpleLazyObject(compass_map),
            subprojects=freshness.cached(
                project, "subprojects", lambda: list(project.subprojects.all())
            ),
            overdue=SimpleLazyObject(lambda: {"agreements": overdue_agreement_count(project)}),
            briefing_notice=briefing_notice_needed(request, project),
            tool_flags=SimpleLazyObject(lambda: _tool_flags(catalogue, project)),
        ),
    )


def _tool_flags(catalogue, project) -> list:
    """(step, warnings) for the steps a working tool flags, in the method's order."""
    flags = compass_flags(project)
    return [(step, flags[key]) for key, step in catalogue.steps.items() if key in flags]


@login_required
def project_step(request, project_id, step_key):
    """The method's guidance for one step beside the team's own status, note and history."""
    project = access_project_for_user(request.user, project_id)
    subproject = _scope(request, project)
    catalogue = get_catalogue()
    step = catalogue.steps.get(step_key)
    if step is None:
        raise Http404
    # Kept per project stamp (every write gives a new one): no query on a repeat visit.
    (progress, inherited), subprojects = freshness.cached(
        project,
        f"step-standing:{step_key}:{getattr(subproject, 'public_id', '')}",
        lambda: (step_standing(project, subproject, step_key), list(project.subprojects.all())),
    )
    can_edit = can(request.user, "projects.edit_content_project", project)
    form, conflict = _progress_form(request, project, subproject, step_key, progress, can_edit)
    if form is None:
        return redirect(request.get_full_path())
    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    history = SimpleLazyObject(
        lambda: (
            history_of(project, PROGRESS_OBJECT, progress_object_id(step_key, subproject))
            if progress
            else []
        )
    )
    return render(
        request,
        "projects/project_step.html",
        project_context(
            request,
            project,
            subproject=subproject,
            step=step,
            progress=progress,
            inherited=inherited,
            form=form,
            conflict=conflict,
            can_edit=can_edit,
            history=history,
            # Rendered and sanitised (nh3) when it was saved: set_step_progress.
            note_html=mark_safe(progress.note_html) if progress else "",  # noqa: S308
            subprojects=subprojects,
            logbook=SimpleLazyObject(lambda: step_logbook(project, step_key)),
            step_tools=SimpleLazyObject(lambda: step_tools(project, step_key)),
        ),
    )


def _progress_form(request, project, subproject, step_key, progress, can_edit):
    """(form, conflict); form is None after a successful save (the caller redirects)."""
    current_target = progress.target_date if progress else None
    initial = {"version": progress.version if progress else 0}
    if progress:
        initial.update(
            status=progress.status,
            reason=progress.reason,
            owner=progress.owner,
            target_date=progress.target_date,
            note=progress.note,
        )
    if request.method != "POST" or not can_edit:
        if request.method == "POST":
            raise Http404  # a meelezer cannot write; the page never offered the form
        return ProgressForm(project=project, current_target=current_target, initial=initial), None
    form = ProgressForm(request.POST, project=project, current_target=current_target)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    change = ProgressChange(
        status=data["status"],
        reason=data["reason"].strip(),
        owner=data["owner"],
        target_date=data["target_date"],
        note=data["note"],
    )
    try:
        set_step_progress(
            request.user,
            project,
            step_key,
            change,
            expected_version=data["version"],
            subproject=subproject,
        )
    except ProgressConflict as conflict:
        conflict.add_to_form(form)
        data = form.data.copy()
        data["version"] = conflict.current.version
        form.data = data
        return form, conflict.current
    except DomainError as error:
        error.add_to_form(form)
        return form, None
    messages.success(request, _("The status of this step has been saved."))
    return None, None


def _settings_actions():
    """Per form on the settings page: how to build it, the service that saves it, the message."""
    return {
        "project": (
            lambda project, data: ProjectSettingsForm(data, instance=project, prefix="project"),
            update_project,
            gettext_lazy("The project settings have been saved."),
        ),
        "party": (
            lambda project, data: PartyForm(data, prefix="party"),
            add_party,
            gettext_lazy("The party has been added."),
        ),
        "neighbourhood": (
            lambda project, data: NeighbourhoodForm(data, prefix="hood"),
            add_neighbourhood,
            gettext_lazy("The neighbourhood has been added."),
        ),
        "subproject": (
            lambda project, data: SubProjectForm(data, prefix="sub"),
            add_subproject,
            gettext_lazy("The sub-project has been added."),
        ),
    }


@login_required
def project_settings(request, project_id):
    """Project details, parties at the table, neighbourhoods and sub-projects.

    Each form posts its own `action`; only that form is bound, so the others stay clean.
    """
    project = access_project_for_user(request.user, project_id, perm="projects.manage_project")
    actions = _settings_actions()
    action = request.POST.get("action") if request.method == "POST" else None
    forms = {
        name: build(project, request.POST if name == action else None)
        for name, (build, _save, _message) in actions.items()
    }
    if action in forms and forms[action].is_valid():
        _build, save, message = actions[action]
        try:
            save(request.user, project, **forms[action].cleaned_data)
        except ProjectClosed as error:  # the page shows no forms while closed
            messages.error(request, str(error))
            return redirect("projects:settings", project.public_id)
        except DomainError as error:
            error.add_to_form(forms[action])
        else:
            messages.success(request, message)
            return redirect("projects:settings", project.public_id)
    if action:
        project.refresh_from_db()  # a bound ModelForm may have changed the instance
    return render(
        request,
        "projects/settings.html",
        project_context(
            request,
            project,
            forms=forms,
            status_form=ProjectStatusForm(),
            parties=parties_of(project),
            neighbourhoods=list(project.neighbourhoods.all()),
            subprojects=list(project.subprojects.all()),
        ),
    )


@login_required
@require_POST
def project_status(request, project_id, change):
    """Close or reopen the project (projectleider); both ask for confirmation, with a reason."""
    services = {
        "afsluiten": (close_project, _("The project has been closed.")),
        "heropenen": (reopen_project, _("The project has been reopened.")),
    }
    if change not in services:
        raise Http404
    project = access_project_for_user(request.user, project_id, perm="projects.manage_project")
    form = ProjectStatusForm(request.POST)
    service, message = services[change]
    if not form.is_valid():
        messages.error(request, _("Confirm that you want to do this."))
        return redirect("projects:settings", project.public_id)
    try:
        service(request.user, project, reason=form.cleaned_data["reason"])
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, message)
    return redirect("projects:settings", project.public_id)
