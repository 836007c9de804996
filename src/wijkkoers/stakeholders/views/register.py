"""The stakeholder register, a stakeholder's page, its edit and assessment forms, and the
power-interest map. Members read; teamleden and projectleiders write (through the services)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wijkkoers.audit.queries import history_of
from wijkkoers.core.cells import Cells
from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import access_project_for_user, is_public_id, project_context
from wijkkoers.projects.rules import can
from wijkkoers.stakeholders.errors_register import StakeholderConflict
from wijkkoers.stakeholders.forms_register import (
    NEW,
    AssessmentForm,
    MovementForm,
    PriorityFormSet,
    StakeholderAddForm,
    StakeholderEditForm,
    priority_initial,
    ranked_priorities,
)
from wijkkoers.stakeholders.models import Position, Stakeholder
from wijkkoers.stakeholders.queries_register import (
    HIGH,
    PAGE_FIELDS,
    QUADRANTS,
    grid,
    power_map,
    quadrant_of,
    register_rows,
    stakeholder_history,
)
from wijkkoers.stakeholders.services.register import (
    FIELDS,
    record_assessment,
    record_new_organisation,
    record_stakeholder,
    remove_stakeholder,
    update_stakeholder,
)

EDIT = "projects.edit_content_project"
ADD_PARTY = "projects.add_party_project"  # the one rule for new parties, also on settings
VIEW = "projects.view_project"


def _project(request, project_id, *, write=False):
    return access_project_for_user(request.user, project_id, perm=EDIT if write else VIEW)


def _stakeholder(project, stakeholder_id) -> Stakeholder:
    """One of this project's stakeholders, with its party, or 404."""
    if not is_public_id(stakeholder_id):
        raise Http404
    found = (
        Stakeholder.objects.select_related("party", "project")
        .filter(project=project, public_id=stakeholder_id)
        .first()
    )
    if found is None:
        raise Http404
    found.project = project  # the one whose role is already known
    return found


def _for_display(project, rows) -> list:
    """Labels, links and dates per row worked out once per page, not per template lookup:
    the register and the map list hundreds of rows (bench: 300)."""
    base = reverse("stakeholders:register", args=[project.public_id])
    positions = {value: str(label) for value, label in Position.choices}
    quadrants = {quadrant.key: str(quadrant.name) for quadrant in QUADRANTS}
    not_assessed = _("not assessed yet")
    dates: dict = {}

    def shown(day):
        if day is None:
            return None
        if day not in dates:
            dates[day] = {"iso": day.isoformat(), "text": formats.date_format(day, "j M Y")}
        return dates[day]

    then_text = _("power %(power)s, interest %(interest)s")
    moved_text = _("from %(power)s/%(interest)s to %(now_power)s/%(now_interest)s")
    for row in rows:
        row.url = f"{base}{row.public_id}/"
        if getattr(row, "then_power", None):
            scores = {"power": row.then_power, "interest": row.then_interest}
            row.then_text = then_text % scores
            now = {"now_power": row.now_power, "now_interest": row.now_interest}
            row.moved_text = moved_text % (scores | now)
        row.position_label = positions.get(row.position, row.position)
        row.quadrant_name = quadrants[row.quadrant.key] if row.quadrant else not_assessed
        row.now_on_shown = shown(row.now_on)
        row.then_on_shown = shown(getattr(row, "then_on", None))
    return rows


def _points_svg(placed) -> str:
    """The map's arrows and points as SVG text, built here rather than in the template: with
    300 stakeholders the template engine's per-variable cost was most of the page's time.
    Numbers are plain Python floats (a decimal point, never a localised comma)."""
    power, interest = _("power"), _("interest")
    parts = [
        '<g class="power-map__move">'
        f'<circle class="power-map__then" cx="{m.x1}" cy="{m.y1}" r="3"/>'
        f'<line class="power-map__arrow" x1="{m.x1}" y1="{m.y1}" x2="{m.x2}" y2="{m.y2}" '
        'marker-end="url(#kaart-pijlpunt)"/></g>'
        for m in (row.movement for row in placed if row.movement)
    ]
    parts += [
        f'<g class="power-map__point"><title>{row.number}. {escape(row.party.name)}: '
        f"{power} {row.now_power}, {interest} {row.now_interest}</title>"
        f'<circle cx="{row.x}" cy="{row.y}" r="{row.r}"/>'
        f'<text x="{row.x}" y="{row.y}" font-size="{row.label_size}" text-anchor="middle" '
        f'dominant-baseline="central">{row.number}</text></g>'
        for row in placed
    ]
    return mark_safe("".join(parts))  # noqa: S308 - numbers, and names escaped above


