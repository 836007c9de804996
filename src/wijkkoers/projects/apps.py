from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "wijkkoers.projects"
    verbose_name = _("Project workspaces")

    def ready(self):
        from wijkkoers.projects import actions, freshness

        actions.register()
        freshness.connect()
