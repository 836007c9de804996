"""A project's parties: the settings page adds them, this page renames or retypes one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import access_party, access_project_for_user, project_context
from wijkkoers.projects.forms import PartyForm
from wijkkoers.projects.services import PARTY_FIELDS, update_party


@login_required
def party_edit(request, project_id, party_id):
    """Change one of the project's parties (projectleider only)."""
    project = access_project_for_user(request.user, project_id, perm="projects.manage_project")
    party = access_party(project, party_id)
    initial = {field: getattr(party, field) for field in PARTY_FIELDS}
    form = PartyForm(request.POST or None, initial=initial, party=party, prefix="party")
    if request.method == "POST" and form.is_valid():
        try:
            update_party(request.user, party, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The party has been saved."))
            return redirect("projects:settings", project.public_id)
    return render(
        request,
        "projects/party_form.html",
        project_context(request, project, party=party, form=form),
    )
