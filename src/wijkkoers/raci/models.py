"""The project team's roles and the RACI matrix: who does what per activity or step.

A role ("Procesregisseur gemeente") is named by the team and may be filled by a member, a
party, both or (for now) nobody. A RACI row is an activity (free text) or a step of the
method (by its stable key), or both; its cells give each role a letter: R (does the work),
A (answers for it), C (asked beforehand), I (kept informed), or nothing.

A row is saved only when it has exactly one A and at least one R (`services.save_row`).
Removing a role removes its cells, so a row can become incomplete afterwards: the matrix
and the compass flag such rows until the team fixes them (`queries.row_problem`).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import (
    Authored,
    Membership,
    Party,
    Project,
    new_public_id,
)


class Letter(models.TextChoices):
    RESPONSIBLE = "R", _("R: responsible (does the work)")
    ACCOUNTABLE = "A", _("A: accountable (answers for the result)")
    CONSULTED = "C", _("C: consulted (asked beforehand)")
    INFORMED = "I", _("I: informed (kept up to date)")


class TeamRole(Authored):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team_roles")
    name = models.CharField(_("name of the role"), max_length=120)
    description = models.CharField(_("short description"), max_length=500, blank=True)
    member = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_roles",
        verbose_name=_("filled by (member)"),
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_roles",
        verbose_name=_("filled by (party)"),
    )
    # Grows with every change; a save that expected an older version is refused.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint("project", Lower("name"), name="one_team_role_name_per_project")
        ]
        verbose_name = _("team role")
        verbose_name_plural = _("team roles")

    def __str__(self):
        return self.name


class RaciRow(Authored):
    public_id = models.CharField(max_length=16, unique=True, default=new_public_id, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="raci_rows")
    activity = models.CharField(_("activity"), max_length=300, blank=True)
    step_key = models.SlugField(_("step"), max_length=120, blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["project", "step_key"], name="raci_row_project_step")]
        verbose_name = _("RACI row")
        verbose_name_plural = _("RACI rows")

    def __str__(self):
        return self.label

    @property
    def step_label(self) -> str:
        """The step as the method names it now ("1.5 Afstemming ..."), or its key if gone."""
        return step_label(self.step_key) if self.step_key else ""

    @property
    def label(self) -> str:
        """How the row reads: its activity, else its step."""
        return self.activity or self.step_label


def step_label(key: str) -> str:
    from wijkkoers.method.catalogue import get_catalogue

    step = get_catalogue().steps.get(key)
    return f"{step.display_number} {step.title}" if step else key


class RaciCell(models.Model):
    """One role's letter in one row; a role without a letter has no cell."""

    row = models.ForeignKey(RaciRow, on_delete=models.CASCADE, related_name="cells")
    role = models.ForeignKey(TeamRole, on_delete=models.CASCADE, related_name="cells")
    letter = models.CharField(_("letter"), max_length=1, choices=Letter.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["row", "role"], name="one_raci_cell_per_row_role"),
            models.CheckConstraint(
                condition=models.Q(letter__in=["R", "A", "C", "I"]), name="raci_cell_letter"
            ),
        ]
        verbose_name = _("RACI cell")
        verbose_name_plural = _("RACI cells")

    def __str__(self):
        return self.letter
