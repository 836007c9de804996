"""The logbook's URLs under /projecten/<project_id>/logboek/, one module per part."""

from wijkkoers.logbook.urls import documents, entries, reports

app_name = "logbook"
urlpatterns = [*entries.urlpatterns, *documents.urlpatterns, *reports.urlpatterns]
