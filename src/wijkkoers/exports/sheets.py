"""The spreadsheets of a project: progress, decisions, agreements, stakeholders, indicators,
measurements, the RACI matrix and linking opportunities.

Each is a `registry.Sheet`. Rows hold labels (the Dutch words a user sees), never stored
codes, and cost a fixed number of queries whatever the project's size.
"""

from django.utils.translation import gettext_lazy as _

from wijkkoers.exports.registry import Sheet, register_sheet
from wijkkoers.goals.models import Measurement
from wijkkoers.goals.queries import indicator_rows
from wijkkoers.goals.status import Standing
from wijkkoers.logbook.models import (
    Agreement,
    AgreementRevision,
    AgreementStatus,
    Decision,
    DecisionRevision,
    DecisionStatus,
)
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.opportunities.models import Kind, Opportunity
from wijkkoers.opportunities.models import Status as OpportunityStatus
from wijkkoers.opportunities.queries import window_text
from wijkkoers.projects.models import Party, StepStatus
from wijkkoers.raci.models import RaciCell, RaciRow
from wijkkoers.stakeholders.models import Assessment, Position, Priority, Stakeholder


def _label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value)) if value else ""


def _name(user) -> str:
    return user.display_name if user else ""


def _joined(values) -> str:
    return ", ".join(values)


def _step_names(keys) -> str:
    steps = get_catalogue().steps
    return _joined(
        f"{steps[key].display_number} {steps[key].title}" if key in steps else key for key in keys
    )


def progress_rows(project):
    catalogue = get_catalogue()
    progress = {
        (row.step_key, row.subproject_id): row
        for row in project.progress.select_related("owner", "subproject")
    }
    subprojects = list(project.subprojects.order_by("name"))
    for phase in catalogue.phases:
        for step in phase.steps:
            for sub in [None, *subprojects]:
                row = progress.get((step.key, sub.pk if sub else None))
                if sub is not None and row is None:
                    continue
                yield [
                    f"{phase.number}. {phase.title}",
                    step.display_number,
                    step.title,
                    sub.name if sub else "",
                    _label(StepStatus, row.status if row else StepStatus.NOT_STARTED),
                    _name(row.owner) if row else "",
                    row.target_date if row else None,
                    row.finished_at.date() if row and row.finished_at else None,
                    row.reason if row else "",
                    row.note if row else "",
                    row.updated_at if row else None,
                ]


def _party_names(model, name, project, prefix) -> dict:
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source = f"{field.m2m_field_name()}_id"
    rows = through.objects.filter(**{f"{field.m2m_field_name()}__{prefix}": project})
    names: dict = {}
    for owner, party in rows.order_by(f"{field.m2m_reverse_field_name()}__name").values_list(
        source, f"{field.m2m_reverse_field_name()}__name"
    ):
        names.setdefault(owner, []).append(party)
    return names


def _current(revision_model, owner_model, project):
    """The newest revision of each decision or agreement (what the entry says now)."""
    current = owner_model.objects.filter(entry__project=project).values("current_id")
    return revision_model.objects.filter(pk__in=current)


def decision_rows(project):
    prefix = "decision__entry__project"
    agreed = _party_names(DecisionRevision, "parties_agreed", project, prefix)
    objected = _party_names(DecisionRevision, "parties_objected", project, prefix)
    revisions = _current(DecisionRevision, Decision, project)
    for revision in revisions.select_related("decision__entry", "created_by").order_by(
        "-decision__entry__occurred_on", "-decision__entry_id"
    ):
        entry = revision.decision.entry
        yield [
            revision.title,
            _label(DecisionStatus, revision.status),
            revision.decided_on,
            revision.decided_by,
            _step_names(revision.step_keys),
            _joined(agreed.get(revision.pk, [])),
            _joined(objected.get(revision.pk, [])),
            revision.text,
            revision.rationale,
            revision.number,
            entry.withdrawal_reason,
            entry.created_at,
            _name(revision.created_by),
        ]


