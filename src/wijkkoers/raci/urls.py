"""Roles and the RACI matrix under /projecten/<project_id>/instrumenten/rollen/."""

from django.urls import path

from wijkkoers.raci import views

app_name = "raci"
urlpatterns = [
    path("", views.index, name="index"),
    path("rijen/nieuw/", views.row_edit, name="row_create"),
    path("rijen/<str:row_id>/", views.row_edit, name="row_edit"),
    path("rijen/<str:row_id>/verwijderen/", views.row_remove, name="row_remove"),
    path("teamrollen/", views.roles, name="roles"),
    path("teamrollen/<str:role_id>/", views.role_edit, name="role_edit"),
    path("teamrollen/<str:role_id>/verwijderen/", views.role_remove, name="role_remove"),
]
