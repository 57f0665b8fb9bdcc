"""The curriculum loader: idempotent, respectful of editors' changes, all or nothing."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from courses.loader import (
    CURRICULUM_DIR,
    CurriculumError,
    body_to_blocks,
    load_curriculum,
    markdown_to_rich_text,
)
from courses.models import CoursePage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(CURRICULUM_DIR, root)
    return root


def test_repository_curriculum_builds_six_modules_and_module_two(content):
    report = load_curriculum(root=content)

    course = CoursePage.objects.get(locale__language_code="fi")
    modules = ModulePage.objects.child_of(course).order_by("path")
    assert modules.count() == 6
    role_module = modules[1]
    assert role_module.title == "Luottamushenkilön rooli, oikeudet ja vastuut"
    lessons = LessonPage.objects.child_of(role_module).live()
    assert lessons.count() >= 3
    kinds = {block.block_type for lesson in lessons for block in lesson.body}
    assert {"legal_reference", "case_scenario", "key_points", "heading"} <= kinds
    assert all(lesson.content_checked for lesson in lessons)
    # Every page and its Swedish translation.
    assert len(report.created) == 2 * (1 + 6) + LessonPage.objects.count()


def test_running_twice_changes_nothing(content):
    load_curriculum(root=content)
    revisions = Revision.objects.count()

    report = load_curriculum(root=content)

    assert Revision.objects.count() == revisions
    assert not report.created and not report.updated


def test_changed_file_updates_its_page(content):
    load_curriculum(root=content)
    lesson_file = next(content.glob("02-*/01-*.md"))
    lesson_file.write_text(
        lesson_file.read_text().replace("title: ", "title: Päivitetty - ", 1)
    )

    report = load_curriculum(root=content)

    path = lesson_file.relative_to(content).as_posix()
    assert report.updated == [path, f"{path}@sv"]
    assert LessonPage.objects.filter(title__startswith="Päivitetty - ").exists()


def test_editor_change_is_kept_unless_forced(content):
    load_curriculum(root=content)
    lesson = LessonPage.objects.first()
    lesson.title = "Toimittajan otsikko"
    lesson.save_revision().publish()
    lesson_file = content / lesson.curriculum_source.path
    lesson_file.write_text(lesson_file.read_text() + "\nLisäkappale.\n")

    report = load_curriculum(root=content)
    lesson.refresh_from_db()
    assert lesson.title == "Toimittajan otsikko"
    assert report.skipped_edited == [lesson.curriculum_source.path]

    load_curriculum(root=content, force=True)
    lesson.refresh_from_db()
    assert lesson.title != "Toimittajan otsikko"


def test_a_broken_file_loads_nothing(content):
    bad = next(content.glob("03-*")) / "99-rikki.md"
    bad.write_text("---\ntitle: Rikki\nslug: rikki\n---\n::: legal\nstatute: x\n")

    with pytest.raises(
        CurriculumError, match="99-rikki.md:5: 'legal' block is not closed"
    ):
        load_curriculum(root=content)
    assert not CoursePage.objects.exists()


def test_command_reports_errors_without_traceback(content):
    (content / "course.md").write_text("no front matter")
    with pytest.raises(CommandError, match="front matter"):
        call_command("load_curriculum", path=content)


def test_body_directives_become_blocks():
    body = """Johdanto **tärkeä**.

## Otsikko

::: case
situation: Tilanne.
question: "Mitä teet: nyt?"
answer: Vastaus.
:::

::: keypoints
- Yksi
- Kaksi
:::

::: reflection
Mieti tätä.
:::
"""
    blocks = body_to_blocks(body, "x.md")
    assert [b["type"] for b in blocks] == [
        "rich_text",
        "heading",
        "case_scenario",
        "key_points",
        "reflection_prompt",
    ]
    assert blocks[0]["value"] == "<p>Johdanto <b>tärkeä</b>.</p>"
    assert blocks[2]["value"]["question"] == "Mitä teet: nyt?"
    assert blocks[3]["value"]["points"] == ["Yksi", "Kaksi"]


def test_unknown_directive_is_named():
    with pytest.raises(CurriculumError, match="x.md:1: unknown block 'video'"):
        body_to_blocks("::: video\nfoo\n:::\n", "x.md")


def test_markdown_html_is_sanitised():
    html = markdown_to_rich_text(
        "<script>alert(1)</script>[x](javascript:alert(1)) <img src=x onerror=y>"
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
