"""The ambitions part: /projecten/<id>/instrumenten/belanghebbenden/ambities/ and beyond."""

from django.urls import path

from wijkkoers.stakeholders.views import ambitions as views

urlpatterns = [
    path("ambities/", views.matrix, name="ambitions"),
    path("ambities/<str:stakeholder_id>/", views.ambitions_edit, name="ambitions_edit"),
    path("spanningen/", views.tensions, name="tensions"),
    path("spanningen/nieuw/", views.tension_new, name="tension_new"),
    path("spanningen/<str:tension_id>/", views.tension_edit, name="tension_edit"),
    path("kansen/", views.gains, name="gains"),
    path("kansen/nieuw/", views.gain_new, name="gain_new"),
    path("kansen/<str:gain_id>/", views.gain_edit, name="gain_edit"),
    path("mga/", views.mga_checklist, name="mga"),
    path("mga/<slug:item_key>/", views.mga_mark, name="mga_mark"),
]
