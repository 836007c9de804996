"""Site-wide pages of the exports app: importing a project, and the method as open data."""

from django.urls import path

from wijkkoers.exports import opendata, views

app_name = "exports_site"
urlpatterns = [
    path("projecten/importeren/", views.import_view, name="import"),
    path("open-data/", opendata.index, name="index"),
    path("open-data/methode.json", opendata.method_json, name="method_json"),
    path("open-data/methode-content.zip", opendata.content_zip, name="content_zip"),
]
