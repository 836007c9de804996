from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingcostConfig(AppConfig):
    name = "wijkkoers.housingcost"
    verbose_name = _("Housing-cost neutrality")

    def ready(self):
        from wijkkoers.housingcost import actions, tool

        actions.register()
        tool.register_tool()
