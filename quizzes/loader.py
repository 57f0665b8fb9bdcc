"""Load the curriculum's quiz.gift files as quiz pages under their modules.

Like the course loader it records each page's source in
`courses.models.CurriculumSource`, so a rerun finds the page again, skips it
when nothing changed, and leaves alone a quiz an editor has since changed.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from courses.loader import CURRICULUM_DIR
from courses.models import CurriculumSource
from quizzes.bank_sync import import_into_category
from quizzes.gift import parse_gift
from quizzes.interchange import MAX_CATEGORY_NAME, FatalImportError
from quizzes.models import QuestionCategory, QuizPage, QuizQuestion

QUIZ_FILE = "quiz.gift"
QUIZ_TITLE = "Moduulin tentti"
QUIZ_SLUG = "tentti"


@dataclass
class QuizLoadReport:
    """What one run did, file by file."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_edited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"created {p}" for p in self.created]
        out += [f"updated {p}" for p in self.updated]
        out += [f"unchanged {p}" for p in self.unchanged]
        out += [f"skipped (edited in the admin) {p}" for p in self.skipped_edited]
        out += [f"problem {p}" for p in self.problems]
        return out


def _category_name(title: str, source: str) -> str:
    """The module's title, unless another category already holds that name.

    Cut to fit the category's name column (keeping the source when it is added).
    """
    title = title[:MAX_CATEGORY_NAME]
    taken = QuestionCategory.objects.filter(name=title).exclude(source=source)
    if not taken.exists():
        return title
    suffix = f" ({source})"
    return (
        title[: max(MAX_CATEGORY_NAME - len(suffix), 0)] + suffix[-MAX_CATEGORY_NAME:]
    )


def _publish(quiz: QuizPage, path: str, digest: str) -> None:
    revision = quiz.save_revision(log_action=True)
    revision.publish()
    CurriculumSource.objects.update_or_create(
        path=path,
        defaults={"page": quiz, "content_hash": digest, "revision": revision},
    )


def _placements(questions) -> list[QuizQuestion]:
    return [
        QuizQuestion(question=question, sort_order=index)
        for index, question in enumerate(questions)
    ]


@transaction.atomic
def load_quizzes(*, root: Path = CURRICULUM_DIR, force: bool = False) -> QuizLoadReport:
    """Import every <module dir>/quiz.gift under `root`; all or nothing."""
    report = QuizLoadReport()
    for module_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        gift_file = module_dir / QUIZ_FILE
        if not gift_file.is_file():
            continue
        path = f"{module_dir.name}/{QUIZ_FILE}"
        module_source = (
            CurriculumSource.objects.filter(path=f"{module_dir.name}/module.md")
            .select_related("page")
            .first()
        )
        if module_source is None:
            report.problems.append(
                f"{path}: its module is not loaded; run load_curriculum first"
            )
            continue
        module = module_source.page
        raw = gift_file.read_bytes()
        try:
            result = parse_gift(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as error:
            raise FatalImportError(f"{path}: the file is not UTF-8 text") from error
        report.problems += [f"{path}: {problem}" for problem in result.problems]
        synced = import_into_category(
            result, category_name=_category_name(module.title, path), source=path
        )
        digest = hashlib.sha256(raw).hexdigest()
        source = (
            CurriculumSource.objects.filter(path=path).select_related("page").first()
        )
        if source is None:
            quiz = QuizPage(
                title=QUIZ_TITLE,
                slug=QUIZ_SLUG,
                pass_mark=70,
                attempts_allowed=0,
                feedback_policy=QuizPage.Feedback.AFTER_SUBMIT,
            )
            quiz.quiz_questions = _placements(synced.questions)
            module.add_child(instance=quiz)
            _publish(quiz, path, digest)
            report.created.append(path)
            continue
        quiz = source.page.specific
        if quiz.latest_revision_id != source.revision_id and not force:
            report.skipped_edited.append(path)
            continue
        current = list(
            quiz.quiz_questions.order_by("sort_order").values_list(
                "question_id", flat=True
            )
        )
        wanted = [q.pk for q in synced.questions]
        if current == wanted and source.content_hash == digest:
            report.unchanged.append(path)
            continue
        quiz.quiz_questions = _placements(synced.questions)
        _publish(quiz, path, digest)
        report.updated.append(path)
    return report
