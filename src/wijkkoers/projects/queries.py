"""Read-side views of projects: the compass, "what next" and the portfolio.

Each function runs a fixed number of queries whatever the number of steps or projects:
the method comes from the shared catalogue (no query), progress in one query, and the rest
is grouped in Python. The catalogue's steps are shared between projects and never changed:
a project's status of a step lives in its own StepRow.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkoers.method.catalogue import Catalogue, Phase, Step, get_catalogue
from wijkkoers.method.models import PartyType
from wijkkoers.projects import freshness
from wijkkoers.projects.models import (
    IN_PROGRESS_STATUSES,
    OPEN_STATUSES,
    Invitation,
    Membership,
    StepProgress,
    StepStatus,
)

RECENT_DAYS = 30
DONE_STATUSES = {StepStatus.FINISHED, StepStatus.NOT_APPLICABLE}


OVERDUE = "over_tijd"
# What the compass shows beside each status, so a status never depends on colour alone.
STATE_ICONS = {
    StepStatus.NOT_STARTED: "○",
    StepStatus.STARTED: "◐",
    StepStatus.PAUSED: "Ⅱ",
    StepStatus.FINISHED: "✓",
    StepStatus.REVISITING: "↻",
    StepStatus.NOT_APPLICABLE: "–",
    OVERDUE: "!",
}
OVERDUE_LABEL = _("overdue")


@dataclass(frozen=True)
class StepRow:
    """One step of the method as one project (or sub-project) stands on it."""

    step: Step
    status: str
    progress: StepProgress | None = None
    overdue: bool = False  # its target date passed while it is still open

    @property
    def state(self) -> str:
        """The status, or "over_tijd" when overdue: what the compass colours and labels."""
        return OVERDUE if self.overdue else self.status

    @property
    def state_label(self) -> str:
        return OVERDUE_LABEL if self.overdue else StepStatus(self.status).label

    @property
    def state_icon(self) -> str:
        return STATE_ICONS[self.state]


def state_legend() -> list[tuple[str, str, str]]:
    """(state, icon, label) for every state the compass can show, for its legend."""
    states = [(status.value, status.label) for status in StepStatus] + [(OVERDUE, OVERDUE_LABEL)]
    return [(state, STATE_ICONS[state], label) for state, label in states]


def progress_by_key(project, subproject=None) -> dict[str, StepProgress]:
    """The progress rows of the project, or of one sub-project, by step key, in one query.

    A sub-project has its own progress, except that a step the whole project marked "not
    applicable" applies to none of its sub-projects either (until a sub-project records a
    status of its own): otherwise the totals of a project and its sub-projects disagree.
    """
    scope = Q(subproject=None)
    if subproject is not None:
        scope |= Q(subproject=subproject)
    rows = StepProgress.objects.filter(scope, project=project).select_related("owner")
    own, whole = {}, {}
    for row in rows:
        (own if row.subproject_id == getattr(subproject, "pk", None) else whole)[row.step_key] = row
    if subproject is not None:
        for key, row in whole.items():
            if key not in own and row.status == StepStatus.NOT_APPLICABLE:
                own[key] = row
    return own


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


@dataclass(frozen=True)
class NextStep:
    """A step "what next" proposes, and why: the required steps that are done, or none
    because it is simply the next open step in the method's order (`fallback`)."""

    row: StepRow
    required: tuple[Step, ...] = ()
    fallback: bool = False


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
    # Per phase (Phase, [StepRow]): the list of every step, for phones.
    phase_rows: list = field(default_factory=list)
    # Per phase (Phase, [(Track, [StepRow])]): the phases x tracks map.
    map_rows: list = field(default_factory=list)


def compass_for(catalogue: Catalogue, progress: dict, today: date | None = None) -> Compass:
    """The project compass: every step with its status (as a map and as a list per phase),
    tallies per phase and track, and the lists that need attention."""
    today = today or timezone.localdate()
    recent = timezone.now() - timedelta(days=RECENT_DAYS)
    compass = Compass(overall=Tally("total"))
    track_tallies = {track.code: Tally(track.name, code=track.code) for track in catalogue.tracks}
    rows = {}
    for phase in catalogue.phases:
        tally = Tally(phase.title, code=str(phase.number))
        for step in phase.steps:
            row = rows[step.key] = _row(step, progress.get(step.key), today)
            for tallied in (tally, compass.overall):
                tallied.add(row.status)
            for code in step.track_codes:
                track_tallies[code].add(row.status)
            _sort_into_lists(compass, row, recent)
        compass.phases.append(tally)
        phase_rows = [rows[step.key] for step in phase.steps]
        compass.phase_rows.append((phase, phase_rows))
        compass.map_rows.append(
            (
                phase,
                [(t, [r for r in phase_rows if t in r.step.tracks]) for t in catalogue.tracks],
            )
        )
    compass.tracks = [t for t in track_tallies.values() if t.total]
    compass.recently_finished.sort(key=lambda row: row.progress.finished_at, reverse=True)
    compass.what_next = _next_steps(catalogue, progress, rows)
    return compass


def _row(step: Step, progress: StepProgress | None, today: date) -> StepRow:
    status = progress.status if progress else StepStatus.NOT_STARTED
    overdue = bool(
        progress
        and progress.target_date
        and progress.target_date < today
        and status in OPEN_STATUSES
    )
    return StepRow(step, status, progress, overdue)


def _sort_into_lists(compass: Compass, row: StepRow, recent) -> None:
    status, progress = row.status, row.progress
    if status in IN_PROGRESS_STATUSES:
        compass.in_progress.append(row)
    if row.overdue:
        compass.overdue.append(row)
    if row.step.sensitive and status not in DONE_STATUSES:
        compass.sensitive_open.append(row)
    if status == StepStatus.FINISHED and progress.finished_at and progress.finished_at >= recent:
        compass.recently_finished.append(row)


