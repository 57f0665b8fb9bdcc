"""Coordinator pages, under one prefix that `apps.py` guards with a second factor."""

from django.urls import path

from municipalities import comparison_views, invitation_views, reminder_views
from municipalities import coordinator_views as views

urlpatterns = [
    path("", views.coordinator_index, name="coordinator_index"),
    path("<str:code>/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path(
        "<str:code>/vertailu/",
        comparison_views.coordinator_comparison,
        name="coordinator_comparison",
    ),
    path(
        "<str:code>/vienti.csv",
        views.coordinator_export,
        {"extension": "csv"},
        name="coordinator_export_csv",
    ),
    path(
        "<str:code>/vienti.xlsx",
        views.coordinator_export,
        {"extension": "xlsx"},
        name="coordinator_export_xlsx",
    ),
    path(
        "<str:code>/todistukset.zip",
        views.coordinator_certificates,
        name="coordinator_certificates",
    ),
    path(
        "<str:code>/muistutukset/",
        reminder_views.reminder_log,
        name="coordinator_reminders",
    ),
    path(
        "<str:code>/muistutukset/<int:module_id>/",
        reminder_views.reminder_preview,
        name="coordinator_reminder",
    ),
    path(
        "<str:code>/kutsut/",
        invitation_views.invitation_list,
        name="coordinator_invitations",
    ),
    path(
        "<str:code>/kutsut/uusi/",
        invitation_views.invitation_new,
        name="coordinator_invitation_new",
    ),
    path(
        "<str:code>/kutsut/tuonti/",
        invitation_views.invitation_upload,
        name="coordinator_invitation_upload",
    ),
    path(
        "<str:code>/kutsut/tuonti/<str:key>/",
        invitation_views.invitation_preview,
        name="coordinator_invitation_preview",
    ),
    path(
        "<str:code>/kutsut/<int:pk>/uudelleen/",
        invitation_views.invitation_resend,
        name="coordinator_invitation_resend",
    ),
    path(
        "<str:code>/kutsut/<int:pk>/peru/",
        invitation_views.invitation_revoke,
        name="coordinator_invitation_revoke",
    ),
]
