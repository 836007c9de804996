"""The national-scale bench data set: 342 municipalities, 10 projects each, one large project.

Deterministic: every name, id and choice comes from `random.Random(seed)`; only timestamps
follow the clock (the history ends at the moment of generating). Rows are written with
`bulk_create` in batches inside one transaction per group of municipalities, never through
the services row by row (too slow), but in the shapes the services write: a step's history
is its "progress.changed" audit entries, encoded as `audit.services.record_event` encodes
them, so the pages read the generated data exactly as they read real data.

Later features add their own data here (the logbook, the tools, documents), in the same
command. Everything generated is recognisable: projects are named "Bench: ...", accounts
are bench-...@example.org and every account shares one password (BENCH_PASSWORD).
"""

import base64
import math
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from wijkkoers.accounts.models import User
from wijkkoers.audit import registry
from wijkkoers.audit.models import AuditEvent
from wijkkoers.audit.services import _stored  # the trail's own encoding: identical shapes
from wijkkoers.logbook.bulk import LogbookBuilder
from wijkkoers.method.catalogue import Step, get_catalogue
from wijkkoers.projects.actions import PROGRESS_OBJECT, progress_object_id
from wijkkoers.projects.models import (
    Membership,
    Neighbourhood,
    Party,
    Project,
    Role,
    StepProgress,
    StepStatus,
    SubProject,
)
from wijkkoers.projects.services import PROJECT_FIELDS, render_note

MUNICIPALITIES = 342
PROJECTS_PER_MUNICIPALITY = 10
TEAM_SIZE = 8
POOL_SIZE = 20  # accounts per municipality; teams of its projects are drawn from them
LARGE_NAME = "Bench: grote wijkaanpak"
LARGE_MEMBERS = 60
LARGE_SUBPROJECTS = 5
LARGE_EVENTS = 5_000
LOGBOOK_ENTRIES = 200  # per project: decisions, agreements, actions, meetings
LARGE_LOGBOOK_ENTRIES = 2_000
PORTFOLIO_EMAIL = "bench-portfolio@example.org"
PORTFOLIO_PROJECTS = 20  # the large project and 19 others
BENCH_PASSWORD = "bench-wachtwoord-niet-voor-productie"  # noqa: S105 - bench accounts only
MUNICIPALITIES_PER_TRANSACTION = 20
BATCH = 2_000

