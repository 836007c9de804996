"""Linking opportunities under /projecten/<project_id>/instrumenten/koppelkansen/."""

from django.urls import path

from wijkkoers.opportunities import views

app_name = "opportunities"
urlpatterns = [
    path("", views.index, name="index"),
    path("tijdlijn/", views.timeline_page, name="timeline"),
    path("nieuw/", views.edit, name="create"),
    path("<str:opportunity_id>/", views.detail, name="detail"),
    path("<str:opportunity_id>/wijzigen/", views.edit, name="edit"),
    path("<str:opportunity_id>/verwijderen/", views.remove, name="remove"),
]
