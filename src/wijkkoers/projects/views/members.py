from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkkoers.accounts.models import User
from wijkkoers.core.cells import Cells
from wijkkoers.core.errors import DomainError
from wijkkoers.projects import freshness
from wijkkoers.projects.access import (
    access_invitation,
    access_membership,
    access_project_for_user,
    project_context,
)
from wijkkoers.projects.errors import InvalidRole, InvitationProblem, ProjectClosed
from wijkkoers.projects.forms import InvitationForm, InvitationSignupForm, RoleForm
from wijkkoers.projects.queries import open_invitations, team_of
from wijkkoers.projects.rules import can
from wijkkoers.projects.services import (
    accept_invitation,
    change_member_role,
    invitation_from_token,
    invite_member,
    join_with_new_account,
    remove_member,
    resend_invitation,
    revoke_invitation,
)

MANAGE = "projects.manage_project"


@login_required
def members(request, project_id):
    project = access_project_for_user(request.user, project_id)
    can_manage = can(request.user, MANAGE, project)
    form = InvitationForm(request.POST or None, project=project)
    if request.method == "POST":
        project = access_project_for_user(request.user, project_id, perm=MANAGE)
        if form.is_valid():
            try:
                invite_member(request.user, project, **form.cleaned_data)
            except ProjectClosed as error:  # the page shows no form while closed
                messages.error(request, str(error))
                return redirect("projects:members", project.public_id)
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(
                    request, _("The invitation has been sent to %(email)s.") % form.cleaned_data
                )
                return redirect("projects:members", project.public_id)
    return render(
        request,
        "projects/members.html",
        project_context(
            request,
            project,
            member_rows=_cached_member_rows(request, project, can_manage and not project.is_closed),
            invitations=open_invitations(project) if can_manage else [],
            form=form,
            can_manage=can_manage and not project.is_closed,
        ),
    )


_CSRF = "csrf-token-placeholder"


def _cached_member_rows(request, project, can_manage: bool) -> str:
    """The rows as the project is now (projects/freshness.py), with this reader's CSRF token."""
    rows = freshness.cached(
        project,
        f"member-rows:{int(can_manage)}",
        lambda: str(_member_rows(_CSRF, project, team_of(project), can_manage)),
    )
    if can_manage:
        rows = rows.replace(_CSRF, Cells()(get_token(request)))
    return mark_safe(rows)  # noqa: S308 - built by _member_rows, every value escaped


def _member_rows(csrf_token, project, memberships, can_manage: bool) -> str:
    """The team table's rows, as members.html wrote them in its loop (the same HTML,
    tests/projects/test_member_rows_html.py), built here: with 60 members the loop's
    variable lookups and translations were most of the page's work. What is the same for
    every row is made once: the menu per role, the two URLs from one reverse() each, the
    form's CSRF field."""
    cell = Cells()
    if can_manage:
        options = _role_options()
        placeholder = "member-id-placeholder"
        role_url = reverse("projects:member_role", args=[project.public_id, placeholder])
        remove_url = reverse("projects:member_remove", args=[project.public_id, placeholder])
        csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{cell(csrf_token)}">'
        role_of, remove, change = (
            _("Role of %(name)s"),
            _("Remove %(name)s"),
            cell(_("Change role")),
        )

    def actions(m) -> str:
        if not can_manage:
            return ""
        name, member = {"name": cell(m.user.display_name)}, cell(m.public_id)
        return (
            "\n            <td>\n"
            f'              <form method="post" action="{cell(role_url.replace(placeholder, m.public_id))}" class="inline-form">\n'
            f"                {csrf}\n"
            f'                <label for="rol-{member}" class="visually-hidden">{role_of % name}</label>\n'
            f'                <select name="role" id="rol-{member}">\n'
            f"                  {options[m.role]}\n"
            "                </select>\n"
            f'                <button type="submit" class="button button--secondary">{change}</button>\n'
            "              </form>\n"
            f'              <form method="post" action="{cell(remove_url.replace(placeholder, m.public_id))}" class="inline-form">\n'
            f"                {csrf}\n"
            f'                <button type="submit" class="button button--link">{remove % name}</button>\n'
            "              </form>\n"
            "            </td>\n          "
        )

    return mark_safe(  # noqa: S308 - every value is escaped by cell(); the menus are safe
        "".join(
            "\n        <tr>\n"
            f'          <th scope="row">{cell(m.user.display_name)}<br><span class="hint">'
            f"{cell(m.user.email)}</span></th>\n"
            f"          <td>{cell(m.party, '—')}</td>\n"
            f"          <td>{cell(m.get_role_display())}</td>\n"
            f"          {actions(m)}\n"
            "        </tr>\n      "
            for m in memberships
        )
    )


