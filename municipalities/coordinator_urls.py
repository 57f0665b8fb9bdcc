"""Coordinator pages, under one prefix that `apps.py` guards with a second factor."""

from django.urls import path

from municipalities import coordinator_views as views

urlpatterns = [
    path("", views.coordinator_index, name="coordinator_index"),
    path("<str:code>/", views.coordinator_dashboard, name="coordinator_dashboard"),
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
]
