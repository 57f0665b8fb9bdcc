"""Load the curriculum's quiz.gift files as quiz pages under their modules.

Like the course loader it records each page's source in
`courses.models.CurriculumSource`, so a rerun finds the page again, skips it
when nothing changed, and leaves alone a quiz an editor has since changed.
"""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from courses.loader import CURRICULUM_DIR, sync_page
from courses.models import CurriculumSource
from quizzes.bank_sync import import_into_category
from quizzes.gift import parse_gift
from quizzes.interchange import MAX_CATEGORY_NAME, FatalImportError
from quizzes.models import QuestionCategory, QuizPage, QuizQuestion

QUIZ_FILE = "quiz.gift"
SWEDISH_QUIZ_FILE = "sv/quiz.gift"
QUIZ_TITLE = "Moduulin tentti"
SWEDISH_QUIZ_TITLE = "Modulens prov"
QUIZ_SLUG = "tentti"
SWEDISH_QUIZ_SLUG = "prov"


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


def _placements(questions) -> list[QuizQuestion]:
    return [
        QuizQuestion(question=question, sort_order=index)
        for index, question in enumerate(questions)
    ]


def _questions(path: str, raw: bytes, title: str, report: QuizLoadReport):
    """Import a GIFT file into its category; the questions in file order."""
    try:
        result = parse_gift(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FatalImportError(f"{path}: the file is not UTF-8 text") from error
    report.problems += [f"{path}: {problem}" for problem in result.problems]
    synced = import_into_category(
        result, category_name=_category_name(title, path), source=path
    )
    return synced.questions


def _sync_quiz(module, path, raw: bytes, questions, report, force, **new):
    """Create, update or leave alone the quiz page loaded from `path`.

    The digest covers the file and the questions it became, so a quiz is
    updated when the bank gives its placements other questions.
    """
    ids = ",".join(str(question.pk) for question in questions).encode()
    return sync_page(
        module,
        QuizPage,
        {"quiz_questions": _placements(questions)},
        path,
        hashlib.sha256(raw + b"\0" + ids).hexdigest(),
        force,
        report,
        pass_mark=70,
        attempts_allowed=0,
        feedback_policy=QuizPage.Feedback.AFTER_SUBMIT,
        **new,
    )


def _module_page(module_dir: Path, suffix: str = ""):
    source = (
        CurriculumSource.objects.filter(path=f"{module_dir.name}/module.md{suffix}")
        .select_related("page")
        .first()
    )
    return source.page if source else None


@transaction.atomic
def load_quizzes(*, root: Path = CURRICULUM_DIR, force: bool = False) -> QuizLoadReport:
    """Import every <module dir>/quiz.gift under `root`; all or nothing.

    The Swedish module gets its quiz from <module dir>/sv/quiz.gift, or else the Finnish
    questions marked as Finnish; either way it is a translation of the
    Finnish quiz, so passing it completes the module in both languages.
    """
    report = QuizLoadReport()
    for module_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        gift_file = module_dir / QUIZ_FILE
        if not gift_file.is_file():
            continue
        path = f"{module_dir.name}/{QUIZ_FILE}"
        module, module_sv = _module_page(module_dir), _module_page(module_dir, "@sv")
        if module is None or module_sv is None:
            report.problems.append(
                f"{path}: its module is not loaded; run load_curriculum first"
            )
            continue
        raw = gift_file.read_bytes()
        questions = _questions(path, raw, module.title, report)
        quiz = _sync_quiz(
            module,
            path,
            raw,
            questions,
            report,
            force,
            title=QUIZ_TITLE,
            slug=QUIZ_SLUG,
        )
        swedish_file = module_dir / SWEDISH_QUIZ_FILE
        if swedish_file.is_file():
            swedish_raw = swedish_file.read_bytes()
            swedish_path = f"{module_dir.name}/{SWEDISH_QUIZ_FILE}"
            swedish = _questions(swedish_path, swedish_raw, module_sv.title, report)
            language = "sv"
        else:
            swedish_raw, swedish, language = raw, questions, "fi"
        _sync_quiz(
            module_sv,
            f"{path}@sv",
            raw + swedish_raw,
            swedish,
            report,
            force,
            title=SWEDISH_QUIZ_TITLE,
            slug=SWEDISH_QUIZ_SLUG,
            questions_language=language,
            locale=module_sv.locale,
            translation_key=quiz.translation_key,
        )
    return report
