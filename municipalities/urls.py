from django.urls import path
from django.utils.translation import pgettext_lazy

from municipalities import invitation_views, reminder_views, views

urlpatterns = [
    path(
        pgettext_lazy("URL path", "my-municipality/"),
        views.my_municipality_view,
        name="my_municipality",
    ),
    path(
        pgettext_lazy("URL path", "invitation/<str:token>/"),
        invitation_views.invitation_detail,
        name="invitation",
    ),
    path(
        pgettext_lazy("URL path", "my-municipality/reminders/"),
        reminder_views.reminder_preference,
        name="reminder_preference",
    ),
]
