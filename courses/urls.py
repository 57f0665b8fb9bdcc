from django.urls import path

from courses import certificate_views, views

urlpatterns = [
    path("oma-opiskelu/", views.my_studies_view, name="my_studies"),
    path("sanasto/", views.glossary_view, name="glossary"),
    path(
        "oma-opiskelu/todistukset/<int:certificate_id>/",
        certificate_views.download_certificate,
        name="download_certificate",
    ),
    path("todistus/", certificate_views.check_certificate, name="check_certificate"),
    path(
        "todistus/<str:code>/",
        certificate_views.verify_certificate,
        name="verify_certificate",
    ),
    path(
        "oppitunnit/<int:lesson_id>/suorita/",
        views.complete_lesson,
        name="complete_lesson",
    ),
]