def agreement_rows(project):
    revisions = _current(AgreementRevision, Agreement, project).select_related(
        "agreement__entry", "owner_member__user", "owner_party", "created_by"
    )
    for revision in revisions.order_by("-agreement__entry__occurred_on", "-agreement__entry_id"):
        member = revision.owner_member
        yield [
            revision.title,
            _label(AgreementStatus, revision.status),
            revision.made_on,
            revision.due_on,
            _name(member.user) if member else "",
            revision.owner_party.name if revision.owner_party else "",
            revision.status_reason,
            _step_names(revision.step_keys),
            revision.text,
            revision.number,
            _name(revision.created_by),
        ]


def stakeholder_rows(project):
    newest: dict = {}
    for assessment in Assessment.objects.filter(project=project).order_by("-assessed_on", "-id"):
        newest.setdefault(assessment.stakeholder_id, assessment)
    priorities: dict = {}
    for priority in Priority.objects.filter(stakeholder__project=project).order_by("rank"):
        priorities.setdefault(priority.stakeholder_id, []).append(priority.text)
    kinds = {party_type.key: party_type.name for party_type in get_catalogue().parties}
    rows = Stakeholder.objects.filter(project=project).select_related("party")
    for stakeholder in rows.order_by("party__name"):
        party, assessment = stakeholder.party, newest.get(stakeholder.pk)
        yield [
            party.name,
            party.other_type
            if party.party_type == Party.OTHER
            else kinds.get(party.party_type, ""),
            stakeholder.role_in_project,
            _label(Position, stakeholder.position),
            assessment.power if assessment else None,
            assessment.interest if assessment else None,
            assessment.assessed_on if assessment else None,
            stakeholder.interests,
            stakeholder.ambition_neighbourhood,
            stakeholder.ambition_own_property,
            "; ".join(priorities.get(stakeholder.pk, [])),
            stakeholder.contact_name,
        ]


def _owner(member, party) -> str:
    """A tool's owner: the member's name, else the party's."""
    if member is not None:
        return _name(member.user)
    return party.name if party is not None else ""


def indicator_rows_of(project):
    """Current indicators first, then retired ones; each with its newest counting
    measurement and standing (two queries)."""
    rows = indicator_rows(project) + indicator_rows(project, retired=True)
    for row in rows:
        indicator = row.indicator
        yield [
            indicator.name,
            indicator.unit,
            indicator.baseline_value,
            indicator.baseline_on,
            indicator.target_value,
            indicator.deadline,
            row.newest_value,
            row.newest_on,
            _label(Standing, row.standing),
            _owner(indicator.owner_member, indicator.owner_party),
            indicator.verification,
            indicator.retired_at,
            indicator.retirement_reason,
        ]


def measurement_rows_of(project):
    """Every measurement, corrected ones too (marked as no longer counting)."""
    rows = Measurement.objects.filter(indicator__project=project).select_related(
        "indicator", "created_by", "corrects", "correction"
    )
    for row in rows.order_by("indicator__name", "indicator_id", "measured_on", "id"):
        try:
            replaced = row.correction is not None
        except Measurement.DoesNotExist:
            replaced = False
        corrects = row.corrects
        yield [
            row.indicator.name,
            row.indicator.unit,
            row.measured_on,
            row.value,
            str(_("No") if replaced else _("Yes")),
            f"{corrects.value} ({corrects.measured_on.isoformat()})" if corrects else "",
            row.note,
            row.created_at,
            _name(row.created_by),
        ]


def raci_rows(project):
    """A row per activity or step; per letter the roles that hold it (two queries)."""
    letters: dict = {}
    cells = RaciCell.objects.filter(row__project=project).select_related("role")
    for cell in cells.order_by("role__name", "role_id"):
        letters.setdefault(cell.row_id, {}).setdefault(cell.letter, []).append(cell.role.name)
    for row in RaciRow.objects.filter(project=project).order_by("created_at", "id"):
        held = letters.get(row.pk, {})
        yield [
            row.activity,
            _step_names([row.step_key] if row.step_key else []),
            *(_joined(held.get(letter, [])) for letter in "ARCI"),
        ]


