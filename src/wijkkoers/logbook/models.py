"""The project logbook: decisions, agreements, actions, meetings, documents and links.

Every logbook item is an `Entry` (one table: the timeline, the per-step lists and the
project search read it) with a one-to-one detail row of its kind. What the timeline needs
(title, date, status, steps) sits on the entry; the entry's title and status are the
*current* ones, kept in step with the detail by the services.

Decisions and agreements are never edited in place: every change is a new, numbered
revision (who, when, what, why) and `current` points at the newest. A withdrawal is a
revision too (status "ingetrokken"/"vervallen" with a reason). "As it stood on date X"
reads the newest revision recorded on or before X.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wijkkoers.projects.models import (
    Authored,
    Membership,
    OwnedByMemberOrParty,
    Party,
    Project,
    new_public_id,
)


class EntryKind(models.TextChoices):
    DECISION = "besluit", _("decision")
    AGREEMENT = "afspraak", _("agreement")
    ACTION = "actie", _("action")
    MEETING = "bijeenkomst", _("meeting")
    DOCUMENT = "document", _("document")
    LINK = "link", _("link")


class Entry(Authored):
    """One item of a project's logbook, whatever its kind."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="logbook_entries")
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    title = models.CharField(_("title"), max_length=300)
    # The date the item is about: decided on, agreed on, held on, added on.
    occurred_on = models.DateField(_("date"))
    # The current status in the kind's own words (a DecisionStatus, AgreementStatus, ...);
    # empty for kinds without one.
    status = models.CharField(_("status"), max_length=20, blank=True)
    # The meeting an item was recorded at, if any.
    meeting = models.ForeignKey(
        "Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recorded_entries",
        verbose_name=_("meeting"),
    )
    parties = models.ManyToManyField(
        Party, blank=True, related_name="logbook_entries", verbose_name=_("parties")
    )
    updated_at = models.DateTimeField(auto_now=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["project", "-occurred_on", "-id"], name="entry_timeline"),
            models.Index(fields=["project", "kind", "-occurred_on"], name="entry_kind"),
        ]
        verbose_name = _("logbook entry")
        verbose_name_plural = _("logbook entries")

    def __str__(self):
        return self.title


class EntryStep(models.Model):
    """A step of the method an entry belongs to (by the step's stable key)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="steps")
    # Repeated from the entry so "this step's logbook" is one indexed lookup.
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    step_key = models.SlugField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "step_key"], name="one_link_per_entry_step")
        ]
        indexes = [models.Index(fields=["project", "step_key"], name="entrystep_project_step")]

    def __str__(self):
        return self.step_key


# --- Decisions ------------------------------------------------------------------------------


class DecisionStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("proposed")
    TAKEN = "genomen", _("taken")
    REPLACED = "vervangen", _("replaced")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class Decision(models.Model):
    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="decision"
    )
    current = models.ForeignKey(
        "DecisionRevision", on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.entry.title


class DecisionRevision(Authored):
    """One version of a decision; never changed after it is written."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True, max_length=20000, help_text=_("Markdown."))
    text_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.TAKEN
    )
    decided_on = models.DateField(_("date decided"), null=True, blank=True)
    # The body or meeting that decided ("stuurgroep", "college van B en W", ...).
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    parties_agreed = models.ManyToManyField(
        Party, blank=True, related_name="+", verbose_name=_("parties that agreed")
    )
    parties_objected = models.ManyToManyField(
        Party, blank=True, related_name="+", verbose_name=_("parties that objected")
    )
    rationale = models.TextField(_("rationale"), blank=True, max_length=10000)
    rationale_html = models.TextField(blank=True, editable=False)
    replaces = models.ManyToManyField(
        Decision, blank=True, related_name="replaced_by_revisions", verbose_name=_("replaces")
    )
    amends = models.ManyToManyField(
        Decision, blank=True, related_name="amended_by_revisions", verbose_name=_("amends")
    )
    step_keys = models.JSONField(_("steps"), default=list, blank=True)
    # Why this version was made (empty for the first).
    change_reason = models.CharField(_("reason for the change"), max_length=1000, blank=True)

    class Meta:
        ordering = ["decision", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "number"], name="one_decision_revision_number"
            )
        ]
        verbose_name = _("version of a decision")
        verbose_name_plural = _("versions of decisions")

    def __str__(self):
        return f"{self.title} ({self.number})"


# --- Agreements -----------------------------------------------------------------------------


class AgreementStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("agreement status", "open")
    IN_PROGRESS = "in_uitvoering", _("in progress")
    DONE = "afgerond", pgettext_lazy("agreement status", "done")
    LAPSED = "vervallen", _("lapsed")
    REFERRED = "doorverwezen", _("referred")


