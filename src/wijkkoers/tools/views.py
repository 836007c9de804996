"""The project's working tools: one overview page with each tool's current state."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from wijkkoers.projects.access import access_project_for_user, project_context
from wijkkoers.tools.queries import project_tools


@login_required
def index(request, project_id):
    project = access_project_for_user(request.user, project_id)
    return render(
        request,
        "tools/index.html",
        project_context(request, project, active="tools", tools=project_tools(project)),
    )
