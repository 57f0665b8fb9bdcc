"""The question bank, quiz pages, and learners' attempts and responses.

Questions are snippets so that each has a stable identity for reuse, import and
item statistics. A quiz page either lists bank questions in order or draws N at
random from a category. Attempts and responses are events: a response keeps a
snapshot of the question as it was shown, so editing the bank later never
changes a past result.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.access import RestrictionsReadOnce
from courses.blocks import RICH_TEXT_FEATURES
from quizzes.forms import QuestionForm
from quizzes.numbers import POINTS, TOLERANCE


class QuestionCategory(models.Model):
    """A named group of bank questions: the unit of import and of random drawing.

    `source` identifies a category created from a content file (for example
    `02-luottamushenkilon-rooli/quiz.gift`) so that reloading finds it again even
    after an editor renames it.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(
        _("source file"), max_length=300, blank=True, editable=False
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        verbose_name = _("question category")
        verbose_name_plural = _("question categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source"],
                condition=~Q(source=""),
                name="unique_question_category_source",
            )
        ]

    def __str__(self):
        return self.name


class QuestionTag(TaggedItemBase):
    """Links a question to a free-form tag (a topic, a statute, a session)."""

    content_object = ParentalKey(
        "quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Question(index.Indexed, ClusterableModel):
    """One bank question with its options; graded by `quizzes.grading`.

    What the options mean depends on the type:
    single/multiple/true-false — the options to pick, each with a fraction of the
    points; short answer — accepted answers; numerical — accepted numbers with a
    tolerance; matching — prompt (`text`) and its match (`match_text`); ordering —
    the items in their right order. Essays and descriptions have no options.
    """

    class Type(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true_false", _("True or false")
        SHORT_ANSWER = "short_answer", _("Short answer")
        NUMERICAL = "numerical", _("Numerical")
        MATCHING = "matching", _("Matching")
        ORDERING = "ordering", _("Ordering")
        ESSAY = "essay", _("Essay (ungraded reflection)")
        DESCRIPTION = "description", _("Description (text only)")

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("A short name that identifies the question in the bank."),
    )
    category = models.ForeignKey(
        QuestionCategory,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("category"),
    )
    type = models.CharField(
        _("type"), max_length=20, choices=Type.choices, default=Type.SINGLE
    )
    text = RichTextField(_("question text"), features=RICH_TEXT_FEATURES)
    general_feedback = RichTextField(
        _("general feedback"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown after the attempt, whatever the answer, if feedback shows."),
    )
    points = models.DecimalField(
        _("points"),
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[
            MinValueValidator(POINTS.minimum),
            MaxValueValidator(POINTS.maximum),
        ],
    )
    tags = ClusterTaggableManager(through=QuestionTag, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Refuses options that cannot give a right answer (see quizzes.question_types).
    base_form_class = QuestionForm
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("type")]),
        FieldPanel("text"),
        FieldPanel("points"),
        InlinePanel("choices", label=_("Options / accepted answers")),
        FieldPanel("general_feedback"),
        FieldPanel("tags"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("text"),
        index.AutocompleteField("name"),
        index.FilterField("category"),
        index.FilterField("type"),
    ]

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["category__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(points__gte=POINTS.minimum, points__lte=POINTS.maximum),
                name="question_points_in_range",
            )
        ]

    def __str__(self):
        return self.name


class Choice(Orderable):
    """An option or accepted answer of a question, with its share of the points.

    `fraction` runs from -1 to 1: 1 is fully right, a negative value is what a
    wrong pick subtracts in a multiple-choice question. For ordering questions the
    sort order of the options is the right order.
    """

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.TextField(_("text"))
    match_text = models.CharField(
        _("matching answer"),
        max_length=500,
        blank=True,
        help_text=_("Matching questions only: the answer that belongs to this item."),
    )
    fraction = models.DecimalField(
        _("fraction of the points"),
        max_digits=7,
        decimal_places=5,
        default=0,
        validators=[MinValueValidator(-1), MaxValueValidator(1)],
        help_text=_(
            "1 = right, 0 = wrong; negative values subtract (multiple choice)."
        ),
    )
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=12,
        decimal_places=6,
        default=0,
        validators=[
            MinValueValidator(TOLERANCE.minimum),
            MaxValueValidator(TOLERANCE.maximum),
        ],
        help_text=_(
            "Numerical questions only: how far an answer may be from this one."
        ),
    )
    feedback = RichTextField(_("feedback"), blank=True, features=RICH_TEXT_FEATURES)

    panels = [
        FieldPanel("text"),
        FieldPanel("match_text"),
        FieldRowPanel([FieldPanel("fraction"), FieldPanel("tolerance")]),
        FieldPanel("feedback"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.CheckConstraint(
                condition=Q(fraction__gte=-1, fraction__lte=1),
                name="choice_fraction_between_minus_one_and_one",
            ),
            models.CheckConstraint(
                condition=Q(
                    tolerance__gte=TOLERANCE.minimum, tolerance__lte=TOLERANCE.maximum
                ),
                name="choice_tolerance_in_range",
            ),
        ]

    def __str__(self):
        return self.text


class QuizPage(RestrictionsReadOnce, Page):
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

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
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

    def serve(self, request, *args, **kwargs):
        from quizzes.views import quiz_page_view

        return quiz_page_view(request, self)


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
