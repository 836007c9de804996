from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "wijkkoers.exports"
    verbose_name = _("Exports and open data")

    def ready(self):
        from wijkkoers.exports import actions, sections, sheets

        actions.register()
        sections.register()
        sheets.register()
