"""Project workspaces: one neighbourhood approach (wijkaanpak), its team and its progress."""

import re
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from rules.contrib.models import RulesModel

from wijkkoers.method.models import PartyType
from wijkkoers.projects import rules as project_rules

# CBS area codes: municipality GM + 4 digits; district WK and neighbourhood BU start with
# the municipality's 4 digits, then 2 (WK) or 4 (BU) characters, digits or, as Amsterdam's
# codes have had since 2023, capital letters (e.g. WK0363AA).
# ASCII digits only: `\d` would also match other scripts' digits (GM٠٣٦٣).
CBS_CODE = re.compile(r"^(GM[0-9]{4}|WK[0-9]{4}[0-9A-Z]{2}|BU[0-9]{4}[0-9A-Z]{4})\Z")


def validate_cbs_code(value: str) -> None:
    if not CBS_CODE.match(value or ""):
        raise ValidationError(
            _("Use a CBS code: GM + 4 digits, WK + 6 or BU + 8 characters (e.g. WK0363AA)."),
            code="invalid_cbs_code",
        )


def new_public_id() -> str:
    """Unguessable, URL-friendly and short enough to read aloud over the phone.

    Never starts with "-": such an id given to a management command
    (`manage.py export_project <id> <path>`) would be read as an option.
    """
    while True:
        value = secrets.token_urlsafe(9)
        if not value.startswith("-"):
            return value


class Project(RulesModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        PAUSED = "paused", _("paused")
        CLOSED = "closed", pgettext_lazy("project status", "closed")

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.CharField(_("municipality"), max_length=120)
    description = models.TextField(_("short description"), blank=True, max_length=2000)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A new random number with every write to the project (`projects.freshness`): what is
    # cached of a project is cached under its current stamp, so a write makes it stale.
    data_stamp = models.BigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        rules_permissions = {
            "view": project_rules.is_member,
            "edit_content": project_rules.is_teamlid & project_rules.is_open_project,
            "manage": project_rules.is_projectleider,
            # Putting a party at the table is team work (mapping stakeholders, step 1.2);
            # changing or removing one, which members and invitations hang on, is "manage".
            "add_party": project_rules.is_teamlid & project_rules.is_open_project,
        }

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Party(models.Model):
    """A party at a project's table (a municipality, a corporation, a grid operator, ...).

    Each project keeps its own parties: its team names and types them as it likes, and no
    other project sees or changes them. `party_type` stores the key of a method PartyType
    (keys survive edits of the method) or OTHER with a free label in `other_type`.
    """

    OTHER = "anders"

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="parties")
    name = models.CharField(_("name"), max_length=200)
    party_type = models.CharField(_("kind of party"), max_length=80)
    other_type = models.CharField(_("kind of party (other)"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("project", Lower("name"), name="one_party_name_per_project")
        ]
        verbose_name = _("party")
        verbose_name_plural = _("parties")

    def __str__(self):
        return self.name

    @property
    def type_label(self) -> str:
        """The kind of party in words: the method's name for it, or the team's own label."""
        if self.party_type == self.OTHER:
            return self.other_type or gettext("other")
        # queries.parties_of annotates the method's name in the same query as the parties.
        if hasattr(self, "method_type_name"):
            name = self.method_type_name
        else:
            name = PartyType.objects.filter(key=self.party_type).values_list("name", flat=True)
            name = name.first()
        return name or gettext("a kind no longer in the method")


class Neighbourhood(models.Model):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="neighbourhoods")
    name = models.CharField(_("neighbourhood"), max_length=120)
    cbs_code = models.CharField(
        _("CBS area code"), max_length=10, blank=True, validators=[validate_cbs_code]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")

    def __str__(self):
        return f"{self.name} ({self.cbs_code})" if self.cbs_code else self.name


class SubProject(models.Model):
    """A part of the approach by theme or sub-group, with its own progress."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="subprojects")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)

    class Meta:
        ordering = ["name"]
        verbose_name = _("sub-project")
        verbose_name_plural = _("sub-projects")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    PROJECTLEIDER = "projectleider", _("project leader")
    TEAMLID = "teamlid", _("team member")
    MEELEZER = "meelezer", _("reader")


class Membership(models.Model):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("party"),
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    # When the member first opened the logbook's briefing (inwerkdossier); until then the
    # project compass points them to it.
    briefing_opened_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_project")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Authored(models.Model):
    """Abstract: when a row was made and by whom (kept when the account goes).

    The one place for this block of the logbook's and the working tools' models; a model
    that inherits it gets the same two columns, so their migrations did not change.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        abstract = True


class OwnedByMemberOrParty(models.Model):
    """Abstract: an owner that is a member of the team and/or one of the project's parties.

    Used by agreements (logbook), indicators (goals) and linking opportunities. Either
    stays empty when the member leaves or the party is removed.
    """

    owner_member = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner (member)"),
    )
    owner_party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner (party)"),
    )

    class Meta:
        abstract = True


class Invitation(models.Model):
    """An e-mailed, signed, single-use link to join a project; valid for 7 days."""

    VALID_DAYS = 7

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("party"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When sending the mail last failed; cleared when a later sending succeeds.
    mail_failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.email

    @property
    def expires_at(self):
        return self.sent_at + timedelta(days=self.VALID_DAYS)

    @property
    def is_open(self) -> bool:
        return not (self.accepted_at or self.revoked_at) and timezone.now() < self.expires_at


class StepStatus(models.TextChoices):
    NOT_STARTED = "niet_gestart", _("not started")
    STARTED = "gestart", _("started")
    PAUSED = "gepauzeerd", _("paused")
    FINISHED = "afgerond", _("finished")
    REVISITING = "herzien", _("revisiting")
    NOT_APPLICABLE = "nvt", _("not applicable")


OPEN_STATUSES = {
    StepStatus.NOT_STARTED,
    StepStatus.STARTED,
    StepStatus.PAUSED,
    StepStatus.REVISITING,
}
IN_PROGRESS_STATUSES = {StepStatus.STARTED, StepStatus.REVISITING}


class StepProgress(models.Model):
    """Where a project (or one of its sub-projects) stands on one step of the method.

    `step_key` is the method's stable key, not a page id: progress outlives page edits.
    `version` grows with every change; a save that expected an older version is refused,
    so two members never silently overwrite each other.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress")
    subproject = models.ForeignKey(
        SubProject, on_delete=models.CASCADE, null=True, blank=True, related_name="progress"
    )
    step_key = models.SlugField(max_length=120)
    status = models.CharField(
        _("status"), max_length=20, choices=StepStatus.choices, default=StepStatus.NOT_STARTED
    )
    reason = models.CharField(_("reason (not applicable)"), max_length=500, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=5000, help_text=_("Markdown."))
    # The note rendered and sanitised when it was written, so no view renders user Markdown.
    note_html = models.TextField(blank=True, editable=False)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "step_key"],
                condition=models.Q(subproject=None),
                name="one_progress_per_project_step",
            ),
            models.UniqueConstraint(
                fields=["project", "subproject", "step_key"],
                name="one_progress_per_subproject_step",
            ),
        ]
        verbose_name = _("progress of a step")
        verbose_name_plural = _("progress of steps")

    def __str__(self):
        return f"{self.step_key}: {self.get_status_display()}"
