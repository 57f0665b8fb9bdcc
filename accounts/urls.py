"""Account pages Silta adds beside allauth's, inside the language prefix."""

from django.urls import path

urlpatterns = []
