"""Downloads of a project (spreadsheets for members, the full export for the project
leader) and the import of a project from another installation."""

import io
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.exports import registry, spreadsheet
from wijkkoers.exports.errors import ImportRefused
from wijkkoers.exports.forms import ImportForm
from wijkkoers.exports.queries import placeholders_of
from wijkkoers.exports.services import export_project, import_project
from wijkkoers.projects import freshness
from wijkkoers.projects.access import access_project_for_user, project_context

MANAGE = "projects.manage_project"
TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


def _download(content: bytes, name: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=TYPES[extension])
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _file_name(project, part: str) -> str:
    return f"{slugify(project.name)[:60] or 'project'}-{part}-{date.today().isoformat()}"


@login_required
@require_GET
def index(request, project_id):
    """The project's downloads: each sheet as CSV or XLSX, all sheets, the full export."""
    project = access_project_for_user(request.user, project_id)
    return render(
        request,
        "exports/index.html",
        project_context(
            request,
            project,
            active="export",
            sheets=registry.sheets(),
            placeholders=placeholders_of(project),
        ),
    )


@login_required
@require_GET
def sheet(request, project_id, key, extension):
    """One sheet as CSV or XLSX: every member may download (members read everything)."""
    project = access_project_for_user(request.user, project_id)
    found = registry.get_sheet(key)
    if found is None or extension not in ("csv", "xlsx"):
        raise Http404

    def write():
        rows = found.rows(project)
        if extension == "csv":
            return spreadsheet.write_csv(found.columns, rows)
        return spreadsheet.write_xlsx([(found.title, found.columns, rows)])

    # The same file for every member while the project does not change (projects/freshness.py).
    content = freshness.cached(project, f"sheet:{key}:{extension}", write)
    return _download(content, _file_name(project, key), extension)


@login_required
@require_GET
def workbook(request, project_id):
    """Every sheet in one XLSX file."""
    project = access_project_for_user(request.user, project_id)
    content = freshness.cached(
        project,
        "workbook",
        lambda: spreadsheet.write_xlsx(
            [(found.title, found.columns, found.rows(project)) for found in registry.sheets()]
        ),
    )
    return _download(content, _file_name(project, "tabellen"), "xlsx")


@login_required
@require_POST
def full_export(request, project_id):
    """The whole project as a zip (project.json and files/), for the project leader."""
    project = access_project_for_user(request.user, project_id, perm=MANAGE)
    out = io.BytesIO()
    export_project(request.user, project, out)
    return _download(out.getvalue(), _file_name(project, "export"), "zip")


@login_required
def import_view(request):
    """Upload an export of another installation; the new project opens when it worked."""
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            result = import_project(request.user, form.cleaned_data["file"].read())
        except ImportRefused as refused:
            refused.add_to_form(form)
            problems = refused.problems
        except DomainError as error:
            error.add_to_form(form)
        else:
            _imported_message(request, result)
            return redirect("projects:compass", result.project.public_id)
    status = 400 if form.errors else 200
    context = {"form": form, "problems": problems}
    return render(request, "exports/import.html", context, status=status)


def _imported_message(request, result) -> None:
    text = _("The project has been imported.")
    if result.placeholders:
        text += " " + _(
            "These members have no account here and are kept as names only: %(names)s."
        ) % {"names": ", ".join(result.placeholders)}
    messages.success(request, text)
