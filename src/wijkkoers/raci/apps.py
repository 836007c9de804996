from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RaciConfig(AppConfig):
    name = "wijkkoers.raci"
    verbose_name = _("Roles (RACI)")

    def ready(self):
        from wijkkoers.raci import actions, tool

        actions.register()
        tool.ready()
