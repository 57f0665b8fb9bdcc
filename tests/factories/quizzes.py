"""Factories for the question bank, quiz pages and attempts."""

import factory
import wagtail_factories

from quizzes.models import Choice, Question, QuestionCategory, QuizPage, QuizQuestion
from tests.factories.courses import ModulePageFactory


class QuestionCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionCategory
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kategoria {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    """A single-choice question with one right and two wrong options."""

    class Meta:
        model = Question
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kysymys {n}")
    category = factory.SubFactory(QuestionCategoryFactory)
    type = Question.Type.SINGLE
    text = "<p>Kuka päättää kunnan talousarviosta?</p>"
    general_feedback = "<p>Talousarviosta päättää valtuusto.</p>"

    @factory.post_generation
    def options(obj, create, extracted, **kwargs):
        """Pass a list of (text, fraction) or dicts; defaults depend on the type."""
        if not create:
            return
        for index, spec in enumerate(extracted or default_options(obj.type)):
            fields = (
                spec
                if isinstance(spec, dict)
                else {"text": spec[0], "fraction": spec[1]}
            )
            Choice.objects.create(question=obj, sort_order=index, **fields)


def default_options(kind: str) -> list:
    """Valid options for each question type."""
    return {
        Question.Type.SINGLE: [
            ("Valtuusto", 1),
            ("Kunnanhallitus", 0),
            ("Kunnanjohtaja", 0),
        ],
        Question.Type.MULTIPLE: [
            ("Valtuusto", 0.5),
            ("Tarkastuslautakunta", 0.5),
            ("Lehdistö", 0),
        ],
        Question.Type.TRUE_FALSE: [("true", 1), ("false", 0)],
        Question.Type.SHORT_ANSWER: [("valtuusto", 1)],
        Question.Type.NUMERICAL: [{"text": "3.5", "fraction": 1, "tolerance": 0.1}],
        Question.Type.MATCHING: [
            {"text": "Valtuusto", "match_text": "Päättää talousarviosta"},
            {"text": "Kunnanhallitus", "match_text": "Valmistelee asiat"},
            {"text": "Tarkastuslautakunta", "match_text": "Arvioi tavoitteet"},
        ],
        Question.Type.ORDERING: [
            ("Kokouskutsu", 0),
            ("Laillisuus ja päätösvaltaisuus", 0),
            ("Päätös", 0),
            ("Pöytäkirjan tarkastus", 0),
        ],
    }.get(kind, [])


class QuizPageFactory(wagtail_factories.PageFactory):
    """A published quiz under a module; pass `questions=[...]` to list questions."""

    class Meta:
        model = QuizPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kysely {n}")
    parent = factory.SubFactory(ModulePageFactory)
    pass_mark = 70
    attempts_allowed = 0
    shuffle_options = True

    @factory.post_generation
    def questions(obj, create, extracted, **kwargs):
        if not create:
            return
        for index, question in enumerate(extracted or [QuestionFactory()]):
            QuizQuestion.objects.create(page=obj, question=question, sort_order=index)


def build_quiz(*, questions: int = 3, parent=None, **fields) -> QuizPage:
    """A quiz of `questions` single-choice questions (under `parent` if given)."""
    if parent is not None:
        fields["parent"] = parent
    return QuizPageFactory(
        questions=[QuestionFactory() for _ in range(questions)], **fields
    )


__all__ = [
    "QuestionCategoryFactory",
    "QuestionFactory",
    "QuizPageFactory",
    "build_quiz",
    "default_options",
]
