"""Logbook URLs: reports."""

urlpatterns = []
