"""Learners' attempts at quizzes and their responses, kept as events.

A response keeps a snapshot of the question as it was shown, so editing the
bank later never changes a past result.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quizzes.models.bank import Question
from quizzes.models.quiz_page import QuizPage


class Attempt(models.Model):
    """One try at a quiz by one learner: the questions shown, then the grade.

    The database keeps the invariants: attempt numbers are unique per learner and
    quiz, and a learner has at most one attempt in progress per quiz. Submitting
    flips `state` with a conditional update so only one request grades.
    """

    class State(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        QuizPage, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_(
            "Goes up with every save, so a form opened before another tab's save "
            "is recognised as stale instead of overwriting newer answers."
        ),
    )
    points = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    max_points = models.DecimalField(
        max_digits=9, decimal_places=4, null=True, blank=True
    )
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=False)
    timed_out = models.BooleanField(
        _("closed by the time limit"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["quiz", "user", "number"]
        permissions = [("view_item_analysis", "Can view quiz item analysis")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="unique_attempt_number"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(state="in_progress"),
                name="one_attempt_in_progress",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="attempt_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_is_percentage",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "state"], name="attempt_quiz_state")]

    def __str__(self):
        return f"{self.user} – {self.quiz_id} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.state == self.State.SUBMITTED


class Response(models.Model):
    """A learner's answer to one question in one attempt, and what it earned.

    `snapshot` is the question as shown in this attempt (text, options with their
    opaque tokens, fractions and feedback); grading and review read it rather than
    the bank, so later edits do not rewrite history. It is never sent to the page
    as such. An essay stays private unless its writer sets `shared`.
    """

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses"
    )
    question = models.ForeignKey(
        Question,
        null=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    snapshot = models.JSONField(_("question as shown"))
    answer = models.JSONField(_("answer"), null=True, blank=True)
    fraction = models.DecimalField(
        max_digits=7, decimal_places=5, null=True, blank=True
    )
    points = models.DecimalField(max_digits=9, decimal_places=4, null=True, blank=True)
    shared = models.BooleanField(
        _("shared with facilitators"),
        default=False,
        help_text=_("Essays only: the writer lets facilitators read this answer."),
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="unique_response_per_question"
            ),
            models.UniqueConstraint(
                fields=["attempt", "position"], name="unique_response_position"
            ),
        ]

    def __str__(self):
        return f"{self.attempt} – {self.position}"