S = StepStatus
FIRST = ["Anna", "Bram", "Carmen", "Daan", "Eva", "Fatima", "Gijs", "Hanna", "Ilse", "Joris"]
FIRST += ["Karim", "Lotte", "Mees", "Noor", "Olaf", "Pien", "Ruben", "Sanne", "Tarik", "Vera"]
LAST = ["de Bruin", "Bakker", "Jansen", "Visser", "Smit", "Meijer", "de Boer", "Mulder"]
LAST += ["Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "de Wit", "Kaya", "Yilmaz"]
PLACE_START = ["Linde", "Eike", "Beuke", "Wilge", "Hazel", "Berke", "Essen", "Vlier", "Rozen"]
PLACE_END = ["dam", "veen", "horst", "broek", "wijk", "hoven", "dijk", "rode", "meer", "sloot"]
QUARTERS = ["Noord", "Oost", "Zuid", "West", "Centrum", "Dorp", "Park", "Haven", "Kern"]
NOTES = [
    "",
    "",
    "Besproken in het kernteam.",
    "Wacht op reactie van de corporatie.",
    "Concept ligt bij de partners ter reactie.",
    "Bewonersavond gepland; uitnodiging verstuurd.",
    "Zie het verslag van het laatste overleg.",
]
REASON = "Speelt niet in deze wijk."


def _token(rng: random.Random) -> str:
    """A public id like models.new_public_id, drawn from the seeded generator."""
    return base64.urlsafe_b64encode(rng.randbytes(9)).decode()


@dataclass
class Counts:
    municipalities: int = 0
    projects: int = 0
    users: int = 0
    memberships: int = 0
    parties: int = 0
    subprojects: int = 0
    progress: int = 0
    audit_events: int = 0
    logbook_entries: int = 0
    documents: int = 0
    stakeholders: int = 0

    def __str__(self):
        return ", ".join(f"{name} {value:,}" for name, value in vars(self).items())


@dataclass
class Plan:
    """One project to write: its objects (unsaved) and its events in the order they happen."""

    project: Project
    team: list[tuple[User, str]]
    parties: list[Party] = field(default_factory=list)
    subprojects: list[SubProject] = field(default_factory=list)
    neighbourhood: Neighbourhood | None = None
    memberships: list[Membership] = field(default_factory=list)
    progress: list[StepProgress] = field(default_factory=list)
    events: list[AuditEvent] = field(default_factory=list)
    finished: list[tuple[StepProgress, AuditEvent]] = field(default_factory=list)


class Generator:
    def __init__(self, *, scale: float, seed: int, log: Callable[[str], None] = print):
        self.rng = random.Random(seed)
        self.scale = scale
        self.log = log
        self.now = timezone.now()
        self.catalogue = get_catalogue()
        self.steps: list[Step] = list(self.catalogue.steps.values())
        self.party_types = list(self.catalogue.parties)
        self.password = make_password(BENCH_PASSWORD)  # hashed once, shared by every account
        self.notes = {note: render_note(note) for note in NOTES}
        self.counts = Counts()
        self.logbook = LogbookBuilder(rng=self.rng, today=self.now.date(), token=_token)

    # --- Accounts -----------------------------------------------------------------------

    def _user(self, email: str) -> User:
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        # bulk_create skips User.save(), which keeps the username equal to the e-mail.
        return User(email=email, username=email, name=name, password=self.password)

    def _save_users(self, users: list[User]) -> None:
        User.objects.bulk_create(users, batch_size=BATCH)
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=BATCH,
        )
        self.counts.users += len(users)

    # --- Projects -----------------------------------------------------------------------

    def _plan(self, name: str, municipality: str, team: list[tuple[User, str]], subs: int):
        started = self.now - timedelta(days=self.rng.randint(60, 720))
        project = Project(
            public_id=_token(self.rng),
            name=name,
            municipality=municipality,
            description=f"Benchgegevens: een verzonnen wijkaanpak in {municipality}.",
            start_date=started.date(),
        )
        plan = Plan(project=project, team=team)
        plan.neighbourhood = Neighbourhood(project=project, name=name.removeprefix("Bench: "))
        for kind in self.rng.sample(self.party_types, min(4, len(self.party_types))):
            plan.parties.append(
                Party(
                    public_id=_token(self.rng),
                    project=project,
                    name=f"{kind.name} {municipality}",
                    party_type=kind.key,
                )
            )
        for number in range(1, subs + 1):
            sub_name = f"Deelgebied {number}: {self.rng.choice(QUARTERS)}"
            plan.subprojects.append(
                SubProject(public_id=_token(self.rng), project=project, name=sub_name)
            )
        return plan, started

    def _write_projects(self, plans: list[Plan]) -> None:
        """Projects first, then what points at them, then what points at those."""
        Project.objects.bulk_create([p.project for p in plans], batch_size=BATCH)
        Neighbourhood.objects.bulk_create([p.neighbourhood for p in plans], batch_size=BATCH)
        Party.objects.bulk_create([x for p in plans for x in p.parties], batch_size=BATCH)
        SubProject.objects.bulk_create([x for p in plans for x in p.subprojects], batch_size=BATCH)
        self.counts.projects += len(plans)
        self.counts.parties += sum(len(p.parties) for p in plans)
        self.counts.subprojects += sum(len(p.subprojects) for p in plans)

    def _event(self, plan: Plan, actor: User, action: str, obj, old=None, new=None):
        """An unsaved AuditEvent exactly as record_event writes it (time set later).

        `obj` is a model instance, or (type, id, name) already described.
        """
        spec = registry.action(action, strict=True)
        described = obj if isinstance(obj, tuple) else registry.describe_object(obj)
        object_type, object_id, object_repr = described
        event = AuditEvent(
            public_id=uuid.UUID(int=self.rng.getrandbits(128), version=4),
            project=plan.project,
            actor=actor,
            actor_name=actor.display_name,
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr,
            old=_stored(spec, old or {}),
            new=_stored(spec, new or {}),
        )
        plan.events.append(event)
        return event

    def _team_events(self, plan: Plan) -> None:
        """What create_project, add_party, change_member_party, add_member and add_subproject
        write, in that order."""
        project = plan.project
        leader = plan.team[0][0]
        values = {f: getattr(project, f) for f in PROJECT_FIELDS}
        self._event(plan, leader, "project.created", project, new=values)
        for party in plan.parties:
            new = {"name": party.name, "party_type": party.party_type}
            new |= {"other_type": "", "description": ""}
            self._event(plan, leader, "party.added", party, new=new)
        for index, (user, role) in enumerate(plan.team):
            party = plan.parties[index % len(plan.parties)]
            plan.memberships.append(Membership(project=project, user=user, role=role, party=party))
            if index == 0:
                self._event(
                    plan, leader, "member.party_changed", user, {"party": None}, {"party": party}
                )
            else:
                self._event(plan, leader, "member.added", user, new={"role": role, "party": party})
        for sub in plan.subprojects:
            self._event(plan, leader, "subproject.added", sub, new={"name": sub.name})

    # --- Progress and its history ---------------------------------------------------------

    def _final_status(self, position: float, frontier: float) -> str:
        if position < frontier - 0.1:
            return S.NOT_APPLICABLE if self.rng.random() < 0.1 else S.FINISHED
        if position <= frontier + 0.1:
            return self.rng.choice([S.STARTED, S.PAUSED, S.REVISITING, S.FINISHED])
        return S.STARTED if self.rng.random() < 0.2 else S.NOT_STARTED

    def _chain(self, final: str) -> list[str]:
        """The statuses a step went through to reach `final` (one event each)."""
        return {
            S.NOT_STARTED: [S.NOT_STARTED],  # an owner was named, nothing started yet
            S.STARTED: [S.STARTED],
            S.PAUSED: [S.STARTED, S.PAUSED],
            S.FINISHED: [S.STARTED, S.FINISHED],
            S.REVISITING: [S.STARTED, S.FINISHED, S.REVISITING],
            S.NOT_APPLICABLE: [S.NOT_APPLICABLE],
        }[final]

    def _progress(self, plan: Plan, step: Step, sub, final: str, extra: int, workers) -> None:
        """One progress row and its "progress.changed" history (extra: later edits)."""
        row = StepProgress(project=plan.project, subproject=sub, step_key=step.key)
        # What the StepProgress object type says (projects/actions.py), without a lookup.
        name = f"{step.display_number} {step.title}"
        described = (
            PROGRESS_OBJECT,
            progress_object_id(step.key, sub),
            f"{name} · {sub.name}" if sub else name,
        )
        state = {"status": S.NOT_STARTED, "reason": "", "owner": None}
        state |= {"target_date": None, "note": ""}
        statuses = self._chain(final) + [final] * extra
        for status in statuses:
            new = self._next_state(state, status, workers)
            actor = self.rng.choice(workers)
            event = self._event(plan, actor, "progress.changed", described, state, new)
            if status == S.FINISHED and state["status"] != S.FINISHED:
                plan.finished.append((row, event))
            state = new
        row.status, row.reason, row.owner = state["status"], state["reason"], state["owner"]
        row.target_date, row.note = state["target_date"], state["note"]
        row.note_html = self.notes[row.note]
        row.version = len(statuses)
        row.updated_by = plan.events[-1].actor
        plan.progress.append(row)

    def _next_state(self, state: dict, status: str, workers: list[User]) -> dict:
        """The values of the next save, as set_step_progress takes them (never a no-op)."""
        new = dict(state, status=status, owner=self.rng.choice(workers))
        new["reason"] = REASON if status == S.NOT_APPLICABLE else ""
        new["note"] = self.rng.choice(NOTES)
        if status in (S.STARTED, S.REVISITING):
            new["target_date"] = self.now.date() + timedelta(days=self.rng.randint(7, 180))
        if new == state:  # the service writes nothing for a save that changes nothing
            new["owner"] = next(w for w in workers if w is not state["owner"])
        return new

    def _project_progress(self, plan: Plan, *, sub_steps: int, total_events: int | None = None):
        workers = [user for user, role in plan.team if role != Role.MEELEZER]
        frontier = self.rng.uniform(0.1, 0.9)
        rows = []
        n = len(self.steps)
        for index, step in enumerate(self.steps):
            rows.append((step, None, self._final_status(index / n, frontier)))
        for sub in plan.subprojects:
            chosen = self.rng.sample(range(n), min(sub_steps, n))
            for index in sorted(chosen):
                rows.append((self.steps[index], sub, self._final_status(index / n, frontier)))
        extras = [0] * len(rows)
        if total_events is not None:  # spread what is left over the rows, round robin
            left = total_events - len(plan.events) - sum(len(self._chain(r[2])) for r in rows)
            for i in range(max(left, 0)):
                extras[i % len(rows)] += 1
        for (step, sub, final), extra in zip(rows, extras, strict=True):
            self._progress(plan, step, sub, final, extra, workers)

    def _stamp(self, plan: Plan, started: datetime) -> None:
        """Times for the events in order, between the start and now; finished_at to match."""
        span = (self.now - started).total_seconds()
        moments = sorted(self.rng.random() * span for _ in plan.events)
        for event, seconds in zip(plan.events, moments, strict=True):
            event.at = started + timedelta(seconds=seconds)
        for row, event in plan.finished:  # as the service: only a finished step keeps it
            if row.status == S.FINISHED:
                row.finished_at = event.at

    def _logbooks(self, plans: list[Plan], count: int) -> None:
        """`count` logbook entries per project, in the services' shapes (logbook.bulk)."""
        keys = [step.key for step in self.steps]
        for plan in plans:
            self.logbook.add(
                plan.project,
                count=count,
                memberships=plan.memberships,
                parties=plan.parties,
                users=[user for user, _role in plan.team],
                step_keys=keys,
                start=plan.project.start_date,
            )
        self.counts.logbook_entries += self.logbook.write(self.now)

    def _goals(self, plans: list[Plan]) -> None:
        """A goal and 5 indicators with 24 measurements per project (bench/goals.py)."""
        from bench.goals import add_goals

        add_goals(self, plans)

    def _write_rest(self, plans: list[Plan]) -> None:
        memberships = [m for p in plans for m in p.memberships]
        progress = [r for p in plans for r in p.progress]
        events = [e for p in plans for e in p.events]
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        StepProgress.objects.bulk_create(progress, batch_size=BATCH)
        AuditEvent.objects.bulk_create(events, batch_size=BATCH)
        self.counts.memberships += len(memberships)
        self.counts.progress += len(progress)
        self.counts.audit_events += len(events)

    # --- The whole set --------------------------------------------------------------------

    def _team(self, pool: list[User]) -> list[tuple[User, str]]:
        people = self.rng.sample(pool, TEAM_SIZE)
        roles = [Role.PROJECTLEIDER] * self.rng.randint(1, 2)
        roles += [Role.TEAMLID] * 4
        roles += [Role.MEELEZER] * (TEAM_SIZE - len(roles))
        return list(zip(people, roles, strict=True))

    def _place(self, taken: set[str]) -> str:
        while True:
            name = f"{self.rng.choice(PLACE_START)}{self.rng.choice(PLACE_END)}"
            name = name if name not in taken else f"{name} {len(taken) + 1}"
            if name not in taken:
                taken.add(name)
                return name

    def run(self) -> Counts:
        municipalities = max(2, math.ceil(MUNICIPALITIES * self.scale))
        portfolio = self._user(PORTFOLIO_EMAIL)
        with transaction.atomic():
            self._save_users([portfolio])
            self._large_project(portfolio)
        # Spread the portfolio user's other 19 projects over the whole set.
        total = municipalities * PROJECTS_PER_MUNICIPALITY
        step = max(1, total // (PORTFOLIO_PROJECTS - 1))
        portfolio_at = set(range(0, total, step)[: PORTFOLIO_PROJECTS - 1])
        taken: set[str] = set()
        for first in range(0, municipalities, MUNICIPALITIES_PER_TRANSACTION):
            last = min(first + MUNICIPALITIES_PER_TRANSACTION, municipalities)
            with transaction.atomic():
                self._municipalities(range(first, last), taken, portfolio, portfolio_at)
            self.log(f"  municipalities {last}/{municipalities}: {self.counts}")
        self.counts.municipalities = municipalities + 1  # and the large project's own
        return self.counts

    def _municipalities(self, numbers, taken, portfolio, portfolio_at) -> None:
        plans = []
        pools = []
        for m in numbers:
            pool = [
                self._user(f"bench-{m + 1:03d}-{u + 1:02d}@example.org") for u in range(POOL_SIZE)
            ]
            pools.append(pool)
        self._save_users([u for pool in pools for u in pool])
        stamps = []
        for m, pool in zip(numbers, pools, strict=True):
            municipality = self._place(taken)
            for p in range(PROJECTS_PER_MUNICIPALITY):
                number = m * PROJECTS_PER_MUNICIPALITY + p
                team = self._team(pool)
                if number in portfolio_at:
                    role = self.rng.choice([Role.TEAMLID, Role.MEELEZER])
                    team[-1] = (portfolio, role)
                name = f"Bench: {self.rng.choice(PLACE_START)}{self.rng.choice(PLACE_END)}"
                name += f"-{self.rng.choice(QUARTERS)} ({municipality} {p + 1})"
                subs = self.rng.randint(1, 3) if number % 10 == 0 else 0
                plan, started = self._plan(name, municipality, team, subs)
                plans.append(plan)
                stamps.append(started)
        self._write_projects(plans)
        for plan, started in zip(plans, stamps, strict=True):
            self._team_events(plan)
            self._project_progress(plan, sub_steps=8)
            self._stamp(plan, started)
        self._write_rest(plans)
        self._logbooks(plans, LOGBOOK_ENTRIES)
        self._stakeholders(plans)
        self._goals(plans)

    def _large_project(self, portfolio: User) -> None:
        """The one project with 60 members, 5 sub-projects and exactly 5,000 audit entries."""
        pool = [
            self._user(f"bench-groot-{u + 1:02d}@example.org") for u in range(LARGE_MEMBERS - 1)
        ]
        self._save_users(pool)
        roles = [Role.PROJECTLEIDER] * 3 + [Role.TEAMLID] * 30
        roles += [Role.MEELEZER] * (LARGE_MEMBERS - 1 - len(roles))
        team = list(zip(pool, roles, strict=True)) + [(portfolio, Role.TEAMLID)]
        plan, started = self._plan(LARGE_NAME, "Benchstad", team, LARGE_SUBPROJECTS)
        self._write_projects([plan])
        self._team_events(plan)
        self._project_progress(plan, sub_steps=len(self.steps), total_events=LARGE_EVENTS)
        self._stamp(plan, started)
        self._write_rest([plan])
        self._logbooks([plan], LARGE_LOGBOOK_ENTRIES)
        self._goals([plan])
        # The logbook's documents (bench/documents.py); their audit entries come on top.
        from bench.documents import add_documents

        self.counts.documents += add_documents(self, plan)
        self._stakeholders([plan], large=True)

    def _stakeholders(self, plans: list[Plan], *, large: bool = False) -> None:
        """The stakeholder register of each project (bench/stakeholders.py)."""
        from bench.stakeholders import LARGE_STAKEHOLDERS, STAKEHOLDERS, add_stakeholders

        count = LARGE_STAKEHOLDERS if large else STAKEHOLDERS
        self.counts.stakeholders += add_stakeholders(self, plans, count)


def large_project() -> Project | None:
    return Project.objects.filter(name=LARGE_NAME).first()


def generate(*, scale: float = 1.0, seed: int = 1, log: Callable[[str], None] = print) -> Counts:
    """Write the whole bench data set; the method must be loaded (steps and party types)."""
    return Generator(scale=scale, seed=seed, log=log).run()
