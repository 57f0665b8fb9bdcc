"""Account pages Silta adds beside allauth's, inside the language prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from accounts import account_views
from accounts.privacy_notice import privacy_notice

urlpatterns = [
    path(
        pgettext_lazy("URL path", "my-details/"),
        account_views.profile,
        name="account_profile",
    ),
    path(
        pgettext_lazy("URL path", "my-details/download/"),
        account_views.data_download,
        name="account_data",
    ),
    path(
        pgettext_lazy("URL path", "my-details/summary/"),
        account_views.data_summary,
        name="account_data_summary",
    ),
    path(
        pgettext_lazy("URL path", "my-details/delete/"),
        account_views.delete_account,
        name="account_delete",
    ),
    path(pgettext_lazy("URL path", "privacy/"), privacy_notice, name="privacy_notice"),
]
