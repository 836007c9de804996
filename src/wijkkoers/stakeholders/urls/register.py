"""The register's URLs: the list, a stakeholder and its forms, the power-interest map.

A stakeholder's pages match only the shape of a public id (12 characters), so the
ambitions part's own words under the same prefix never reach these views.
"""

from django.urls import path, re_path

from wijkkoers.stakeholders.views import register as views

ONE = r"^(?P<stakeholder_id>[A-Za-z0-9_-]{12})/"

urlpatterns = [
    path("", views.register, name="register"),
    path("nieuw/", views.add, name="register_add"),
    path("kaart/", views.map_page, name="power_map"),
    re_path(ONE + r"$", views.detail, name="stakeholder"),
    re_path(ONE + r"wijzigen/$", views.edit, name="stakeholder_edit"),
    re_path(ONE + r"beoordelen/$", views.assess, name="stakeholder_assess"),
    re_path(ONE + r"verwijderen/$", views.remove, name="stakeholder_remove"),
]
