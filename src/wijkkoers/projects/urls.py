from django.urls import path

from wijkkoers.projects.views import (
    changes,
    members,
    parties,
    portfolio,
    settings_objects,
    workspace,
)

app_name = "projects"
urlpatterns = [
    path("", portfolio.portfolio, name="portfolio"),
    path("nieuw/", portfolio.project_create, name="create"),
    path("uitnodiging/<str:token>/", members.invitation, name="invitation"),
    path("<str:project_id>/", workspace.compass, name="compass"),
    path("<str:project_id>/stappen/<slug:step_key>/", workspace.project_step, name="step"),
    path("<str:project_id>/instellingen/", workspace.project_settings, name="settings"),
    path(
        "<str:project_id>/instellingen/<str:change>/",
        workspace.project_status,
        name="project_status",
    ),
    path(
        "<str:project_id>/instellingen/partijen/<str:party_id>/",
        parties.party_edit,
        name="party_edit",
    ),
    path(
        "<str:project_id>/instellingen/partijen/<str:object_id>/verwijderen/",
        settings_objects.object_remove,
        {"kind": "partijen"},
        name="party_remove",
    ),
    path(
        "<str:project_id>/instellingen/buurten/<str:object_id>/",
        settings_objects.object_edit,
        {"kind": "buurten"},
        name="neighbourhood_edit",
    ),
    path(
        "<str:project_id>/instellingen/buurten/<str:object_id>/verwijderen/",
        settings_objects.object_remove,
        {"kind": "buurten"},
        name="neighbourhood_remove",
    ),
    path(
        "<str:project_id>/instellingen/deelprojecten/<str:object_id>/",
        settings_objects.object_edit,
        {"kind": "deelprojecten"},
        name="subproject_edit",
    ),
    path(
        "<str:project_id>/instellingen/deelprojecten/<str:object_id>/verwijderen/",
        settings_objects.object_remove,
        {"kind": "deelprojecten"},
        name="subproject_remove",
    ),
    path("<str:project_id>/wijzigingen/", changes.project_changes, name="audit"),
    path("<str:project_id>/leden/", members.members, name="members"),
    path("<str:project_id>/leden/<str:public_id>/rol/", members.member_role, name="member_role"),
    path(
        "<str:project_id>/leden/<str:public_id>/verwijderen/",
        members.member_remove,
        name="member_remove",
    ),
    path(
        "<str:project_id>/uitnodigingen/<uuid:public_id>/<str:action>/",
        members.invitation_action,
        name="invitation_action",
    ),
]