def _register_rows(rows) -> str:
    """The register's table rows as list.html wrote them in its loop (the same HTML, tested),
    built here: with 300 stakeholders the loop's variable lookups were most of the page."""
    cell = Cells()
    return mark_safe(  # noqa: S308 - every value is escaped by cell()
        "".join(
            "\n            <tr>\n"
            f'              <th scope="row"><a href="{cell(row.url)}">{cell(row.party.name)}</a>'
            f' <span class="register-kind">{cell(row.party.type_label)}</span></th>\n'
            f"              <td>{cell(row.role_in_project, '—')}</td>\n"
            f"              <td>{cell(row.position_label)}</td>\n"
            f"              <td>{cell(row.top_priority, '—')}</td>\n"
            f"              <td>{cell(row.now_power, '—')}</td>\n"
            f"              <td>{cell(row.now_interest, '—')}</td>\n"
            f"              <td>{cell(row.quadrant_name)}</td>\n"
            f"              <td>{cell.day(row.now_on_shown)}</td>\n"
            "            </tr>\n          "
            for row in rows
        )
    )


def _map_rows(rows, since) -> str:
    """The map's table rows as map.html wrote them in its loop (the same HTML, tested)."""
    cell = Cells()
    not_then, no_change = escape(_("not assessed then")), escape(_("no change"))

    def then(row) -> str:
        if not row.then_power:
            return not_then
        day = cell.day(row.then_on_shown)
        return f'{cell(row.then_text)} <span class="hint">({day})</span>'

    def moved(row) -> str:
        if row.movement:
            arrow = cell(row.movement.arrow)
            return f'<span aria-hidden="true" class="register-arrow">{arrow}</span> {cell(row.moved_text)}'
        return no_change if row.then_power else "—"

    def since_cells(row) -> str:
        if not since:
            return ""
        return (
            f"\n                <td>{then(row)}</td>\n"
            f"                <td>{moved(row)}</td>\n              "
        )

    return mark_safe(  # noqa: S308 - every value is escaped by cell() or escape()
        "".join(
            "\n            <tr>\n"
            f"              <td>{cell(row.number)}</td>\n"
            f'              <th scope="row"><a href="{cell(row.url)}">{cell(row.party.name)}</a></th>\n'
            f"              <td>{cell(row.now_power, '—')}</td>\n"
            f"              <td>{cell(row.now_interest, '—')}</td>\n"
            f"              <td>{cell(row.quadrant_name)}</td>\n"
            f"              <td>{cell.day(row.now_on_shown)}</td>\n"
            f"              {since_cells(row)}\n"
            "            </tr>\n          "
            for row in rows
        )
    )


def _render(request, template, project, **extra):
    return render(
        request,
        f"stakeholders/register/{template}",
        project_context(request, project, active="tools", **extra),
    )


@login_required
def register(request, project_id):
    project = _project(request, project_id)
    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    rows = SimpleLazyObject(
        lambda: _for_display(project, register_rows(project, fields=PAGE_FIELDS))
    )
    row_html = SimpleLazyObject(lambda: _register_rows(rows))
    return _render(request, "list.html", project, rows=rows, row_html=row_html, quadrants=QUADRANTS)


