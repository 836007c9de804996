"""Many logbook rows at once, in the shapes the services write (bench data, query-count tests).

`LogbookBuilder.add(...)` plans a project's entries (unsaved), `write()` inserts them with
bulk_create: entries, then their details and step links, then the revisions, and finally
points each decision and agreement at its newest revision. No audit entries: the pages
read the logbook's own rows.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery

from wijkkoers.logbook.models import (
    Action,
    Agreement,
    AgreementRevision,
    AgreementStatus,
    Decision,
    DecisionRevision,
    DecisionStatus,
    Entry,
    EntryKind,
    EntryStep,
    Meeting,
    MeetingKind,
)
from wijkkoers.logbook.services.entries import ACTION_DONE, ACTION_OPEN, render_text
from wijkkoers.projects.models import new_public_id

BATCH = 2_000
KINDS = [EntryKind.DECISION] * 3 + [EntryKind.AGREEMENT] * 3 + [EntryKind.ACTION] * 2
KINDS += [EntryKind.MEETING] * 2
EVERY = [EntryKind.DECISION, EntryKind.AGREEMENT, EntryKind.ACTION, EntryKind.MEETING]
DECISIONS = [
    "Kernteam vastgesteld",
    "Participatieplan vastgesteld",
    "Voorkeur voor een collectieve warmteoplossing",
    "Planning van de bewonersavonden vastgesteld",
    "Rolverdeling tussen de partners vastgelegd",
]
AGREEMENTS = [
    "Uitnodiging bewonersavond versturen",
    "Conceptplan delen met de partners",
    "Kosten per woning laten doorrekenen",
    "Overzicht eigenaren per straat maken",
]
ACTIONS = ["Zaal reserveren", "Verslag rondsturen", "Agenda voorbereiden", "Flyer laten drukken"]
MEETINGS = [
    (MeetingKind.CORE_TEAM, "Kernteamoverleg"),
    (MeetingKind.STEERING, "Stuurgroep"),
    (MeetingKind.RESIDENTS, "Bewonersavond"),
    (MeetingKind.WORKSHOP, "Werksessie"),
]
TEXT = "Besproken in het **kernteam**; zie het verslag."
REASON = "Aangepast na overleg met de partners."


@dataclass
class Planned:
    entry: Entry
    steps: list[str]
    parties: list = field(default_factory=list)
    detail: object = None
    revisions: list = field(default_factory=list)
    done: bool = False


@dataclass
class LogbookBuilder:
    rng: random.Random
    today: date
    token: object = None  # rng -> public id, for a repeatable set (bench); random otherwise
    planned: list[Planned] = field(default_factory=list)
    text_html: str = field(default_factory=lambda: render_text(TEXT))

    def add(
        self, project, *, count, memberships, parties, users, step_keys, start=None, every=False
    ):
        """Plan `count` entries of mixed kinds for one project, spread over its lifetime.

        `every`: take the kinds in turn, so even a few entries have every kind.
        """
        start = start or self.today - timedelta(days=720)
        days = max((self.today - start).days, 1)
        for number in range(count):
            kind = EVERY[number % len(EVERY)] if every else self.rng.choice(KINDS)
            on = start + timedelta(days=self.rng.randrange(days))
            author = self.rng.choice(users) if users else None
            steps = self.rng.sample(step_keys, self.rng.choice([1, 1, 1, 2]))
            some_parties = self.rng.sample(parties, min(len(parties), self.rng.randint(0, 2)))
            entry = Entry(
                public_id=self.token(self.rng) if self.token else new_public_id(),
                project=project,
                kind=kind,
                occurred_on=on,
                created_by=author,
            )
            item = Planned(entry=entry, steps=steps, parties=some_parties)
            getattr(self, f"_{kind}")(item, number, on, author, memberships, parties)
            self.planned.append(item)

    def _besluit(self, item, number, on, author, memberships, parties):
        title = f"{self.rng.choice(DECISIONS)} ({number + 1})"
        versions = self.rng.choice([1, 1, 2, 3])
        status = DecisionStatus.TAKEN if self.rng.random() < 0.85 else DecisionStatus.PROPOSED
        item.entry.title, item.entry.status = title, status
        item.detail = Decision()
        item.revisions = [
            DecisionRevision(
                number=n,
                title=title,
                text=TEXT,
                text_html=self.text_html,
                status=status,
                decided_on=on if status == DecisionStatus.TAKEN else None,
                decided_by="Stuurgroep",
                step_keys=item.steps,
                change_reason=REASON if n > 1 else "",
                created_by=author,
            )
            for n in range(1, versions + 1)
        ]

    def _afspraak(self, item, number, on, author, memberships, parties):
        title = f"{self.rng.choice(AGREEMENTS)} ({number + 1})"
        status = self.rng.choice(
            [AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS, AgreementStatus.DONE]
        )
        item.entry.title, item.entry.status = title, status
        member = self.rng.choice(memberships) if memberships else None
        item.detail = Agreement()
        item.revisions = [
            AgreementRevision(
                number=n,
                title=title,
                owner_member=member,
                made_on=on,
                due_on=on + timedelta(days=self.rng.randint(7, 90)),
                status=AgreementStatus.OPEN if n < versions else status,
                step_keys=item.steps,
                change_reason=REASON if n > 1 else "",
                created_by=author,
            )
            for versions in [self.rng.choice([1, 2])]
            for n in range(1, versions + 1)
        ]

    def _actie(self, item, number, on, author, memberships, parties):
        done = self.rng.random() < 0.5
        item.entry.title = f"{self.rng.choice(ACTIONS)} ({number + 1})"
        item.entry.status = ACTION_DONE if done else ACTION_OPEN
        item.detail = Action(
            owner=self.rng.choice(memberships) if memberships else None,
            due_on=on + timedelta(days=self.rng.randint(3, 30)),
            done_by=author if done else None,
        )
        item.done = done

    def _bijeenkomst(self, item, number, on, author, memberships, parties):
        kind, name = self.rng.choice(MEETINGS)
        item.entry.title = f"{name} {on:%d-%m-%Y}"
        item.detail = Meeting(
            kind=kind,
            place="Buurthuis",
            other_attendees=self.rng.randint(0, 40),
            agenda="1. Opening\n2. Voortgang\n3. Rondvraag",
            agenda_html=render_text("1. Opening\n2. Voortgang\n3. Rondvraag"),
            minutes=TEXT,
            minutes_html=self.text_html,
        )

    def write(self, now) -> int:
        """Insert everything planned; returns the number of entries written."""
        planned, self.planned = self.planned, []
        Entry.objects.bulk_create([p.entry for p in planned], batch_size=BATCH)
        EntryStep.objects.bulk_create(
            [
                EntryStep(entry=p.entry, project_id=p.entry.project_id, step_key=key)
                for p in planned
                for key in p.steps
            ],
            batch_size=BATCH,
        )
        through = Entry.parties.through
        through.objects.bulk_create(
            [through(entry=p.entry, party=party) for p in planned for party in p.parties],
            batch_size=BATCH,
        )
        for p in planned:
            p.detail.entry = p.entry
            if p.done:
                p.detail.done_at = now
        for model in (Decision, Agreement, Action, Meeting):
            rows = [p.detail for p in planned if isinstance(p.detail, model)]
            model.objects.bulk_create(rows, batch_size=BATCH)
        for model, parent in ((DecisionRevision, "decision"), (AgreementRevision, "agreement")):
            rows = []
            for p in planned:
                for revision in p.revisions:
                    if isinstance(revision, model):
                        setattr(revision, parent, p.detail)
                        rows.append(revision)
            model.objects.bulk_create(rows, batch_size=BATCH)
        for model, revisions in ((Decision, DecisionRevision), (Agreement, AgreementRevision)):
            rows = [p for p in planned if isinstance(p.detail, model)]
            for p in rows:
                p.detail.current = p.revisions[-1]
            if rows:
                _point_at_newest(model, revisions, [p.detail.pk for p in rows])
        return len(planned)


def _point_at_newest(model, revisions, pks: list[int]) -> None:
    """Point the details just written (`current` still empty) at their newest revision, in
    one UPDATE with a correlated subquery. bulk_update wrote a CASE of 2,000 branches per
    batch that the database tried for every row: 15 % of the bench data generator's own time
    (cProfile), besides the database's."""
    newest = revisions.objects.filter(**{model._meta.model_name: OuterRef("pk")})
    model.objects.filter(pk__gte=min(pks), pk__lte=max(pks), current=None).update(
        current=Subquery(newest.order_by("-number").values("pk")[:1])
    )
