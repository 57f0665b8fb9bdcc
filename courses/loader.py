"""Builds the course tree from the Markdown content files kept in the repository.

Each file has YAML front matter and a Markdown body (see README). A lesson body
becomes StreamField blocks: `## ` headings become heading blocks, `::: name`
directives become legal reference, case, key point and reflection blocks, and the
Markdown between them becomes rich text. The loader remembers which revision it
made of every page; a page whose latest revision is someone else's is an
editor's page, and is left alone unless `force` is given.
"""

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import markdown
import yaml
from django.db import transaction
from wagtail.models import Page

from courses.models import (
    CoursePage,
    CurriculumSource,
    HomePage,
    LessonPage,
    ModulePage,
)
from courses.sanitize import clean_html

CURRICULUM_DIR = Path(__file__).resolve().parent / "curriculum"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n?(.*)\Z", re.DOTALL)
HEADING = re.compile(r"^(#{2,3}) +(.+?)\s*$")
DIRECTIVES = {
    "legal": "legal_reference",
    "case": "case_scenario",
    "keypoints": "key_points",
    "reflection": "reflection_prompt",
}


class CurriculumError(Exception):
    """A content file that cannot be loaded; the message names the file and line."""


@dataclass
class ContentFile:
    """One parsed content file: where it lives, its hash, metadata and body."""

    path: str
    content_hash: str
    meta: dict
    body: str
    body_line: int = 1


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_edited: list[str] = field(default_factory=list)


def read_content_file(path: Path, root: Path) -> ContentFile:
    raw = path.read_bytes()
    relative = path.relative_to(root).as_posix()
    match = FRONT_MATTER.match(raw.decode("utf-8").replace("\r\n", "\n"))
    if not match:
        raise CurriculumError(f"{relative}: the file must start with --- front matter")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise CurriculumError(
            f"{relative}: front matter is not valid YAML: {error}"
        ) from error
    for key in ("title", "slug"):
        if not meta.get(key):
            raise CurriculumError(f"{relative}: front matter needs '{key}'")
    body_line = match.group(1).count("\n") + 4  # two --- lines, 1-based
    return ContentFile(
        relative, hashlib.sha256(raw).hexdigest(), meta, match.group(2), body_line
    )


def markdown_to_rich_text(text: str) -> str:
    """Markdown to Wagtail's rich text storage format, through the HTML allowlist."""
    html = markdown.markdown(text.strip())
    html = re.sub(r"<(/?)strong>", r"<\1b>", html)
    html = re.sub(r"<(/?)em>", r"<\1i>", html)
    return clean_html(html)


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _directive_value(name: str, content: str, where: str):
    if name in ("legal", "case"):
        try:
            data = yaml.safe_load(content) or {}
        except yaml.YAMLError as error:
            raise CurriculumError(
                f"{where}: '{name}' block is not valid YAML: {error}"
            ) from error
        required = (
            ("statute", "section")
            if name == "legal"
            else ("situation", "question", "answer")
        )
        missing = [key for key in required if not data.get(key)]
        if missing:
            raise CurriculumError(f"{where}: '{name}' block lacks {', '.join(missing)}")
        if name == "legal":
            return {
                key: str(data.get(key, "") or "").strip()
                for key in ("statute", "section", "quote", "url")
            }
        return {key: str(data[key]).strip() for key in required}
    if name == "keypoints":
        points = [
            line.strip()[2:].strip()
            for line in content.splitlines()
            if line.strip().startswith(("- ", "* "))
        ]
        if not points:
            raise CurriculumError(f"{where}: 'keypoints' block has no '- ' items")
        return {"points": points}
    return {"prompt": " ".join(content.split())}


def body_to_blocks(body: str, path: str, first_line: int = 1) -> list[dict]:
    """Split a lesson body into raw StreamField blocks.

    `first_line` is the file line where the body starts, for error messages.
    """
    blocks, prose = [], []

    def flush_prose():
        text = "\n".join(prose).strip()
        if text:
            blocks.append(_block("rich_text", markdown_to_rich_text(text)))
        prose.clear()

    lines = body.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number]
        stripped = line.strip()
        heading = HEADING.match(line)
        if stripped.startswith(":::") and stripped != ":::":
            name, start = stripped[3:].strip(), number + 1
            where = f"{path}:{first_line + number}"
            if name not in DIRECTIVES:
                raise CurriculumError(f"{where}: unknown block '{name}'")
            end = next(
                (i for i in range(start, len(lines)) if lines[i].strip() == ":::"), None
            )
            if end is None:
                raise CurriculumError(f"{where}: '{name}' block is not closed")
            flush_prose()
            content = "\n".join(lines[start:end])
            value = _directive_value(name, content, where)
            blocks.append(_block(DIRECTIVES[name], value))
            number = end + 1
            continue
        if heading:
            flush_prose()
            level = "h2" if len(heading.group(1)) == 2 else "h3"
            blocks.append(_block("heading", {"text": heading.group(2), "level": level}))
        else:
            prose.append(line)
        number += 1
    flush_prose()
    return blocks