def opportunity_rows(project):
    rows = Opportunity.objects.filter(project=project).select_related(
        "owner_member__user", "owner_party"
    )
    for row in rows:
        yield [
            row.title,
            _label(Kind, row.kind),
            _label(OpportunityStatus, row.status),
            window_text(row),
            row.window_start,
            row.window_end,
            _owner(row.owner_member, row.owner_party),
            _step_names(row.step_keys),
            row.description,
        ]


PROGRESS = (
    _("Phase"), _("Step number"), _("Step"), _("Sub-project"), _("Status"), _("Owner"),
    _("Target date"), _("Finished on"), _("Reason (not applicable)"), _("Note"),
    _("Last changed"),
)  # fmt: skip
DECISIONS = (
    _("Decision"), _("Status"), _("Date decided"), _("Decided by"), _("Steps"),
    _("Parties that agreed"), _("Parties that objected"), _("Text"), _("Rationale"),
    _("Version"), _("Reason for withdrawal"), _("Recorded at"), _("Last version by"),
)  # fmt: skip
AGREEMENTS = (
    _("Agreement"), _("Status"), _("Agreed on"), _("Due date"), _("Owner (member)"),
    _("Owner (party)"), _("Reason"), _("Steps"), _("Details"), _("Version"),
    _("Last version by"),
)  # fmt: skip
STAKEHOLDERS = (
    _("Party"), _("Kind of party"), _("Role in the project"), _("Position"), _("Power (1-5)"),
    _("Interest (1-5)"), _("Assessed on"), _("Interests"), _("Ambition for the neighbourhood"),
    _("Ambition for its own property"), _("Priorities"), _("Contact person"),
)  # fmt: skip

INDICATORS = (
    _("Indicator"), _("Unit"), _("Baseline value"), _("Baseline date"), _("Target value"),
    _("Deadline"), _("Newest measurement"), _("Newest measurement on"), _("Status"),
    _("Owner"), _("How it is verified"), _("Retired at"), _("Reason for retiring"),
)  # fmt: skip
MEASUREMENTS = (
    _("Indicator"), _("Unit"), _("Date measured"), _("Value"), _("Counts"), _("Corrects"),
    _("Note"), _("Recorded at"), _("Recorded by"),
)  # fmt: skip
RACI = (
    _("Activity"), _("Step"), _("Accountable (A)"), _("Responsible (R)"), _("Consulted (C)"),
    _("Informed (I)"),
)  # fmt: skip
OPPORTUNITIES = (
    _("Linking opportunity"), _("Kind"), _("Status"), _("Window"), _("Window from"),
    _("Window until"), _("Owner"), _("Steps"), _("Description"),
)  # fmt: skip


def register() -> None:
    register_sheet(Sheet("voortgang", _("Progress"), PROGRESS, progress_rows, order=10))
    register_sheet(Sheet("besluiten", _("Decisions"), DECISIONS, decision_rows, order=20))
    register_sheet(Sheet("afspraken", _("Agreements"), AGREEMENTS, agreement_rows, order=30))
    register_sheet(
        Sheet("belanghebbenden", _("Stakeholders"), STAKEHOLDERS, stakeholder_rows, order=40)
    )
    register_sheet(Sheet("indicatoren", _("Indicators"), INDICATORS, indicator_rows_of, order=50))
    register_sheet(
        Sheet("metingen", _("Measurements"), MEASUREMENTS, measurement_rows_of, order=60)
    )
    register_sheet(Sheet("raci", _("Roles (RACI)"), RACI, raci_rows, order=65))
    register_sheet(
        Sheet("koppelkansen", _("Linking opportunities"), OPPORTUNITIES, opportunity_rows, order=70)
    )