def _role_options() -> dict:
    """Per role, the <option>s of the role menu with that role selected: drawn once per
    request rather than once per member (a large team made it most of the page's work)."""
    choices = RoleForm.base_fields["role"].choices
    return {
        role: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, mark_safe(" selected") if value == role else "", label)
                for value, label in choices
            ),  # noqa: S308
        )
        for role, _label in choices
    }


def _member_action(request, project_id, public_id, action):
    project = access_project_for_user(request.user, project_id, perm=MANAGE)
    membership = access_membership(project, public_id)
    try:
        action(project, membership)
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("projects:members", project.public_id)


@login_required
@require_POST
def member_role(request, project_id, public_id):
    def change(project, membership):
        form = RoleForm(request.POST)
        if not form.is_valid():
            raise InvalidRole
        change_member_role(request.user, membership, form.cleaned_data["role"])
        messages.success(
            request, _("The role of %(name)s has been changed.") % {"name": membership.user}
        )

    return _member_action(request, project_id, public_id, change)


@login_required
@require_POST
def member_remove(request, project_id, public_id):
    def remove(project, membership):
        remove_member(request.user, membership)
        messages.success(
            request, _("%(name)s has been removed from the project.") % {"name": membership.user}
        )

    return _member_action(request, project_id, public_id, remove)


@login_required
@require_POST
def invitation_action(request, project_id, public_id, action):
    if action not in ("opnieuw", "intrekken"):
        raise Http404
    project = access_project_for_user(request.user, project_id, perm=MANAGE)
    invitation = access_invitation(project, public_id)
    try:
        if action == "opnieuw":
            resend_invitation(request.user, invitation)
            messages.success(
                request, _("A new link has been sent to %(email)s.") % {"email": invitation.email}
            )
        else:
            revoke_invitation(request.user, invitation)
            messages.success(
                request,
                _("The invitation for %(email)s has been withdrawn.") % {"email": invitation.email},
            )
    except DomainError as error:
        messages.error(request, str(error))
    return redirect("projects:members", project.public_id)


def _invitation_problem(request, problem: DomainError):
    """The page for a link that cannot be used; the error carries its message and status."""
    context = {"problem": problem}
    return render(request, "projects/invitation_problem.html", context, status=problem.status)


def invitation(request, token):
    """The page behind the link in the e-mail: accept, log in, or join with a new account."""
    try:
        invitation = invitation_from_token(token)
    except InvitationProblem as problem:
        return _invitation_problem(request, problem)
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    signup_form = InvitationSignupForm(
        request.POST if request.method == "POST" and not request.user.is_authenticated else None,
        email=invitation.email,
    )
    if request.method == "POST":
        try:
            membership = _accept(request, token, signup_form, has_account)
        except DomainError as problem:  # an InvitationProblem, or the project was closed
            return _invitation_problem(request, problem)
        if membership:
            messages.success(
                request, _("Welcome to %(project)s.") % {"project": membership.project}
            )
            return redirect("projects:compass", membership.project.public_id)
    wrong_user = (
        request.user.is_authenticated and request.user.email.lower() != invitation.email.lower()
    )
    return render(
        request,
        "projects/invitation.html",
        {
            "invitation": invitation,
            "wrong_user": wrong_user,
            "has_account": has_account,
            "form": signup_form,
        },
    )


def _accept(request, token, signup_form, has_account):
    """The membership when accepted; None when the sign-up form needs another look."""
    if request.user.is_authenticated:
        return accept_invitation(request.user, token)
    if has_account or not signup_form.is_valid():
        return None
    data = signup_form.cleaned_data
    membership = join_with_new_account(token, name=data["name"], password=data["password1"])
    login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
    return membership
