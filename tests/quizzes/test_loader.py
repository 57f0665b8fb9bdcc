"""load_quizzes: the curriculum's quiz.gift files become quiz pages, idempotently."""

import pytest
from django.core.management import call_command

from courses.loader import load_curriculum
from quizzes.loader import load_quizzes
from quizzes.models import Question, QuestionCategory, QuizPage

pytestmark = pytest.mark.django_db
COURSE = "---\ntitle: Kurssi\nslug: kurssi\nsv: {title: Kurs}\n---\n"
MODULE = "---\ntitle: Moduuli\nslug: moduuli\nsv: {title: Modul}\n---\n"


def test_load_quizzes_creates_then_changes_nothing(tmp_path):
    module_dir = tmp_path / "01-moduuli"
    module_dir.mkdir()
    (tmp_path / "course.md").write_text(COURSE)
    (module_dir / "module.md").write_text(MODULE)
    (module_dir / "quiz.gift").write_text(
        "::Yksi::Kysymys? {=a ~b}\n\n::Kaksi::Tosi? {T}\n\n::Rikki::{=a\n",
        encoding="utf-8",
    )
    load_curriculum(root=tmp_path)
    first = load_quizzes(root=tmp_path)
    assert first.created == ["01-moduuli/quiz.gift", "01-moduuli/quiz.gift@sv"]
    assert len(first.problems) == 1
    quiz = QuizPage.objects.get(locale__language_code="fi")
    assert quiz.live
    assert quiz.get_parent().title == "Moduuli"
    assert (quiz.pass_mark, quiz.attempts_allowed) == (70, 0)
    assert quiz.feedback_policy == QuizPage.Feedback.AFTER_SUBMIT
    assert quiz.quiz_questions.count() == 2
    revisions = quiz.revisions.count()
    second = load_quizzes(root=tmp_path)
    assert second.unchanged == ["01-moduuli/quiz.gift", "01-moduuli/quiz.gift@sv"]
    assert quiz.revisions.count() == revisions
    assert Question.objects.count() == 2


def test_real_curriculum_quiz_loads():
    load_curriculum()
    call_command("load_quizzes")
    quizzes = QuizPage.objects.filter(locale__language_code="fi")
    assert quizzes.count() == 6
    assert all(quiz.quiz_questions.count() >= 10 for quiz in quizzes)
    call_command("load_quizzes")
    assert QuizPage.objects.count() == 12


def test_long_module_title_fits_the_category_name(tmp_path):
    title = "Pitkä moduuli " * 17  # 238 characters; a category name holds 200
    module_dir = tmp_path / "01-moduuli"
    module_dir.mkdir()
    (tmp_path / "course.md").write_text(COURSE)
    (module_dir / "module.md").write_text(
        f"---\ntitle: {title.strip()}\nslug: moduuli\nsv: {{title: Modul}}\n---\n"
    )
    (module_dir / "quiz.gift").write_text("::Yksi::Tosi? {T}\n", encoding="utf-8")
    load_curriculum(root=tmp_path)
    load_quizzes(root=tmp_path)
    [category] = QuestionCategory.objects.all()  # the Swedish quiz shares it
    assert category.name == title.strip()[:200]
