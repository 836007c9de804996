from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodConfig(AppConfig):
    name = "wijkkoers.method"
    verbose_name = _("Method")

    def ready(self):
        from wijkkoers.method import signals

        signals.index_step_parts_with_their_step()
