"""Logbook URLs: documents."""

urlpatterns = []
