"""Logbook URLs: entries."""

urlpatterns = []
