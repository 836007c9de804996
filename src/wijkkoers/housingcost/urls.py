"""Housing-cost neutrality under /projecten/<project_id>/instrumenten/woonlasten/."""

from django.urls import path

from wijkkoers.housingcost import views

app_name = "housingcost"
urlpatterns = [
    path("", views.index, name="index"),
    path("definitie/", views.definition_edit, name="definition_edit"),
    path("huishoudens/", views.archetypes, name="archetypes"),
    path("huishoudens/nieuw/", views.archetype_create, name="archetype_create"),
    path("huishoudens/<str:archetype_id>/", views.archetype_edit, name="archetype_edit"),
    path(
        "huishoudens/<str:archetype_id>/verwijderen/",
        views.archetype_remove,
        name="archetype_remove",
    ),
    path("berekenen/", views.calculator, name="calculator"),
    path(
        "berekenen/<str:archetype_id>/bewaren/",
        views.calculation_save,
        name="calculation_save",
    ),
    path("berekeningen/<str:calculation_id>/", views.calculation, name="calculation"),
]
