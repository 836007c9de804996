"""The token pages live in the account area: /account/api-tokens/."""

from django.urls import path

from wijkkoers.api import views

app_name = "api_tokens"
urlpatterns = [
    path("", views.token_list, name="list"),
    path("nieuw/", views.token_create, name="create"),
    path("<str:token_id>/intrekken/", views.token_revoke, name="revoke"),
]
