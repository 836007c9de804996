from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogbookConfig(AppConfig):
    name = "wijkkoers.logbook"
    verbose_name = _("Project logbook")

    def ready(self):
        from wijkkoers.logbook import actions

        actions.register()
