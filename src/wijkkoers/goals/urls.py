from django.urls import path

from wijkkoers.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.index, name="index"),
    path("doel/wijzigen/", views.goal_edit, name="goal_edit"),
    path("indicatoren/", views.indicators, name="indicators"),
    path("indicatoren/nieuw/", views.indicator_create, name="indicator_create"),
    path("indicatoren/<str:indicator_id>/", views.indicator, name="indicator"),
    path("indicatoren/<str:indicator_id>/wijzigen/", views.indicator_edit, name="indicator_edit"),
    path(
        "indicatoren/<str:indicator_id>/intrekken/",
        views.indicator_retire,
        name="indicator_retire",
    ),
    path(
        "indicatoren/<str:indicator_id>/metingen/",
        views.measurement_add,
        name="measurement_add",
    ),
    path(
        "indicatoren/<str:indicator_id>/metingen/<str:measurement_id>/corrigeren/",
        views.measurement_correct,
        name="measurement_correct",
    ),
]
