from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects.forms import ProjectForm
from wijkkoers.projects.queries import memberships_of, portfolio_for
from wijkkoers.projects.services import create_project


@login_required
def portfolio(request):
    """All projects of the user, with their phase and progress: a programme overview."""
    rows = portfolio_for(get_catalogue(), memberships_of(request.user))
    return render(request, "projects/portfolio.html", {"rows": rows})


@login_required
def project_create(request):
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        hoods = [(data["neighbourhood"], data["cbs_code"])] if data["neighbourhood"] else []
        project = create_project(
            request.user,
            name=data["name"],
            municipality=data["municipality"],
            description=data["description"],
            start_date=data["start_date"],
            neighbourhoods=hoods,
        )
        messages.success(request, _("The project has been created. Invite your team."))
        return redirect("projects:members", project.public_id)
    return render(request, "projects/project_form.html", {"form": form})
