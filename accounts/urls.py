"""Account pages Silta adds beside allauth's, inside the language prefix."""

from django.urls import path

from accounts.privacy_notice import privacy_notice

urlpatterns = [
    path("tietosuoja/", privacy_notice, name="privacy_notice"),
]
