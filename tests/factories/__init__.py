"""Factories that build valid objects with no arguments."""

from tests.factories.accounts import UserFactory, verified_user
from tests.factories.courses import (
    CoursePageFactory,
    HomePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from tests.factories.quizzes import (
    QuestionCategoryFactory,
    QuestionFactory,
    QuizPageFactory,
    build_quiz,
)

__all__ = [
    "CoursePageFactory",
    "HomePageFactory",
    "LessonPageFactory",
    "ModulePageFactory",
    "QuestionCategoryFactory",
    "QuestionFactory",
    "QuizPageFactory",
    "UserFactory",
    "build_course",
    "build_quiz",
    "verified_user",
]
