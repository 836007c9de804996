"""Linking opportunities (koppelkansen): other work the energy transition can go along with.

Social (a welfare programme, a residents' initiative) or physical (sewer replacement, road
works, a corporation's renovation), each with an owner, a timing window, a status and the
steps of the method it belongs to. A window's ends are kept as dates together with how
precisely the team gave them (a year, a month or a day), so "2027-2028" reads back as
written while the timeline can still place it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import (
    Authored,
    OwnedByMemberOrParty,
    Project,
    new_public_id,
)


class Kind(models.TextChoices):
    SOCIAL = "sociaal", _("social")
    PHYSICAL = "fysiek", _("physical")


class Status(models.TextChoices):
    IDEA = "idee", _("idea")
    EXPLORED = "verkend", _("explored")
    AGREED = "afgesproken", _("agreed")
    USED = "benut", _("used")
    LAPSED = "vervallen", _("lapsed")


# Statuses in which the opportunity is still ahead of the team.
OPEN_STATUSES = {Status.IDEA, Status.EXPLORED, Status.AGREED}


class Precision(models.TextChoices):
    YEAR = "jaar", _("year")
    MONTH = "maand", _("month")
    DAY = "dag", _("day")


class Opportunity(Authored, OwnedByMemberOrParty):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="opportunities")
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    # The window's first and last day, and how precisely each end was given.
    window_start = models.DateField(_("window from"), null=True, blank=True)
    window_start_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    window_end = models.DateField(_("window until"), null=True, blank=True)
    window_end_precision = models.CharField(max_length=5, choices=Precision.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IDEA
    )
    step_keys = models.JSONField(_("steps"), default=list, blank=True)
    # Grows with every change; a save that expected an older version is refused.
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = [F("window_start").asc(nulls_last=True), "title", "id"]
        indexes = [
            models.Index(fields=["project", "status"], name="opportunity_project_status"),
            models.Index(fields=["project", "window_start"], name="opportunity_project_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(window_end__gte=F("window_start"))
                | models.Q(window_start=None)
                | models.Q(window_end=None),
                name="opportunity_window_in_order",
            )
        ]
        verbose_name = _("linking opportunity")
        verbose_name_plural = _("linking opportunities")

    def __str__(self):
        return self.title

    @property
    def owner(self):
        return self.owner_member or self.owner_party

    @property
    def owner_name(self) -> str:
        if self.owner_member_id:
            return self.owner_member.user.display_name
        return self.owner_party.name if self.owner_party_id else ""
