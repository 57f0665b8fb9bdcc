"""The question bank: categories, tags, questions and their options.

Questions are snippets so that each has a stable identity for reuse, import and
item statistics; what their options mean depends on the type
(`quizzes.question_types`).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

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
