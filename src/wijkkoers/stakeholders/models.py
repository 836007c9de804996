"""The stakeholder tools: register, power-interest assessments, ambitions, tensions, gains.

A stakeholder is one of the project's own parties (`projects.Party`) seen through the
register: its role in the project, interests, ambitions, ranked priorities and position
towards the approach. Organisations and groups, not private persons: a contact name is
optional and needs a purpose note.

Power and interest are assessed on dated occasions (1-5 each) and every assessment is kept,
so the map can show how a stakeholder moved since a date. Tensions (interests that clash)
and mutual gains (where parties reinforce each other) name the stakeholders involved and
can point at the logbook's decisions. The Mutual Gains Approach checklist keeps one row per
checked item.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import Authored, Party, Project, new_public_id

SCORE_MIN, SCORE_MAX = 1, 5


class Position(models.TextChoices):
    """Where a stakeholder stands towards the approach."""

    RESISTING = "tegenwerkend", _("resisting")
    NEUTRAL = "neutraal", _("neutral")
    SUPPORTIVE = "steunend", _("supportive")
    LEADING = "leidend", _("leading")


class Stakeholder(Authored):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stakeholders")
    party = models.OneToOneField(
        Party, on_delete=models.RESTRICT, related_name="stakeholder", verbose_name=_("party")
    )
    role_in_project = models.CharField(_("role in the project"), max_length=300, blank=True)
    # Optional contact at the organisation, with why the team keeps the name (privacy).
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_purpose = models.CharField(_("why we keep this contact"), max_length=300, blank=True)
    interests = models.TextField(_("interests"), blank=True, max_length=4000)
    # Ambitions in two columns: for the neighbourhood as a whole, and for the party's own
    # property (the seed asks to keep, e.g., the municipality's two roles apart).
    ambition_neighbourhood = models.TextField(
        _("ambition for the neighbourhood"), blank=True, max_length=4000
    )
    ambition_own_property = models.TextField(
        _("ambition for its own property"), blank=True, max_length=4000
    )
    position = models.CharField(
        _("position towards the approach"),
        max_length=20,
        choices=Position.choices,
        default=Position.NEUTRAL,
    )
    # Grows with every change; a save that expected an older version is refused.
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["party__name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self):
        return self.party.name


class Priority(models.Model):
    """One of a stakeholder's priorities; `rank` 1 is the most important."""

    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="priorities"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    text = models.CharField(_("priority"), max_length=300)

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["stakeholder", "rank"], name="one_priority_per_rank")
        ]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")

    def __str__(self):
        return self.text


class Assessment(Authored):
    """A dated judgement of a stakeholder's power and interest (1-5); never changed."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="assessments"
    )
    # Repeated from the stakeholder so "the project's newest assessments" is one lookup.
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    assessed_on = models.DateField(_("date of the assessment"))
    power = models.PositiveSmallIntegerField(_("power (1-5)"))
    interest = models.PositiveSmallIntegerField(_("interest (1-5)"))
    note = models.CharField(_("explanation"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        indexes = [
            models.Index(fields=["project", "-assessed_on", "-id"], name="assessment_project"),
            models.Index(
                fields=["stakeholder", "-assessed_on", "-id"], name="assessment_stakeholder"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(power__gte=SCORE_MIN, power__lte=SCORE_MAX),
                name="assessment_power_1_5",
            ),
            models.CheckConstraint(
                condition=models.Q(interest__gte=SCORE_MIN, interest__lte=SCORE_MAX),
                name="assessment_interest_1_5",
            ),
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{self.stakeholder}: {self.power}/{self.interest} ({self.assessed_on})"


class Severity(models.TextChoices):
    LOW = "laag", _("low")
    MEDIUM = "middel", _("medium")
    HIGH = "hoog", _("high")


class TensionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DISCUSSED = "besproken", _("being discussed")
    RESOLVED = "opgelost", _("resolved")


class Tension(Authored):
    """Interests that clash: what, between whom, how serious, and what was decided."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tensions")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    stakeholders = models.ManyToManyField(
        Stakeholder, related_name="tensions", verbose_name=_("between")
    )
    severity = models.CharField(
        _("how serious"), max_length=10, choices=Severity.choices, default=Severity.MEDIUM
    )
    status = models.CharField(
        _("status"), max_length=12, choices=TensionStatus.choices, default=TensionStatus.OPEN
    )
    decisions = models.ManyToManyField(
        "logbook.Entry", blank=True, related_name="tensions", verbose_name=_("decisions")
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tension")
        verbose_name_plural = _("tensions")

    def __str__(self):
        return self.title


class MutualGain(Authored):
    """Where parties reinforce each other: a gain they can make together."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="mutual_gains")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    stakeholders = models.ManyToManyField(
        Stakeholder, related_name="mutual_gains", verbose_name=_("parties involved")
    )
    decisions = models.ManyToManyField(
        "logbook.Entry", blank=True, related_name="mutual_gains", verbose_name=_("decisions")
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mutual gain")
        verbose_name_plural = _("mutual gains")

    def __str__(self):
        return self.title


class ChecklistMark(models.Model):
    """One ticked item of a project's Mutual Gains Approach checklist.

    The items themselves (four stages: prepare, create value, distribute value, follow
    through) are fixed in code by a stable key; a row here means the team ticked it.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="mga_marks")
    item_key = models.SlugField(max_length=60)
    note = models.CharField(_("note"), max_length=1000, blank=True)
    checked_at = models.DateTimeField(auto_now_add=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "item_key"], name="one_mark_per_item")
        ]
        verbose_name = _("checklist mark")
        verbose_name_plural = _("checklist marks")

    def __str__(self):
        return self.item_key