@login_required
def add(request, project_id):
    project = _project(request, project_id, write=True)
    form = StakeholderAddForm(
        request.POST or None,
        project=project,
        new_organisation=can(request.user, ADD_PARTY, project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["party"] == NEW:
                stakeholder = record_new_organisation(
                    request.user,
                    project,
                    organisation=form.organisation(),
                    data=form.stakeholder_data(),
                )
            else:
                stakeholder = record_stakeholder(
                    request.user, project, party=form.chosen_party, data=form.stakeholder_data()
                )
        except DomainError as error:
            # add_party's errors name the same fields: name, party_type, other_type.
            error.add_to_form(form)
        else:
            messages.success(request, _("The stakeholder has been added to the register."))
            return redirect("stakeholders:stakeholder", project.public_id, stakeholder.public_id)
    return _render(request, "add.html", project, form=form)


@login_required
def detail(request, project_id, stakeholder_id):
    project = _project(request, project_id)
    stakeholder = _stakeholder(project, stakeholder_id)
    assessments = stakeholder_history(stakeholder)
    newest = assessments[0] if assessments else None
    return _render(
        request,
        "detail.html",
        project,
        stakeholder=stakeholder,
        priorities=list(stakeholder.priorities.all()),
        assessments=assessments,
        quadrant=quadrant_of(newest.power, newest.interest) if newest else None,
        history=history_of(project, "stakeholder", stakeholder.public_id),
    )


@login_required
def edit(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    conflict = None
    if request.method == "POST":
        form = StakeholderEditForm(request.POST)
        formset = PriorityFormSet(request.POST, prefix="prioriteit")
        if form.is_valid() and formset.is_valid():
            try:
                update_stakeholder(
                    request.user,
                    stakeholder,
                    form.stakeholder_data(ranked_priorities(formset)),
                    expected_version=form.cleaned_data["version"],
                )
            except StakeholderConflict as error:
                error.add_to_form(form)
                conflict = error.current
                form.data = form.data.copy()
                form.data["version"] = conflict.version
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("The stakeholder has been saved."))
                return redirect("stakeholders:stakeholder", project.public_id, stakeholder_id)
    else:
        initial = {name: getattr(stakeholder, name) for name in FIELDS}
        form = StakeholderEditForm(initial={**initial, "version": stakeholder.version})
        formset = PriorityFormSet(initial=priority_initial(stakeholder), prefix="prioriteit")
    return _render(
        request,
        "edit.html",
        project,
        stakeholder=stakeholder,
        form=form,
        formset=formset,
        conflict=conflict,
        conflict_priorities=list(conflict.priorities.all()) if conflict else [],
    )


@login_required
def assess(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    form = AssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_assessment(request.user, stakeholder, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("The assessment has been recorded."))
            return redirect("stakeholders:stakeholder", project.public_id, stakeholder_id)
    return _render(request, "assess.html", project, stakeholder=stakeholder, form=form, high=HIGH)


@login_required
def remove(request, project_id, stakeholder_id):
    project = _project(request, project_id, write=True)
    stakeholder = _stakeholder(project, stakeholder_id)
    problem = None
    if request.method == "POST":
        try:
            remove_stakeholder(request.user, stakeholder)
        except DomainError as error:
            problem = error.message
        else:
            messages.success(request, _("The stakeholder has been removed from the register."))
            return redirect("stakeholders:register", project.public_id)
    return _render(
        request,
        "remove.html",
        project,
        stakeholder=stakeholder,
        assessment_count=stakeholder.assessments.count(),
        problem=problem,
    )


@login_required
def map_page(request, project_id):
    project = _project(request, project_id)
    form = MovementForm(request.GET or None)
    since = form.cleaned_data["sinds"] if form.is_bound and form.is_valid() else None

    # Lazy: the template renders these only when its cached copy is stale (projectcache).
    def shown():
        result = power_map(project, since=since)
        _for_display(project, result.rows)
        return result

    result = SimpleLazyObject(shown)
    return _render(
        request,
        "map.html",
        project,
        form=form,
        since=since,
        map=result,
        row_html=SimpleLazyObject(lambda: _map_rows(result.rows, result.since)),
        points=SimpleLazyObject(lambda: _points_svg(result.placed)),
        grid=grid(),
        high=HIGH,
        quadrants=QUADRANTS,
    )
