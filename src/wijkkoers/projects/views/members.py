from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkkoers.accounts.models import User
from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import (
    access_invitation,
    access_membership,
    access_project_for_user,
    project_context,
)
from wijkkoers.projects.forms import InvitationForm, InvitationSignupForm, RoleForm
from wijkkoers.projects.services import (
    InvitationProblem,
    ProjectRuleError,
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
    can_manage = request.user.has_perm(MANAGE, project)
    form = InvitationForm(request.POST or None, project=project)
    if request.method == "POST":
        project = access_project_for_user(request.user, project_id, perm=MANAGE)
        if form.is_valid():
            try:
                invite_member(request.user, project, **form.cleaned_data)
            except ProjectRuleError as error:
                form.add_error("email", str(error))
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(
                    request, _("The invitation has been sent to %(email)s.") % form.cleaned_data
                )
                return redirect("projects:members", project.public_id)
    memberships = project.memberships.select_related("user", "party").order_by("user__name")
    invitations = (
        [i for i in project.invitations.select_related("party") if i.is_open] if can_manage else []
    )
    return render(
        request,
        "projects/members.html",
        project_context(
            request,
            project,
            memberships=list(memberships),
            invitations=invitations,
            form=form,
            can_manage=can_manage,
            role_form=RoleForm(),
        ),
    )


def _member_action(request, project_id, public_id, action):
    project = access_project_for_user(request.user, project_id, perm=MANAGE)
    membership = access_membership(project, public_id)
    try:
        action(project, membership)
    except ProjectRuleError as error:
        messages.error(request, str(error))
    return redirect("projects:members", project.public_id)


@login_required
@require_POST
def member_role(request, project_id, public_id):
    def change(project, membership):
        form = RoleForm(request.POST)
        if not form.is_valid():
            raise ProjectRuleError(_("Choose a valid role."))
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
    except ProjectRuleError as error:
        messages.error(request, str(error))
    return redirect("projects:members", project.public_id)


def _invitation_problem(request, problem, invitation=None):
    status = {"invalid": 404, "wrong_user": 403, "has_account": 409}.get(problem.code, 410)
    context = {"problem": problem.code, "invitation": invitation}
    return render(request, "projects/invitation_problem.html", context, status=status)


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
        except InvitationProblem as problem:
            return _invitation_problem(request, problem, invitation)
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
