from django.urls import path

from courses import views

urlpatterns = [
    path("oma-opiskelu/", views.my_studies_view, name="my_studies"),
    path(
        "oppitunnit/<int:lesson_id>/suorita/",
        views.complete_lesson,
        name="complete_lesson",
    ),
]
