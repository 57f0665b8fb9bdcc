from django.urls import path
from django.utils.translation import pgettext_lazy

from courses import certificate_views, views

urlpatterns = [
    path(
        pgettext_lazy("URL path", "my-studies/"),
        views.my_studies_view,
        name="my_studies",
    ),
    path(pgettext_lazy("URL path", "glossary/"), views.glossary_view, name="glossary"),
    path(
        pgettext_lazy("URL path", "my-studies/certificates/<int:certificate_id>/"),
        certificate_views.download_certificate,
        name="download_certificate",
    ),
    path(
        pgettext_lazy("URL path", "certificate/"),
        certificate_views.check_certificate,
        name="check_certificate",
    ),
    path(
        pgettext_lazy("URL path", "certificate/<str:code>/"),
        certificate_views.verify_certificate,
        name="verify_certificate",
    ),
    path(
        pgettext_lazy("URL path", "lessons/<int:lesson_id>/complete/"),
        views.complete_lesson,
        name="complete_lesson",
    ),
]
