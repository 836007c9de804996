"""Logbook URLs: the overview, decisions, agreements, actions and meetings."""

from django.urls import path

from wijkkoers.logbook.models import EntryKind
from wijkkoers.logbook.views import entries as views

urlpatterns = [
    path("", views.index, name="index"),
    # Decisions
    path("besluiten/", views.entry_list, {"kind": EntryKind.DECISION}, name="decisions"),
    path("besluiten/nieuw/", views.decision_create, name="decision_create"),
    path("besluiten/<str:entry_id>/", views.decision, name=EntryKind.DECISION),
    path("besluiten/<str:entry_id>/wijzigen/", views.decision_revise, name="decision_revise"),
    path(
        "besluiten/<str:entry_id>/intrekken/",
        views.withdraw,
        {"kind": EntryKind.DECISION},
        name="decision_withdraw",
    ),
    # Agreements
    path("afspraken/", views.entry_list, {"kind": EntryKind.AGREEMENT}, name="agreements"),
    path("afspraken/nieuw/", views.agreement_create, name="agreement_create"),
    path("afspraken/<str:entry_id>/", views.agreement, name=EntryKind.AGREEMENT),
    path("afspraken/<str:entry_id>/wijzigen/", views.agreement_revise, name="agreement_revise"),
    path(
        "afspraken/<str:entry_id>/intrekken/",
        views.withdraw,
        {"kind": EntryKind.AGREEMENT},
        name="agreement_withdraw",
    ),
    # Actions
    path("acties/", views.entry_list, {"kind": EntryKind.ACTION}, name="actions"),
    path("acties/nieuw/", views.action_edit, name="action_create"),
    path("acties/<str:entry_id>/", views.action, name=EntryKind.ACTION),
    path("acties/<str:entry_id>/wijzigen/", views.action_edit, name="action_edit"),
    path("acties/<str:entry_id>/klaar/", views.action_done, name="action_done"),
    # Meetings
    path("bijeenkomsten/", views.entry_list, {"kind": EntryKind.MEETING}, name="meetings"),
    path("bijeenkomsten/nieuw/", views.meeting_edit, name="meeting_create"),
    path("bijeenkomsten/<str:entry_id>/", views.meeting, name=EntryKind.MEETING),
    path("bijeenkomsten/<str:entry_id>/wijzigen/", views.meeting_edit, name="meeting_edit"),
    path(
        "bijeenkomsten/<str:entry_id>/vastleggen/",
        views.meeting_record,
        name="meeting_record",
    ),
]
