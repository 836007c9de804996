"""The logbook as a story and as it stood on a day: timeline, briefing, report (PDF).

Every page is for members only (a stranger gets 404); a meelezer reads them all and may
ask for a PDF, which changes no project content. Filter values from the query string are
matched against the project's own parties and the method's steps in memory; anything
unknown or malformed means "no filter", and a malformed cursor means page one.
"""

import functools
import re
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkkoers.core.cells import option_tags
from wijkkoers.core.errors import DomainError
from wijkkoers.logbook.models import ReportKind, ReportRun, ReportRunStatus
from wijkkoers.logbook.notices import SESSION_KEY, remember_seen
from wijkkoers.logbook.pdf import render_document
from wijkkoers.logbook.report_queries import (
    KIND_FILTERS,
    Cursor,
    TimelineFilter,
    snapshot,
    timeline,
)
from wijkkoers.logbook.rows import timeline_rows
from wijkkoers.logbook.services.reports import (
    check_as_of,
    mark_briefing_opened,
    request_report,
)
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.projects import freshness
from wijkkoers.projects.access import access_project_for_user, is_public_id, project_context

MIN_YEAR, MAX_YEAR = 1900, 2200


def parse_day(text) -> date | None:
    """A YYYY-MM-DD date within sensible years, or None."""
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR and len(text) == 10 else None


def _party(project, public_id):
    """One of the project's parties by ?partij=, or None (unknown ids are no filter)."""
    if not is_public_id(public_id):
        return None
    return project.parties.filter(public_id=public_id).first()


def _step_choices(catalogue):
    return [(step.key, f"{step.display_number} {step.title}") for step in catalogue.steps.values()]


def _party_options(parties, party) -> str:
    return option_tags(((p.public_id, p.name) for p in parties), party.public_id if party else None)


def _entry_url(project, item) -> str:
    """The entry's own page, named after its kind ("logbook:besluit", ...); none if that
    kind has no page (yet), or for a status change (its step is linked instead)."""
    if item.entry is None:
        return ""
    try:
        return reverse(f"logbook:{item.kind}", args=[project.public_id, item.entry.public_id])
    except NoReverseMatch:
        return ""


def _steps_of(project, catalogue, keys):
    """(label, link) per step key; a key the method no longer has reads as itself."""
    result = []
    for key in keys:
        step = catalogue.steps.get(key)
        if step is None:
            result.append((key, ""))
        else:
            label = f"{step.display_number} {step.title}"
            result.append((label, reverse("projects:step", args=[project.public_id, key])))
    return result


@login_required
def timeline_page(request, project_id):
    """Newest first; ?soort=, ?stap=, ?partij=, ?van=, ?tot= filter, ?ouder= pages."""
    project = access_project_for_user(request.user, project_id)
    catalogue = get_catalogue()
    kinds = [(code, str(label)) for code, label in KIND_FILTERS]
    kind = request.GET.get("soort", "")
    kind = kind if kind in dict(kinds) else ""
    step_key = request.GET.get("stap", "")
    step = catalogue.steps.get(step_key) if isinstance(step_key, str) else None
    start, end = parse_day(request.GET.get("van")), parse_day(request.GET.get("tot"))
    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    parties = SimpleLazyObject(lambda: list(project.parties.order_by("name")))

    @functools.cache
    def chosen_party():
        return next((p for p in parties if p.public_id == request.GET.get("partij")), None)

    party = SimpleLazyObject(chosen_party)

    def filtered_page():
        step_key = step.key if step else ""
        filters = TimelineFilter(
            kind=kind, step_key=step_key, party=chosen_party(), start=start, end=end
        )
        return timeline(project, filters, older_than=Cursor.parse(request.GET.get("ouder")))

    page = SimpleLazyObject(filtered_page)
    rows = SimpleLazyObject(
        lambda: [
            (item, _steps_of(project, catalogue, item.step_keys), _entry_url(project, item))
            for item in page.items
        ]
    )
    return render(
        request,
        "logbook/reports/timeline.html",
        project_context(
            request,
            project,
            active="logbook",
            page=page,
            kind_options=option_tags(kinds, kind),
            step_options=option_tags(_step_choices(catalogue), step.key if step else None),
            step=step,
            rows=rows,
            row_html=SimpleLazyObject(lambda: timeline_rows(rows)),
            parties=parties,
            party_options=SimpleLazyObject(lambda: _party_options(parties, chosen_party())),
            party=party,
            start=start,
            end=end,
            filtered=SimpleLazyObject(lambda: bool(kind or step or chosen_party() or start or end)),
        ),
    )


def _as_of(request, project) -> tuple[date, str]:
    """The day asked for with ?datum= (default today) and a message if it was not usable."""
    today = timezone.localdate()
    text = request.GET.get("datum")
    if not text:
        return today, ""
    day = parse_day(text)
    if day is None:
        return today, _("That is not a date we can read; this is how the project stands today.")
    try:
        check_as_of(project, day)
    except DomainError as error:
        return today, f"{error} " + _("This is how the project stands today.")
    return day, ""


