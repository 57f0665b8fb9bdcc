"""Coordinator pages, under one prefix that `apps.py` guards with a second factor."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from municipalities import comparison_views, invitation_views, reminder_views
from municipalities import coordinator_views as views

urlpatterns = [
    path("", views.coordinator_index, name="coordinator_index"),
    path("<str:code>/", views.coordinator_dashboard, name="coordinator_dashboard"),
    path(
        pgettext_lazy("URL path", "<str:code>/comparison/"),
        comparison_views.coordinator_comparison,
        name="coordinator_comparison",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/export.csv"),
        views.coordinator_export,
        {"extension": "csv"},
        name="coordinator_export_csv",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/export.xlsx"),
        views.coordinator_export,
        {"extension": "xlsx"},
        name="coordinator_export_xlsx",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/certificates.zip"),
        views.coordinator_certificates,
        name="coordinator_certificates",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/reminders/"),
        reminder_views.reminder_log,
        name="coordinator_reminders",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/reminders/<int:module_id>/"),
        reminder_views.reminder_preview,
        name="coordinator_reminder",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/"),
        invitation_views.invitation_list,
        name="coordinator_invitations",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/new/"),
        invitation_views.invitation_new,
        name="coordinator_invitation_new",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/import/"),
        invitation_views.invitation_upload,
        name="coordinator_invitation_upload",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/import/<str:key>/"),
        invitation_views.invitation_preview,
        name="coordinator_invitation_preview",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/<int:pk>/resend/"),
        invitation_views.invitation_resend,
        name="coordinator_invitation_resend",
    ),
    path(
        pgettext_lazy("URL path", "<str:code>/invitations/<int:pk>/revoke/"),
        invitation_views.invitation_revoke,
        name="coordinator_invitation_revoke",
    ),
]