def what_next(catalogue: Catalogue, progress: dict) -> list[Step]:
    """Steps not started whose required steps are all done, in method order."""
    done = {key for key in catalogue.steps if status_of(progress, key) in DONE_STATUSES}
    return [
        step
        for step in catalogue.steps.values()
        if status_of(progress, step.key) == StepStatus.NOT_STARTED and set(step.requires) <= done
    ]


def _next_steps(catalogue: Catalogue, progress: dict, rows: dict, limit: int = 8) -> list:
    """What the compass proposes: the steps `what_next` finds, each with the required steps
    that made it ready; when there are none while steps are still open, the next open steps
    in the method's order, so the box is never empty while there is work left."""
    ready = [
        NextStep(rows[step.key], catalogue.linked(step.requires))
        for step in what_next(catalogue, progress)
    ]
    if ready:
        return ready[:limit]
    open_rows = [row for row in rows.values() if row.status in OPEN_STATUSES]
    return [NextStep(row, fallback=True) for row in open_rows[:limit]]


@dataclass
class PortfolioRow:
    project: object
    role: str
    tally: Tally
    phase: Phase | None = None


def portfolio_for(catalogue: Catalogue, memberships) -> list[PortfolioRow]:
    """Per project of the user: its role, its progress and the phase it is in.

    Each project's standing is kept under its stamp (projects/freshness.py): a portfolio of
    20 projects reads the progress rows of those changed since, not of all 20."""
    standing = freshness.cached_per_project(
        [m.project for m in memberships],
        "portfolio-standing",
        lambda projects: _standing(catalogue, [p.pk for p in projects]),
    )
    phases = {phase.number: phase for phase in catalogue.phases}
    result = []
    for membership in memberships:
        tally, phase_number = standing[membership.project_id]
        result.append(
            PortfolioRow(
                membership.project,
                membership.get_role_display(),
                tally,
                phases.get(phase_number),
            )
        )
    return result


def _standing(catalogue: Catalogue, project_ids: list[int]) -> dict:
    """{project id: (tally of the whole project, number of the first phase not done)}."""
    statuses = {}
    rows = StepProgress.objects.filter(project_id__in=project_ids, subproject=None)
    for project_id, key, status in rows.values_list("project_id", "step_key", "status"):
        statuses.setdefault(project_id, {})[key] = status
    standing = {}
    for project_id in project_ids:
        project_statuses = statuses.get(project_id, {})
        tally, phase = Tally("total"), None
        for method_phase in catalogue.phases:
            phase_statuses = [
                project_statuses.get(s.key, StepStatus.NOT_STARTED) for s in method_phase.steps
            ]
            for status in phase_statuses:
                tally.add(status)
            if phase is None and any(s not in DONE_STATUSES for s in phase_statuses):
                phase = method_phase.number
        standing[project_id] = (tally, phase)
    return standing


# --- Small reads for the services and views ------------------------------------------------


def step_exists(key: str) -> bool:
    """Whether the live method has a step with this key (answered by the cached catalogue)."""
    return key in get_catalogue().steps


def step_urls_for(keys) -> dict[str, str]:
    """key -> URL of the live steps among `keys` (for knooppunt: links in a note)."""
    urls = get_catalogue().step_urls
    return {key: urls[key] for key in keys if key in urls}


def step_standing(
    project, subproject, step_key: str
) -> tuple[StepProgress | None, StepProgress | None]:
    """(own progress, inherited "not applicable") of one step, in one query.

    The first is the project's (or sub-project's) own row (with owner and last editor), or
    None if untouched. The second
    is set only for a sub-project without a status of its own on a step the whole project
    marked "not applicable": the sub-project follows that (progress_by_key, the compass)
    until it records its own status.
    """
    scope = Q(subproject=None)
    if subproject is not None:
        scope |= Q(subproject=subproject)
    rows = list(
        StepProgress.objects.filter(scope, project=project, step_key=step_key)
        .select_related("owner", "updated_by")
        # The step page keeps these rows in the shared cache: no password hashes there.
        .defer("owner__password", "updated_by__password")
    )
    own_id = getattr(subproject, "pk", None)
    own = next((row for row in rows if row.subproject_id == own_id), None)
    if subproject is None or own is not None:
        return own, None
    whole = next((row for row in rows if row.subproject_id is None), None)
    inherited = whole if whole and whole.status == StepStatus.NOT_APPLICABLE else None
    return None, inherited


def open_invitations(project) -> list[Invitation]:
    """Invitations not accepted, withdrawn or expired, newest first."""
    valid_from = timezone.now() - timedelta(days=Invitation.VALID_DAYS)
    return list(
        project.invitations.filter(
            accepted_at=None, revoked_at=None, sent_at__gt=valid_from
        ).select_related("party")
    )


def memberships_of(user) -> list[Membership]:
    """The user's memberships with their projects, by project name (the portfolio's rows)."""
    return list(
        Membership.objects.filter(user=user).select_related("project").order_by("project__name")
    )


def team_of(project) -> list[Membership]:
    """The project's members with user and party, by name."""
    return list(project.memberships.select_related("user", "party").order_by("user__name"))


def parties_of(project) -> list:
    """The project's parties by name, each with the method's name for its kind, in one query."""
    method_name = PartyType.objects.filter(key=OuterRef("party_type")).values("name")[:1]
    return list(project.parties.annotate(method_type_name=Subquery(method_name)))
