from django.urls import path
from django.utils.translation import pgettext_lazy

from accessibility import views

urlpatterns = [
    path(
        pgettext_lazy("URL path", "accessibility/"),
        views.statement,
        name="accessibility_statement",
    ),
]
