"""The stakeholder tools' URLs under /projecten/<project_id>/instrumenten/belanghebbenden/."""

from wijkkoers.stakeholders.urls import ambitions, register

app_name = "stakeholders"
urlpatterns = [*register.urlpatterns, *ambitions.urlpatterns]
