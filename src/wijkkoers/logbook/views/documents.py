"""Documents, links and the project's logbook search. Members read; teamleden add and
withdraw (while the project is open); everyone else gets a 404."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.logbook.access_documents import (
    access_document,
    access_link,
    access_logbook_project,
)
from wijkkoers.logbook.forms_documents import DocumentForm, LinkForm, SearchForm, WithdrawForm
from wijkkoers.logbook.queries_documents import (
    documents_page,
    entry_steps,
    entry_url,
    links_page,
)
from wijkkoers.logbook.search import kind_label, search_entries
from wijkkoers.logbook.services.documents import (
    add_link,
    upload_document,
    withdraw_document,
    withdraw_link,
)
from wijkkoers.projects.access import project_context
from wijkkoers.projects.rules import can


def _context(request, project, **extra):
    return project_context(request, project, active="logbook", **extra)


def _step_param(request) -> str | None:
    return request.GET.get("stap") or None


def _rows(page):
    """(object, its named steps) for a page of documents or links."""
    return [(obj, entry_steps(obj.entry)) for obj in page]


# --- Documents ----------------------------------------------------------------------------


@login_required
@require_GET
def document_list(request, project_id):
    project = access_logbook_project(request.user, project_id)
    page = documents_page(project, request.GET.get("pagina"))
    can_edit = can(request.user, "projects.edit_content_project", project)
    form = DocumentForm(project=project, step=_step_param(request)) if can_edit else None
    return render(
        request,
        "logbook/documents/document_list.html",
        _context(request, project, page=page, rows=_rows(page), form=form),
    )


@login_required
def document_add(request, project_id):
    """The upload form on its own page (the list shows it too); POST stores the file."""
    project = access_logbook_project(request.user, project_id, write=True)
    if request.method != "POST":
        form = DocumentForm(project=project, step=_step_param(request))
    else:
        form = DocumentForm(request.POST, request.FILES, project=project)
        if form.is_valid():
            data = form.cleaned_data
            try:
                document = upload_document(
                    request.user,
                    project,
                    upload=data["file"],
                    title=data["title"],
                    occurred_on=data["occurred_on"],
                    step_keys=data["steps"],
                    parties=data.get("parties") or (),
                )
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("The document has been added."))
                return redirect("logbook:document", project.public_id, document.entry.public_id)
    status = 400 if form.errors else 200
    return render(
        request,
        "logbook/documents/document_add.html",
        _context(request, project, form=form),
        status=status,
    )


def _item_page(request, project, name: str, item, withdraw_form=None, status=200):
    """The page of a document or a link (`name`), with the withdraw form for editors."""
    can_edit = can(request.user, "projects.edit_content_project", project)
    if withdraw_form is None and can_edit and not item.entry.withdrawn_at:
        withdraw_form = WithdrawForm()
    return render(
        request,
        f"logbook/documents/{name}_detail.html",
        _context(
            request,
            project,
            **{name: item},
            entry=item.entry,
            steps=entry_steps(item.entry),
            parties=list(item.entry.parties.order_by("name")),
            withdraw_form=withdraw_form if can_edit else None,
        ),
        status=status,
    )


def _withdraw(request, project, name: str, item, service, done: str):
    """Withdraw a document or a link (`name`) with the reason posted; back to its page."""
    form = WithdrawForm(request.POST)
    if form.is_valid():
        try:
            service(request.user, item, reason=form.cleaned_data["reason"])
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, done)
            return redirect(f"logbook:{name}", project.public_id, item.entry.public_id)
    return _item_page(request, project, name, item, withdraw_form=form, status=400)


@login_required
@require_GET
def document_detail(request, project_id, document_id):
    project = access_logbook_project(request.user, project_id)
    return _item_page(request, project, "document", access_document(project, document_id))


@login_required
@require_POST
def document_withdraw(request, project_id, document_id):
    project = access_logbook_project(request.user, project_id, write=True)
    document = access_document(project, document_id)
    done = _("The document has been withdrawn.")
    return _withdraw(request, project, "document", document, withdraw_document, done)


def content_disposition(name: str) -> str:
    """`attachment` with the name safely encoded: an ASCII fallback without quotes,
    backslashes or control characters, and the exact name as RFC 5987 UTF-8."""
    fallback = (
        "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\;' else "_" for ch in name).strip()
        or "document"
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@login_required
@require_GET
def document_download(request, project_id, document_id):
    """The stored file, for members only, as an attachment with its stored content type."""
    project = access_logbook_project(request.user, project_id)
    document = access_document(project, document_id)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition(document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Links --------------------------------------------------------------------------------


@login_required
def link_list(request, project_id):
    """The project's links; a teamlid adds one with the form on the same page."""
    project = access_logbook_project(request.user, project_id)
    can_edit = can(request.user, "projects.edit_content_project", project)
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404  # a meelezer cannot write; the page never offered the form
        form = LinkForm(request.POST, project=project)
        if form.is_valid():
            data = form.cleaned_data
            try:
                link = add_link(
                    request.user,
                    project,
                    title=data["title"],
                    url=data["url"],
                    occurred_on=data["occurred_on"],
                    step_keys=data["steps"],
                    parties=data.get("parties") or (),
                )
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("The link has been added."))
                return redirect("logbook:link", project.public_id, link.entry.public_id)
        status = 400
    else:
        form = LinkForm(project=project, step=_step_param(request)) if can_edit else None
    page = links_page(project, request.GET.get("pagina"))
    return render(
        request,
        "logbook/documents/link_list.html",
        _context(request, project, page=page, rows=_rows(page), form=form),
        status=status,
    )


@login_required
@require_GET
def link_detail(request, project_id, link_id):
    project = access_logbook_project(request.user, project_id)
    return _item_page(request, project, "link", access_link(project, link_id))


@login_required
@require_POST
def link_withdraw(request, project_id, link_id):
    project = access_logbook_project(request.user, project_id, write=True)
    link = access_link(project, link_id)
    done = _("The link has been withdrawn.")
    return _withdraw(request, project, "link", link, withdraw_link, done)


# --- Search -------------------------------------------------------------------------------


@login_required
@require_GET
def search(request, project_id):
    """Search the project's logbook; any text gives a page."""
    project = access_logbook_project(request.user, project_id)
    raw = request.GET.get("q", "")
    results = search_entries(project, raw) if raw.strip() else None
    rows = (
        [(entry, kind_label(entry.kind), entry_url(project, entry)) for entry in results.entries]
        if results
        else []
    )
    form = SearchForm(initial={"q": results.query if results else ""})
    return render(
        request,
        "logbook/documents/search.html",
        _context(request, project, form=form, results=results, rows=rows),
    )
