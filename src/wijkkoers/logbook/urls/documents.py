"""Logbook URLs: documents, links and the logbook search."""

from django.urls import path

from wijkkoers.logbook.views import documents as views

urlpatterns = [
    path("documenten/", views.document_list, name="documents"),
    # Its own path: only here may a request body be 25 MB (MAX_REQUEST_BODY_SIZE_BY_PATH).
    path("documenten/toevoegen/", views.document_add, name="document_add"),
    path("documenten/<str:document_id>/", views.document_detail, name="document"),
    path(
        "documenten/<str:document_id>/download/",
        views.document_download,
        name="document_download",
    ),
    path(
        "documenten/<str:document_id>/intrekken/",
        views.document_withdraw,
        name="document_withdraw",
    ),
    path("links/", views.link_list, name="links"),
    path("links/<str:link_id>/", views.link_detail, name="link"),
    path("links/<str:link_id>/intrekken/", views.link_withdraw, name="link_withdraw"),
    path("zoeken/", views.search, name="search"),
]