@login_required
def briefing(request, project_id):
    """The briefing for late joiners: the project as it stood on ?datum=, for ?partij=."""
    project = access_project_for_user(request.user, project_id)
    if project.public_id not in request.session.get(SESSION_KEY, []):
        mark_briefing_opened(request.user, project)
        remember_seen(request, project)
    as_of, problem = _as_of(request, project)
    parties = list(project.parties.order_by("name"))
    party = next((p for p in parties if p.public_id == request.GET.get("partij")), None)
    catalogue = get_catalogue()
    return render(
        request,
        "logbook/reports/briefing.html",
        project_context(
            request,
            project,
            active="logbook",
            snap=snapshot(project, as_of, party),
            as_of=as_of,
            today=timezone.localdate(),
            problem=problem,
            parties=parties,
            party_options=_party_options(parties, party),
            party=party,
            step_urls={
                k: reverse("projects:step", args=[project.public_id, k]) for k in catalogue.steps
            },
            runs=_recent_runs(project, ReportKind.BRIEFING),
        ),
    )


@login_required
@require_POST
def dismiss_briefing_notice(request, project_id):
    """ "Hide this notice" on the compass: counts as having seen the briefing."""
    project = access_project_for_user(request.user, project_id)
    mark_briefing_opened(request.user, project)
    remember_seen(request, project)
    return redirect(reverse("projects:compass", args=[project.public_id]))


@login_required
def report(request, project_id):
    """The project report: choose a day, make the PDF, see earlier ones, or print."""
    project = access_project_for_user(request.user, project_id)
    as_of, problem = _as_of(request, project)
    return render(
        request,
        "logbook/reports/report.html",
        project_context(
            request,
            project,
            active="logbook",
            as_of=as_of,
            today=timezone.localdate(),
            problem=problem,
            runs=_recent_runs(project, ReportKind.REPORT),
        ),
    )


def _recent_runs(project, kind, limit=5):
    return list(
        ReportRun.objects.filter(project=project, kind=kind)
        .select_related("party", "requested_by")
        .order_by("-requested_at", "-id")[:limit]
    )


@login_required
def printable(request, project_id, kind):
    """The printable HTML of the briefing or the report: the PDF's own template."""
    project = access_project_for_user(request.user, project_id)
    as_of, _problem = _as_of(request, project)
    party = _party(project, request.GET.get("partij")) if kind == ReportKind.BRIEFING else None
    # The same for every member while the project does not change (projects/freshness.py).
    name = f"printable:{kind}:{as_of.isoformat()}:{party.public_id if party else ''}"
    return HttpResponse(
        freshness.cached(project, name, lambda: render_document(project, kind, as_of, party))
    )


@login_required
@require_POST
def make_pdf(request, project_id):
    """Start making a PDF (a task), then show its progress page."""
    project = access_project_for_user(request.user, project_id)
    kind = request.POST.get("soort")
    if kind not in ReportKind.values:
        raise Http404
    back = "logbook:briefing" if kind == ReportKind.BRIEFING else "logbook:report"
    day = parse_day(request.POST.get("datum")) or timezone.localdate()
    party = _party(project, request.POST.get("partij"))
    try:
        run = request_report(request.user, project, kind=kind, as_of=day, party=party)
    except DomainError as error:
        messages.error(request, str(error))
        return redirect(reverse(back, args=[project.public_id]))
    return redirect(reverse("logbook:report_run", args=[project.public_id, run.public_id]))


def download_name(title: str) -> str:
    """A file name for the download: the title without control characters or path parts."""
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\:]+", " ", title)
    return " ".join(cleaned.split())[:150] + ".pdf"


def _access_run(project, public_id) -> ReportRun:
    if not is_public_id(public_id):
        raise Http404
    run = (
        ReportRun.objects.filter(project=project, public_id=public_id)
        .select_related("party", "requested_by")
        .first()
    )
    if run is None:
        raise Http404
    return run


@login_required
def report_run(request, project_id, run_id):
    """Progress of one PDF; htmx polls the status part, without JavaScript the page refreshes."""
    project = access_project_for_user(request.user, project_id)
    run = _access_run(project, run_id)
    busy = run.is_busy and not run.is_stale
    template = "logbook/reports/report_run.html"
    if request.htmx:
        template += "#status"
    response = render(
        request,
        template,
        project_context(request, project, active="logbook", run=run, busy=busy),
    )
    if busy and not request.htmx:
        response["Refresh"] = "3"
    return response


@login_required
def report_download(request, project_id, run_id):
    """The finished PDF, for members only, as an attachment."""
    project = access_project_for_user(request.user, project_id)
    run = _access_run(project, run_id)
    if run.status != ReportRunStatus.DONE or not run.file:
        raise Http404
    name = download_name(f"{run.get_kind_display()} {project.name} {run.as_of.isoformat()}")
    response = FileResponse(run.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
