from django.urls import path

from accessibility import views

urlpatterns = [
    path("saavutettavuus/", views.statement, name="accessibility_statement"),
]
