"""The quiz management commands speak English only, whatever LANGUAGE_CODE is."""

import functools
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from courses.loader import load_curriculum
from quizzes import loader
from quizzes.models import QuestionCategory
from tests.factories.quizzes import QuestionCategoryFactory, QuestionFactory

pytestmark = pytest.mark.django_db

BROKEN = "::Hyvä::Ok? {T}\n\n::Rikki::Kysymys {=a\n\n::Luku::Paljonko? {#1e999999999}\n"


def run(*args, **options) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    # The suite activates Finnish, as LANGUAGE_CODE does for manage.py.
    with translation.override("fi"):
        call_command(*args, stdout=out, stderr=err, **options)
        assert translation.get_language() == "fi"  # restored afterwards
    return out.getvalue(), err.getvalue()


def test_import_questions_reports_problems_in_english(tmp_path):
    source = tmp_path / "kysely.gift"
    source.write_text(BROKEN, encoding="utf-8")
    out, err = run("import_questions", str(source), category="Tuotu")
    assert out == "1 created, 0 updated, 0 unchanged, 2 skipped\n"
    assert err.splitlines() == [
        "skipped line 3 “Rikki”: the answer block has no closing brace }",
        "skipped line 5 “Luku”: “1e999999999” is too large a number.",
    ]


def test_import_questions_refuses_in_english(tmp_path):
    source = tmp_path / "kysely.gift"
    source.write_bytes(b"::A::Ok? {T}\n\n::B::x\x00 {T}\n")
    with (
        translation.override("fi"),
        pytest.raises(CommandError) as caught,
    ):
        call_command("import_questions", str(source), category="Tuotu")
    assert str(caught.value) == (
        f"{source}: The file contains a NUL character (on line 3), so it is not "
        "a text file that can be imported. Nothing was imported."
    )
    source.write_text("::A::Ok? {T}\n", encoding="utf-8")
    with translation.override("fi"), pytest.raises(CommandError) as caught:
        call_command("import_questions", str(source), category="x" * 201)
    assert str(caught.value) == (
        f"{source}: The category name is too long; the limit is 200 characters. "
        "Nothing was imported."
    )
    assert not QuestionCategory.objects.exists()


def test_import_of_no_questions_creates_no_category(tmp_path):
    source = tmp_path / "tyhja.gift"
    source.write_text("// vain kommentti\n\n::Rikki::{=a\n", encoding="utf-8")
    out, _err = run("import_questions", str(source), category="Tyhjä")
    assert out == "0 created, 0 updated, 0 unchanged, 1 skipped\n"
    assert not QuestionCategory.objects.exists()


def test_export_writes_ordering_as_gift_and_reports_nothing(tmp_path):
    category = QuestionCategoryFactory(name="Lähde")
    QuestionFactory(category=category, type="ordering", name="Järjestys")
    err = StringIO()
    target = tmp_path / "out.gift"
    with translation.override("fi"):
        call_command(
            "export_questions",
            category="Lähde",
            format="gift",
            output=target,
            stderr=err,
        )
    text = target.read_text(encoding="utf-8")
    assert "::Järjestys::" in text and "{>" in text
    assert err.getvalue() == ""


def test_load_quizzes_reports_in_english(tmp_path, monkeypatch):
    module_dir = tmp_path / "01-moduuli"
    module_dir.mkdir()
    (tmp_path / "course.md").write_text(
        "---\ntitle: Kurssi\nslug: kurssi\nsv: {title: Kurs}\n---\n"
    )
    (module_dir / "module.md").write_text(
        "---\ntitle: Moduuli\nslug: moduuli\nsv: {title: Modul}\n---\n"
    )
    (module_dir / "quiz.gift").write_text(BROKEN, encoding="utf-8")
    load_curriculum(root=tmp_path)
    monkeypatch.setattr(
        "quizzes.management.commands.load_quizzes.load_quizzes",
        functools.partial(loader.load_quizzes, root=tmp_path),
    )
    out, _err = run("load_quizzes")
    assert out.splitlines() == [
        "created 01-moduuli/quiz.gift",
        "created 01-moduuli/quiz.gift@sv",
        "problem 01-moduuli/quiz.gift: line 3 “Rikki”: the answer block has no "
        "closing brace }",
        "problem 01-moduuli/quiz.gift: line 5 “Luku”: “1e999999999” is too large "
        "a number.",
    ]
