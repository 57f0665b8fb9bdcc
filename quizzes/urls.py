"""Learner routes for taking quizzes; the quiz page itself is served by Wagtail."""

from django.urls import path

from quizzes import views

urlpatterns = [
    path("tentit/<int:quiz_id>/aloita/", views.start_view, name="quiz_start"),
    path("suoritukset/<int:attempt_id>/", views.attempt_view, name="quiz_attempt"),
    path("suoritukset/<int:attempt_id>/tulos/", views.review_view, name="quiz_review"),
    path(
        "suoritukset/<int:attempt_id>/vastaukset/<int:position>/jako/",
        views.share_view,
        name="quiz_share_essay",
    ),
]
