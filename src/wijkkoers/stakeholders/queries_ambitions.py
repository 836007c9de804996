"""Reads of the ambitions part: the matrix, tensions, mutual gains, the checklist, the
summary. Each costs a fixed number of queries, whatever the number of rows."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkkoers.logbook.models import Entry, EntryKind
from wijkkoers.projects.access import is_public_id
from wijkkoers.projects.models import Project
from wijkkoers.stakeholders import mga
from wijkkoers.stakeholders.models import (
    ChecklistMark,
    MutualGain,
    Severity,
    Stakeholder,
    Tension,
    TensionStatus,
)

OPEN_STATUSES = (TensionStatus.OPEN, TensionStatus.DISCUSSED)
MUNICIPALITY = "gemeente"


def matrix_rows(project: Project) -> list[Stakeholder]:
    """Every stakeholder of the project with its party, by name (one query)."""
    return list(project.stakeholders.select_related("party").order_by("party__name", "pk"))


def access_stakeholder(project: Project, public_id: str) -> Stakeholder:
    """One of this project's stakeholders by its public id, or 404."""
    if not is_public_id(public_id):
        raise Http404
    found = project.stakeholders.select_related("party").filter(public_id=public_id).first()
    if found is None:
        raise Http404
    return found


def is_municipality(stakeholder: Stakeholder) -> bool:
    return stakeholder.party.party_type == MUNICIPALITY


def _linked(queryset):
    return queryset.prefetch_related(
        Prefetch("stakeholders", queryset=Stakeholder.objects.select_related("party")),
        Prefetch("decisions", queryset=Entry.objects.order_by("occurred_on", "pk")),
    )


@dataclass(frozen=True)
class TensionFilter:
    status: str = ""
    severity: str = ""

    @classmethod
    def from_query(cls, params) -> "TensionFilter":
        """?status=…&ernst=…; an unknown value is no filter."""
        status = params.get("status", "")
        severity = params.get("ernst", "")
        return cls(
            status=status if status in TensionStatus.values else "",
            severity=severity if severity in Severity.values else "",
        )


SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def tension_list(project: Project, filters: TensionFilter = TensionFilter()) -> list[Tension]:
    """The project's tensions, newest first, with stakeholders and decisions (3 queries)."""
    rows = project.tensions.all()
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.severity:
        rows = rows.filter(severity=filters.severity)
    return list(_linked(rows.order_by("-created_at", "-id")))


def gain_list(project: Project) -> list[MutualGain]:
    """The project's mutual gains, newest first, with stakeholders and decisions (3 queries)."""
    return list(_linked(project.mutual_gains.order_by("-created_at", "-id")))


def _access(queryset, public_id):
    if not is_public_id(public_id):
        raise Http404
    found = _linked(queryset.filter(public_id=public_id)).first()
    if found is None:
        raise Http404
    return found


def access_tension(project: Project, public_id: str) -> Tension:
    """A tension of this project, or 404."""
    return _access(project.tensions.all(), public_id)


def access_gain(project: Project, public_id: str) -> MutualGain:
    """A mutual gain of this project, or 404."""
    return _access(project.mutual_gains.all(), public_id)


def decision_choices(project: Project):
    """The project's logbook decisions that can be linked: not withdrawn, newest first."""
    return Entry.objects.filter(
        project=project, kind=EntryKind.DECISION, withdrawn_at__isnull=True
    ).order_by("-occurred_on", "-id")


@dataclass(frozen=True)
class ChecklistRow:
    stage: mga.Stage
    items: list  # (Item, ChecklistMark | None)


def checklist(project: Project) -> tuple[list[ChecklistRow], int, int]:
    """The stages with each item and its mark, plus (ticked, total) (one query)."""
    marks = {
        mark.item_key: mark
        for mark in ChecklistMark.objects.filter(project=project).select_related("checked_by")
    }
    rows = [
        ChecklistRow(stage, [(item, marks.get(item.key)) for item in stage.items])
        for stage in mga.STAGES
    ]
    ticked = sum(1 for key in marks if key in mga.ITEMS)
    return rows, ticked, mga.item_count()


# --- The tool's summary (three queries) ----------------------------------------------------


def _count(model, project_field="project", **extra):
    return Coalesce(
        Subquery(
            model.objects.filter(**{project_field: OuterRef("pk")}, **extra)
            .order_by()
            .values(project_field)
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


def summary_counts(project: Project) -> dict:
    """Stakeholders (all, with ambitions), open tensions per severity, gains, ticks."""
    filled = ~Q(interests="") | ~Q(ambition_neighbourhood="") | ~Q(ambition_own_property="")
    counts = Stakeholder.objects.filter(project=project).aggregate(
        total=Count("pk"), filled=Count("pk", filter=filled)
    )
    counts["open_by_severity"] = dict(
        Tension.objects.filter(project=project, status__in=OPEN_STATUSES)
        .order_by()
        .values_list("severity")
        .annotate(n=Count("pk"))
    )
    counts.update(
        Project.objects.filter(pk=project.pk)
        .annotate(
            gains=_count(MutualGain), marks=_count(ChecklistMark, item_key__in=list(mga.ITEMS))
        )
        .values("gains", "marks")
        .get()
    )
    return counts


def open_tensions_text(by_severity: dict) -> str:
    total = sum(by_severity.values())
    if not total:
        return "0"
    parts = [
        f"{by_severity[severity]} {Severity(severity).label}"
        for severity in sorted(by_severity, key=lambda s: SEVERITY_ORDER.get(s, 9))
        if by_severity[severity]
    ]
    return _("%(total)s (%(parts)s)") % {"total": total, "parts": ", ".join(parts)}


def checklist_text(ticked: int, total: int) -> str:
    return ngettext("%(ticked)s of %(total)s item", "%(ticked)s of %(total)s items", total) % {
        "ticked": ticked,
        "total": total,
    }
