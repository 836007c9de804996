from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoalsConfig(AppConfig):
    name = "wijkkoers.goals"
    verbose_name = _("Goals and indicators")

    def ready(self):
        from wijkkoers.goals import actions, tool

        actions.register()
        tool.ready()
