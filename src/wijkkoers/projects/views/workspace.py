from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkkoers.audit.models import AuditEvent
from wijkkoers.core.errors import DomainError
from wijkkoers.method.markdown import render_markdown
from wijkkoers.method.queries import step_urls
from wijkkoers.projects.access import access_project_for_user, access_subproject, project_context
from wijkkoers.projects.forms import (
    NeighbourhoodForm,
    PartyForm,
    ProgressForm,
    ProjectSettingsForm,
    SubProjectForm,
)
from wijkkoers.projects.models import StepProgress
from wijkkoers.projects.queries import compass_for, method_catalogue, parties_of, progress_by_key
from wijkkoers.projects.services import (
    ProgressChange,
    ProgressConflict,
    add_neighbourhood,
    add_party,
    add_subproject,
    set_step_progress,
    update_project,
)

AUDIT_PAGE_SIZE = 100


def _scope(request, project):
    """The sub-project chosen with ?deelproject=..., or None for the whole project."""
    public_id = request.GET.get("deelproject") or request.POST.get("deelproject")
    return access_subproject(project, public_id) if public_id else None


@login_required
def compass(request, project_id):
    project = access_project_for_user(request.user, project_id)
    subproject = _scope(request, project)
    catalogue = method_catalogue(request)
    compass = compass_for(catalogue, progress_by_key(project, subproject))
    return render(
        request,
        "projects/compass.html",
        project_context(
            request,
            project,
            subproject=subproject,
            compass=compass,
            subprojects=list(project.subprojects.all()),
        ),
    )


@login_required
def project_step(request, project_id, step_key):
    """The method's guidance for one step beside the team's own status, note and history."""
    project = access_project_for_user(request.user, project_id)
    subproject = _scope(request, project)
    catalogue = method_catalogue(request)
    step = catalogue.steps.get(step_key)
    if step is None:
        raise Http404
    progress = (
        StepProgress.objects.filter(project=project, subproject=subproject, step_key=step_key)
        .select_related("owner", "updated_by")
        .first()
    )
    can_edit = request.user.has_perm("projects.edit_content_project", project)
    form, conflict = _progress_form(request, project, subproject, step_key, progress, can_edit)
    if form is None:
        return redirect(request.get_full_path())
    history = list(progress.changes.select_related("actor")) if progress else []
    return render(
        request,
        "projects/project_step.html",
        project_context(
            request,
            project,
            subproject=subproject,
            step=step,
            progress=progress,
            form=form,
            conflict=conflict,
            can_edit=can_edit,
            history=history,
            # The catalogue already holds the labelled method: no second tree for the links.
            note_html=_note_html(progress, step_urls(catalogue.tree)),
            subprojects=list(project.subprojects.all()),
        ),
    )


def _note_html(progress, step_urls) -> str:
    if not progress or not progress.note:
        return ""
    # render_markdown sanitises with nh3 to a short list of tags; the result is safe.
    return mark_safe(render_markdown(progress.note, step_urls))  # noqa: S308


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
        form.add_error(
            None,
            _(
                "Someone else changed this step while you were editing. "
                "Their change is shown below; yours is still in the form."
            ),
        )
        data = form.data.copy()
        data["version"] = conflict.current.version
        form.data = data
        return form, conflict.current
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
            parties=parties_of(project),
            neighbourhoods=list(project.neighbourhoods.all()),
            subprojects=list(project.subprojects.all()),
        ),
    )


@login_required
def audit_log(request, project_id):
    """Every recorded write in the project, newest first, filterable by member and kind."""
    project = access_project_for_user(request.user, project_id)
    events = AuditEvent.objects.filter(project=project).select_related("actor")
    members = list(project.memberships.select_related("user").order_by("user__name"))
    member = request.GET.get("lid", "")
    kind = request.GET.get("soort", "")
    if member:
        events = events.filter(
            actor__memberships__public_id=member, actor__memberships__project=project
        )
    if kind in AuditEvent.Kind.values:
        events = events.filter(kind=kind)
    return render(
        request,
        "projects/audit_log.html",
        project_context(
            request,
            project,
            events=list(events[:AUDIT_PAGE_SIZE]),
            members=members,
            kinds=AuditEvent.Kind.choices,
            member=member,
            kind=kind,
        ),
    )
