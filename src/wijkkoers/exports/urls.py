"""Under /projecten/<project_id>/export/: the project's downloads."""

from django.urls import path

from wijkkoers.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.index, name="index"),
    path("tabellen.xlsx", views.workbook, name="workbook"),
    path("tabel/<slug:key>.<str:extension>", views.sheet, name="sheet"),
    path("volledig/", views.full_export, name="full"),
]
