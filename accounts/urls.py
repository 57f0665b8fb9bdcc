"""Account pages Silta adds beside allauth's, inside the language prefix."""

from django.urls import path

from accounts import account_views
from accounts.privacy_notice import privacy_notice

urlpatterns = [
    path("omat-tiedot/", account_views.profile, name="account_profile"),
    path("omat-tiedot/lataa/", account_views.data_download, name="account_data"),
    path(
        "omat-tiedot/yhteenveto/",
        account_views.data_summary,
        name="account_data_summary",
    ),
    path("omat-tiedot/poista/", account_views.delete_account, name="account_delete"),
    path("tietosuoja/", privacy_notice, name="privacy_notice"),
]
