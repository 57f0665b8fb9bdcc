from django.urls import path

from municipalities import invitation_views, reminder_views, views

urlpatterns = [
    path("oma-kunta/", views.my_municipality_view, name="my_municipality"),
    path("kutsu/<str:token>/", invitation_views.invitation_detail, name="invitation"),
    path(
        "oma-kunta/muistutukset/",
        reminder_views.reminder_preference,
        name="reminder_preference",
    ),
]