# Statuses that need a reason (the agreement ends without being done).
AGREEMENT_STATUSES_WITH_REASON = {AgreementStatus.LAPSED, AgreementStatus.REFERRED}
OPEN_AGREEMENT_STATUSES = {AgreementStatus.OPEN, AgreementStatus.IN_PROGRESS}


class Agreement(models.Model):
    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="agreement"
    )
    current = models.ForeignKey(
        "AgreementRevision", on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.entry.title


class AgreementRevision(Authored, OwnedByMemberOrParty):
    """One version of an agreement; never changed after it is written."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(_("what"), max_length=300)
    text = models.TextField(_("details"), blank=True, max_length=10000, help_text=_("Markdown."))
    text_html = models.TextField(blank=True, editable=False)
    made_on = models.DateField(_("agreed on"))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.OPEN
    )
    # Required when the agreement lapses or is referred elsewhere.
    status_reason = models.CharField(_("reason"), max_length=1000, blank=True)
    step_keys = models.JSONField(_("steps"), default=list, blank=True)
    change_reason = models.CharField(_("reason for the change"), max_length=1000, blank=True)

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="one_agreement_revision_number"
            )
        ]
        verbose_name = _("version of an agreement")
        verbose_name_plural = _("versions of agreements")

    def __str__(self):
        return f"{self.title} ({self.number})"


# --- Actions, meetings, documents, links ------------------------------------------------------


class Action(models.Model):
    """A lightweight to-do: changed in place, every change in the audit trail."""

    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="action"
    )
    owner = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.entry.title


class MeetingKind(models.TextChoices):
    KICK_OFF = "startbijeenkomst", _("kick-off")
    CORE_TEAM = "kernteam", _("core team meeting")
    STEERING = "stuurgroep", _("steering group")
    RESIDENTS = "bewonersavond", _("residents' evening")
    WORKSHOP = "werksessie", _("workshop")
    OTHER = "anders", _("other meeting")


class Meeting(models.Model):
    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="meeting_detail"
    )
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=MeetingKind.choices)
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendee_members = models.ManyToManyField(
        Membership, blank=True, related_name="+", verbose_name=_("members present")
    )
    attendee_parties = models.ManyToManyField(
        Party, blank=True, related_name="+", verbose_name=_("parties present")
    )
    other_attendees = models.PositiveIntegerField(_("number of others present"), default=0)
    agenda = models.TextField(_("agenda"), blank=True, max_length=10000, help_text=_("Markdown."))
    agenda_html = models.TextField(blank=True, editable=False)
    minutes = models.TextField(_("minutes"), blank=True, max_length=50000, help_text=_("Markdown."))
    minutes_html = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.entry.title


def document_path(instance, filename):
    """Stored under a random name: the name the user gave is kept in `original_name`."""
    return f"logbook/{instance.entry.project.public_id}/{new_public_id()}"


class Document(models.Model):
    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="document"
    )
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.original_name


class Link(models.Model):
    entry = models.OneToOneField(
        Entry, on_delete=models.CASCADE, primary_key=True, related_name="link"
    )
    url = models.URLField(_("web address"), max_length=2000)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.url


# --- Reports (logreport) --------------------------------------------------------------------


class ReportKind(models.TextChoices):
    BRIEFING = "inwerkdossier", _("briefing")
    REPORT = "rapport", _("project report")


class ReportRunStatus(models.TextChoices):
    QUEUED = "wachtrij", _("waiting")
    RUNNING = "bezig", _("being made")
    DONE = "klaar", _("ready")
    FAILED = "mislukt", _("failed")


def report_path(instance, filename):
    """Stored under a random name; the download names the file after the project and date."""
    return f"logbook/reports/{instance.project.public_id}/{new_public_id()}.pdf"


class ReportRun(models.Model):
    """One PDF made of a project "as it stood on date X": asked for, made by a task, kept.

    A run still waiting or being made `STALE_AFTER` after it was asked for is taken as failed
    (its worker died or the queue stalled): the page says so and a new request may start.
    """

    STALE_AFTER = timedelta(minutes=15)

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="report_runs")
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    as_of = models.DateField(_("as it stood on"))
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("party"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportRunStatus.choices,
        default=ReportRunStatus.QUEUED,
    )
    file = models.FileField(upload_to=report_path, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["project", "-requested_at"], name="reportrun_project_requested")
        ]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")

    def __str__(self):
        return f"{self.get_kind_display()} {self.as_of}"

    @property
    def is_busy(self) -> bool:
        return self.status in (ReportRunStatus.QUEUED, ReportRunStatus.RUNNING)

    @property
    def is_stale(self) -> bool:
        return self.is_busy and self.requested_at < timezone.now() - self.STALE_AFTER
