from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "wijkkoers.audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from django.contrib.auth import get_user_model

        from wijkkoers.audit.registry import register_object_type

        # People appear in every app's events; they are named as they were at the time.
        register_object_type(
            get_user_model(),
            "person",
            describe=lambda u: u.display_name,
            identify=lambda u: str(u.pk),
        )
