"""Learner routes for taking quizzes; the quiz page itself is served by Wagtail."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from quizzes import views

urlpatterns = [
    path(
        pgettext_lazy("URL path", "quizzes/<int:quiz_id>/start/"),
        views.start_view,
        name="quiz_start",
    ),
    path(
        pgettext_lazy("URL path", "attempts/<int:attempt_id>/"),
        views.attempt_view,
        name="quiz_attempt",
    ),
    path(
        pgettext_lazy("URL path", "attempts/<int:attempt_id>/result/"),
        views.review_view,
        name="quiz_review",
    ),
    path(
        pgettext_lazy(
            "URL path", "attempts/<int:attempt_id>/answers/<int:position>/share/"
        ),
        views.share_view,
        name="quiz_share_essay",
    ),
]
