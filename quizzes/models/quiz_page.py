"""Quiz pages: the rules of a quiz and the bank questions it lists.

A quiz page either lists bank questions in order or draws N at random from a
category.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from courses.access import RestrictionsReadOnce
from courses.blocks import RICH_TEXT_FEATURES
from courses.languages import (
    CONTENT_LANGUAGES,
    DEFAULT_CONTENT_LANGUAGE,
    InterfaceLanguageUrls,
)
from quizzes.models.bank import Question, QuestionCategory
from quizzes.standing import quiz_page_context


class QuizPage(RestrictionsReadOnce, InterfaceLanguageUrls, Page):
    """The quiz that closes a module; passing it is part of completing the module.

    Questions come either from the ordered list or, when a random category is
    set, as `random_count` questions drawn from it per attempt.
    """

    class Feedback(models.TextChoices):
        AFTER_SUBMIT = "after_submit", _("After each submitted attempt")
        ONCE_PASSED = "once_passed", _("Once the quiz has been passed")
        NEVER = "never", _("Never")

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    random_category = models.ForeignKey(
        QuestionCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("draw random questions from"),
        help_text=_("Leave empty to use the ordered list of questions below."),
    )
    random_count = models.PositiveSmallIntegerField(
        _("number of random questions"), default=10, validators=[MinValueValidator(1)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    feedback_policy = models.CharField(
        _("show feedback"),
        max_length=20,
        choices=Feedback.choices,
        default=Feedback.AFTER_SUBMIT,
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no time limit."),
    )

    questions_language = models.CharField(
        _("language of the questions"),
        max_length=8,
        choices=CONTENT_LANGUAGES,
        default=DEFAULT_CONTENT_LANGUAGE,
        help_text=_(
            "A Swedish quiz that still uses the Finnish questions says Finnish here."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions_language"),
        InlinePanel("quiz_questions", label=_("Questions in order")),
        MultiFieldPanel(
            [FieldPanel("random_category"), FieldPanel("random_count")],
            heading=_("Or random questions"),
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("feedback_policy"),
            ],
            heading=_("Quiz rules"),
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")

    template = "quizzes/quiz_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(quiz_page_context(user=request.user, quiz=self))
        return context


class QuizQuestion(Orderable):
    """A bank question placed at a position in a quiz's ordered list."""

    page = ParentalKey(
        QuizPage, on_delete=models.CASCADE, related_name="quiz_questions"
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="quiz_placements",
        verbose_name=_("question"),
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("quiz question")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "question"], name="unique_question_per_quiz"
            )
        ]
