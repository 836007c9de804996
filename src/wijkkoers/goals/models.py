"""The project's goal, its measurable indicators and their measurements.

The goal is never overwritten: each change is a new numbered `GoalVersion` (who, when, why)
and `Goal.current` points at the newest, like the logbook's decisions. An indicator is
changed in place with a `version` for optimistic concurrency (every change in the audit
trail) and retired, never deleted. Measurements are never edited: a wrong one is corrected
by a new measurement that names it (`corrects`); the corrected one stays, visibly replaced.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import (
    Authored,
    OwnedByMemberOrParty,
    Project,
    new_public_id,
)

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, lists and links.")


class GoalType(models.TextChoices):
    CO2_NEUTRAL = "co2-neutraal", _("CO2-neutral")
    GAS_FREE = "aardgasvrij", _("natural-gas-free")
    GAS_FREE_READY = "aardgasvrij-ready", _("ready to go natural-gas-free")
    OTHER = "anders", _("another goal")


class EnergyScope(models.TextChoices):
    HEAT = "warmte", _("heat only (heating and hot water)")
    ALL = "alle-energie", _("all energy use (heat, electricity, cooking)")


class ScopeAnswer(models.TextChoices):
    YES = "ja", _("yes")
    NO = "nee", _("no")


# What a version of the goal says (its content fields): the form, the audit and the
# services read this one list.
GOAL_FIELDS = (
    "goal_type",
    "other_label",
    "definition",
    "scope",
    "energy_scope",
    "electricity_counted",
    "compensation_allowed",
    "reference_year",
)


class Goal(models.Model):
    """The project's one goal; its content lives in its versions."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="goal")
    current = models.ForeignKey(
        "GoalVersion", on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return str(self.project)


class GoalVersion(Authored):
    """One version of the goal; never changed after it is written."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    goal_type = models.CharField(_("kind of goal"), max_length=20, choices=GoalType.choices)
    other_label = models.CharField(_("name of the goal"), max_length=200, blank=True)
    definition = models.TextField(_("our definition"), max_length=10000, help_text=MARKDOWN_HELP)
    definition_html = models.TextField(blank=True, editable=False)
    scope = models.TextField(_("scope"), blank=True, max_length=10000, help_text=MARKDOWN_HELP)
    scope_html = models.TextField(blank=True, editable=False)
    # The scope questions of CO2-neutraal; empty means "not decided yet".
    energy_scope = models.CharField(
        _("energy counted"), max_length=20, choices=EnergyScope.choices, blank=True
    )
    electricity_counted = models.CharField(
        _("electricity counted"), max_length=3, choices=ScopeAnswer.choices, blank=True
    )
    compensation_allowed = models.CharField(
        _("compensation allowed"), max_length=3, choices=ScopeAnswer.choices, blank=True
    )
    reference_year = models.PositiveSmallIntegerField(_("reference year"), null=True, blank=True)
    change_reason = models.CharField(_("reason for the change"), max_length=1000, blank=True)

    class Meta:
        ordering = ["goal", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "number"], name="one_goal_version_number")
        ]
        verbose_name = _("version of the goal")
        verbose_name_plural = _("versions of the goal")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if self.goal_type == GoalType.OTHER and self.other_label:
            return self.other_label
        return str(self.get_goal_type_display())


class Indicator(Authored, OwnedByMemberOrParty):
    """A measurable criterion of the goal: from a baseline to a target by a deadline."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(_("target value"), max_digits=16, decimal_places=3)
    deadline = models.DateField(_("deadline"))
    verification = models.TextField(_("how it is verified"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    retirement_reason = models.CharField(_("reason for retiring"), max_length=1000, blank=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["project", "name"], name="indicator_project")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class Measurement(Authored):
    """One measured value of an indicator on a date; never changed after it is written."""

    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=3)
    measured_on = models.DateField(_("date measured"))
    note = models.CharField(_("note"), max_length=1000, blank=True)
    # A correction names the measurement it replaces; that one then no longer counts.
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
        verbose_name=_("corrects"),
    )

    class Meta:
        ordering = ["measured_on", "id"]
        indexes = [
            models.Index(fields=["indicator", "-measured_on", "-id"], name="measurement_newest")
        ]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self):
        return f"{self.value} ({self.measured_on:%d-%m-%Y})"
