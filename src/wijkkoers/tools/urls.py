"""The working tools under /projecten/<project_id>/instrumenten/: the overview, then one
prefix per tool app."""

from django.urls import path

from wijkkoers.tools import views

app_name = "tools"
urlpatterns = [path("", views.index, name="index")]
