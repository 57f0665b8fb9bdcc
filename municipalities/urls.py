from django.urls import path

from municipalities import views

urlpatterns = [
    path("oma-kunta/", views.my_municipality_view, name="my_municipality"),
]
