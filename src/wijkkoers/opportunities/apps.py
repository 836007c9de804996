from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    name = "wijkkoers.opportunities"
    verbose_name = _("Linking opportunities")

    def ready(self):
        from wijkkoers.opportunities import actions, tool

        actions.register()
        tool.ready()
