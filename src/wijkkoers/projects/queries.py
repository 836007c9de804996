"""Read-side views of projects: the compass, "what next" and the portfolio.

Each function runs a fixed number of queries whatever the number of steps or projects:
the method comes in one tree, progress in one query, and the rest is grouped in Python.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from wijkkoers.method.models import MethodIndexPage, PartyType, StepLink, Track
from wijkkoers.method.queries import method_tree
from wijkkoers.projects.models import (
    IN_PROGRESS_STATUSES,
    OPEN_STATUSES,
    StepProgress,
    StepStatus,
)

RECENT_DAYS = 30
DONE_STATUSES = {StepStatus.FINISHED, StepStatus.NOT_APPLICABLE}


@dataclass
class Catalogue:
    """The live method, ready for project views: phases with steps, steps by key."""

    kompas: MethodIndexPage | None
    tree: list
    tracks: list
    steps: dict  # key -> StepPage (labelled: display_number, phase_number, list_url)
    requires: dict  # key -> set of keys it requires


def method_catalogue(request) -> Catalogue:
    """The whole live method in four queries."""
    kompas = MethodIndexPage.objects.live().first()
    tree = method_tree(kompas, request) if kompas else []
    steps = {step.key: step for group in tree for step in group.steps}
    keys_by_id = {step.pk: key for key, step in steps.items()}
    requires = {key: set() for key in steps}
    links = StepLink.objects.filter(kind=StepLink.Kind.REQUIRES).values_list("step_id", "target_id")
    for step_id, target_id in links:
        if step_id in keys_by_id and target_id in keys_by_id:
            requires[keys_by_id[step_id]].add(keys_by_id[target_id])
    return Catalogue(kompas, tree, list(Track.objects.order_by("code")), steps, requires)


def progress_by_key(project, subproject=None) -> dict[str, StepProgress]:
    rows = StepProgress.objects.filter(project=project, subproject=subproject).select_related(
        "owner"
    )
    return {row.step_key: row for row in rows}


def status_of(progress: dict, key: str) -> str:
    row = progress.get(key)
    return row.status if row else StepStatus.NOT_STARTED


@dataclass
class Tally:
    """Progress of a group of steps: how many are finished out of those that apply."""

    label: str
    total: int = 0
    finished: int = 0
    in_progress: int = 0
    not_applicable: int = 0
    code: str = ""

    @property
    def applicable(self) -> int:
        return self.total - self.not_applicable

    @property
    def percent(self) -> int:
        return round(100 * self.finished / self.applicable) if self.applicable else 0

    def add(self, status: str) -> None:
        self.total += 1
        self.finished += status == StepStatus.FINISHED
        self.in_progress += status in IN_PROGRESS_STATUSES
        self.not_applicable += status == StepStatus.NOT_APPLICABLE


@dataclass
class Compass:
    phases: list = field(default_factory=list)
    tracks: list = field(default_factory=list)
    in_progress: list = field(default_factory=list)
    overdue: list = field(default_factory=list)
    sensitive_open: list = field(default_factory=list)
    recently_finished: list = field(default_factory=list)
    what_next: list = field(default_factory=list)
    overall: Tally | None = None


def compass_for(catalogue: Catalogue, progress: dict, today: date | None = None) -> Compass:
    """The project compass: tallies per phase and track, and the lists that need attention."""
    today = today or timezone.localdate()
    recent = timezone.now() - timedelta(days=RECENT_DAYS)
    compass = Compass(overall=Tally("total"))
    track_tallies = {track.code: Tally(track.name, code=track.code) for track in catalogue.tracks}
    for group in catalogue.tree:
        tally = Tally(group.phase.title, code=str(group.phase.number))
        for step in group.steps:
            status = status_of(progress, step.key)
            row = progress.get(step.key)
            step.project_status = status
            step.progress = row
            for tallied in (tally, compass.overall):
                tallied.add(status)
            for track in step.tracks.all():
                track_tallies[track.code].add(status)
            _sort_into_lists(compass, step, status, row, today, recent)
        compass.phases.append(tally)
    compass.tracks = [t for t in track_tallies.values() if t.total]
    compass.recently_finished.sort(key=lambda s: s.progress.finished_at, reverse=True)
    compass.what_next = what_next(catalogue, progress)
    return compass


def _sort_into_lists(compass: Compass, step, status: str, row, today: date, recent) -> None:
    if status in IN_PROGRESS_STATUSES:
        compass.in_progress.append(step)
    if row and row.target_date and row.target_date < today and status in OPEN_STATUSES:
        compass.overdue.append(step)
    if step.sensitive and status in {*IN_PROGRESS_STATUSES, StepStatus.PAUSED}:
        compass.sensitive_open.append(step)
    if status == StepStatus.FINISHED and row.finished_at and row.finished_at >= recent:
        compass.recently_finished.append(step)


def what_next(catalogue: Catalogue, progress: dict) -> list:
    """Steps not started whose required steps are all done, in method order."""
    done = {key for key in catalogue.steps if status_of(progress, key) in DONE_STATUSES}
    return [
        step
        for group in catalogue.tree
        for step in group.steps
        if status_of(progress, step.key) == StepStatus.NOT_STARTED
        and catalogue.requires.get(step.key, set()) <= done
    ]


@dataclass
class PortfolioRow:
    project: object
    role: str
    tally: Tally
    phase: object = None


def portfolio_for(catalogue: Catalogue, memberships) -> list[PortfolioRow]:
    """Per project of the user: its role, its progress and the phase it is in."""
    project_ids = [m.project_id for m in memberships]
    statuses = {}
    rows = StepProgress.objects.filter(project_id__in=project_ids, subproject=None)
    for project_id, key, status in rows.values_list("project_id", "step_key", "status"):
        statuses.setdefault(project_id, {})[key] = status
    result = []
    for membership in memberships:
        project_statuses = statuses.get(membership.project_id, {})
        tally, phase = Tally("total"), None
        for group in catalogue.tree:
            phase_statuses = [
                project_statuses.get(s.key, StepStatus.NOT_STARTED) for s in group.steps
            ]
            for status in phase_statuses:
                tally.add(status)
            if phase is None and any(s not in DONE_STATUSES for s in phase_statuses):
                phase = group.phase
        result.append(PortfolioRow(membership.project, membership.get_role_display(), tally, phase))
    return result


def parties_of(project) -> list:
    """The project's parties by name, each with the method's name for its kind, in one query."""
    method_name = PartyType.objects.filter(key=OuterRef("party_type")).values("name")[:1]
    return list(project.parties.annotate(method_type_name=Subquery(method_name)))
