"""Factories that build valid objects with no arguments."""

from tests.factories.accounts import UserFactory, verified_user
from tests.factories.courses import (
    CoursePageFactory,
    HomePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)

__all__ = [
    "CoursePageFactory",
    "HomePageFactory",
    "LessonPageFactory",
    "ModulePageFactory",
    "UserFactory",
    "build_course",
    "verified_user",
]
