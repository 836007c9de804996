from django.urls import path

from wijkkoers.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profiel/", views.profile, name="profile"),
]
