from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "wijkkoers.stakeholders"
    verbose_name = _("Stakeholders, ambitions and interests")

    def ready(self):
        # Two parts, each registering its own audit actions and Tool.
        from wijkkoers.stakeholders import hooks_ambitions, hooks_register

        hooks_register.ready()
        hooks_ambitions.ready()
