from django.urls import path

from courses import views

urlpatterns = [
    path("oma-opiskelu/", views.my_studies_view, name="my_studies"),
    path("sanasto/", views.glossary_view, name="glossary"),
    path(
        "oppitunnit/<int:lesson_id>/suorita/",
        views.complete_lesson,
        name="complete_lesson",
    ),
]