def _course_fields(content: ContentFile) -> dict:
    return {
        "title": content.meta["title"],
        "slug": content.meta["slug"],
        "summary": content.meta.get("summary", ""),
        "intro": markdown_to_rich_text(content.body),
    }


def _module_fields(content: ContentFile) -> dict:
    objectives = [
        _block("objective", str(text)) for text in content.meta.get("objectives", [])
    ]
    return {
        "title": content.meta["title"],
        "slug": content.meta["slug"],
        "summary": content.meta.get("summary", ""),
        "objectives": objectives,
        "intro": markdown_to_rich_text(content.body),
    }


def _lesson_fields(content: ContentFile) -> dict:
    checked = content.meta.get("checked")
    if checked is not None and not isinstance(checked, date):
        raise CurriculumError(f"{content.path}: 'checked' must be a date (YYYY-MM-DD)")
    return {
        "title": content.meta["title"],
        "slug": content.meta["slug"],
        "summary": content.meta.get("summary", ""),
        "estimated_minutes": int(content.meta.get("minutes", 10)),
        "content_checked": checked,
        "body": body_to_blocks(content.body, content.path, content.body_line),
    }


@dataclass
class PlannedPage:
    content: ContentFile
    model: type[Page]
    fields: dict
    children: list["PlannedPage"] = field(default_factory=list)


def plan_curriculum(root: Path = CURRICULUM_DIR) -> PlannedPage:
    """Read and validate every content file before anything is written."""
    course_file = root / "course.md"
    if not course_file.exists():
        raise CurriculumError(f"{course_file}: missing")
    course = read_content_file(course_file, root)
    plan = PlannedPage(course, CoursePage, _course_fields(course))
    for module_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        module_file = module_dir / "module.md"
        if not module_file.exists():
            raise CurriculumError(f"{module_dir.name}: module.md is missing")
        module = read_content_file(module_file, root)
        module_plan = PlannedPage(module, ModulePage, _module_fields(module))
        for lesson_file in sorted(module_dir.glob("*.md")):
            if lesson_file.name == "module.md":
                continue
            lesson = read_content_file(lesson_file, root)
            module_plan.children.append(
                PlannedPage(lesson, LessonPage, _lesson_fields(lesson))
            )
        plan.children.append(module_plan)
    return plan


def _apply_fields(page: Page, fields: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)


def _publish(page: Page, content: ContentFile):
    revision = page.save_revision(log_action=True)
    revision.publish()
    CurriculumSource.objects.update_or_create(
        path=content.path,
        defaults={
            "page": page,
            "content_hash": content.content_hash,
            "revision": revision,
        },
    )


def _sync_page(parent: Page, planned: PlannedPage, force: bool, report: LoadReport):
    content = planned.content
    source = (
        CurriculumSource.objects.filter(path=content.path)
        .select_related("page")
        .first()
    )
    if source is None:
        page = planned.model(**planned.fields)
        parent.add_child(instance=page)
        _publish(page, content)
        report.created.append(content.path)
        return page
    page = source.page.specific
    edited = page.latest_revision_id != source.revision_id
    if edited and not force:
        report.skipped_edited.append(content.path)
        return page
    if not edited and source.content_hash == content.content_hash:
        report.unchanged.append(content.path)
        return page
    _apply_fields(page, planned.fields)
    _publish(page, content)
    report.updated.append(content.path)
    return page


def _sync_tree(parent: Page, planned: PlannedPage, force: bool, report: LoadReport):
    page = _sync_page(parent, planned, force, report)
    for child in planned.children:
        _sync_tree(page, child, force, report)


@transaction.atomic
def load_curriculum(*, root: Path = CURRICULUM_DIR, force: bool = False) -> LoadReport:
    """Create or update the course from `root`; all or nothing."""
    plan = plan_curriculum(root)
    home = HomePage.objects.first()
    if home is None:
        raise CurriculumError("There is no home page; run the migrations first.")
    report = LoadReport()
    _sync_tree(home, plan, force, report)
    return report
