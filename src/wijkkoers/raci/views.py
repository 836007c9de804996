"""Pages of the roles tool: the RACI matrix, a row's form, the team's roles.

Reading needs membership (projects.view_project); every write needs a teamlid of an open
project (projects.edit_content_project): anyone else gets a 404, like a stranger.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkkoers.core.errors import Conflict, DomainError
from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.projects.rules import can
from wijkkoers.raci.access import access_role, access_row
from wijkkoers.raci.forms import LETTER_PREFIX, RoleForm, RowForm
from wijkkoers.raci.models import Letter
from wijkkoers.raci.queries import matrix, roles_of, row_letters, rows_held_by
from wijkkoers.raci.services import (
    RoleData,
    RowData,
    add_role,
    add_row,
    remove_role,
    remove_row,
    update_role,
    update_row,
)

EDIT = "projects.edit_content_project"


def _render(request, project, template, **extra):
    context = project_context(request, project, active="tools", letters=Letter.choices, **extra)
    return render(request, f"raci/{template}", context)


def _index_url(project) -> str:
    return reverse("raci:index", args=[project.public_id])


def _roles_url(project) -> str:
    return reverse("raci:roles", args=[project.public_id])


def _save(request, form, write, success) -> tuple[bool, object]:
    """Call the service; a rule's message shows at its field and the input stays.

    Returns (saved, conflict): the other change when someone saved in between, in which
    case the form is now based on their version.
    """
    try:
        write(form.cleaned_data)
    except Conflict as conflict:
        conflict.add_to_form(form)
        data = form.data.copy()
        data["version"] = conflict.current.version
        form.data = data
        return False, conflict.current
    except DomainError as error:
        if error.field == "letters" and hasattr(form, "letter_errors"):
            form.letter_errors.append(str(error))
        else:
            error.add_to_form(form)
        return False, None
    messages.success(request, success)
    return True, None


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return _render(request, project, "index.html", matrix=matrix(project))


@login_required
def row_edit(request, project_id, row_id=None):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    row = access_row(project, row_id) if row_id else None
    roles = roles_of(project)
    initial = {"step": request.GET.get("stap", "")}
    if row is not None:
        initial = {"activity": row.activity, "step": row.step_key, "version": row.version}
        initial |= {LETTER_PREFIX + key: letter for key, letter in row_letters(row).items()}
    form = RowForm(request.POST or None, roles=roles, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():

        def write(data):
            values = RowData(data["activity"], data["step"], form.letters())
            if row is None:
                return add_row(request.user, project, values)
            return update_row(request.user, row, values, expected_version=data["version"] or 0)

        saved, conflict = _save(request, form, write, _("The RACI row has been saved."))
        if saved:
            return redirect(_index_url(project))
    return _render(request, project, "row_form.html", form=form, row=row, conflict=conflict)


@login_required
def row_remove(request, project_id, row_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    row = access_row(project, row_id)
    if request.method == "POST":
        try:
            remove_row(request.user, row)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The RACI row has been removed."))
        return redirect(_index_url(project))
    return _render(request, project, "row_remove.html", row=row)


@login_required
def roles(request, project_id):
    """The team's roles; a teamlid of an open project adds one here too."""
    project = access_project_for_user(request.user, project_id)
    form = None
    if can(request.user, EDIT, project):
        form = RoleForm(request.POST or None, project=project)
    elif request.method == "POST":
        raise Http404
    if form is not None and request.method == "POST" and form.is_valid():
        saved, _conflict = _save(
            request,
            form,
            lambda data: add_role(request.user, project, _role_data(data)),
            _("The role has been added."),
        )
        if saved:
            return redirect(_roles_url(project))
    return _render(request, project, "roles.html", roles=roles_of(project), form=form)


def _role_data(data) -> RoleData:
    return RoleData(
        name=data["name"],
        description=data["description"],
        member=data["member"],
        party=data["party"],
    )


@login_required
def role_edit(request, project_id, role_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    role = access_role(project, role_id)
    initial = {
        "name": role.name,
        "description": role.description,
        "member": role.member.public_id if role.member_id else None,
        "party": role.party.public_id if role.party_id else None,
        "version": role.version,
    }
    form = RoleForm(request.POST or None, project=project, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = _save(
            request,
            form,
            lambda data: update_role(
                request.user, role, _role_data(data), expected_version=data["version"] or 0
            ),
            _("The role has been saved."),
        )
        if saved:
            return redirect(_roles_url(project))
    return _render(request, project, "role_form.html", form=form, role=role, conflict=conflict)


@login_required
def role_remove(request, project_id, role_id):
    project = access_project_for_user(request.user, project_id, perm=EDIT)
    role = access_role(project, role_id)
    if request.method == "POST":
        try:
            broken = remove_role(request.user, role)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect(_roles_url(project))
        messages.success(request, _("The role has been removed."))
        if broken:
            names = ", ".join(row.label for row in broken)
            messages.warning(
                request,
                _("These rows now lack a valid A and R; fix them in the matrix: %(rows)s")
                % {"rows": names},
            )
        return redirect(_roles_url(project))
    return _render(request, project, "role_remove.html", role=role, held=rows_held_by(role))
