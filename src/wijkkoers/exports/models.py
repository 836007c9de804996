"""A person named in an imported project who has no account here: a name, not an account."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkkoers.projects.models import Party, Project, Role


class Placeholder(models.Model):
    """A member of an imported project whose e-mail address matched no account.

    Kept so the team knows who was at the table, and exported again as that member. It
    gives no access to anything: whoever has that address can be invited as usual.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="placeholders")
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    party = models.ForeignKey(
        Party, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    joined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("person without an account")
        verbose_name_plural = _("people without an account")

    def __str__(self):
        return self.name or self.email
