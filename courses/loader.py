"""Builds the course tree from the Markdown content files kept in the repository.

Each file has YAML front matter and a Markdown body (see README). A lesson body
becomes StreamField blocks: `## ` headings become heading blocks, `::: name`
directives become legal reference, case, key point and reflection blocks, and the
Markdown between them becomes rich text. The loader remembers which revision it
made of every page; a page whose latest revision is someone else's is an
editor's page, and is left alone unless `force` is given.

Every page also gets its Swedish translation in the Swedish tree: titles,
summaries and objectives from the file's `sv:` block, and a lesson's body
from `<module>/sv/<lesson file>` when it exists, else the Finnish body marked
as Finnish. Its slug is Swedish too, so that Swedish addresses read as
Swedish: `sv: slug:` if given, else the Swedish title in ASCII. A legal
reference names only its statute and section; the Finlex link is built from
the statute table (`courses.statutes`).
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
from django.utils.text import slugify
from wagtail.models import Locale, Page

from courses.glossary import load_glossary
from courses.languages import DEFAULT_CONTENT_LANGUAGE
from courses.models import (
    CoursePage,
    CurriculumSource,
    HomePage,
    LessonPage,
    ModulePage,
)
from courses.sanitize import clean_html
from courses.statutes import cite, statute_named

CURRICULUM_DIR = Path(__file__).resolve().parent / "curriculum"
GLOSSARY_FILE = "glossary.yaml"
SWEDISH = "sv"
SWEDISH_HOME = {"title": "Silta", "slug": "hem"}
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
    glossary_added: int = 0


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
            return _legal_value(data, where)
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


def _legal_value(data: dict, where: str) -> dict:
    """A legal reference with its Finlex link built from statute and section."""
    unknown = set(data) - {"statute", "section", "summary", "verbatim"}
    if unknown:
        raise CurriculumError(
            f"{where}: 'legal' block has unknown keys {', '.join(sorted(unknown))}"
        )
    statute = statute_named(str(data["statute"]))
    if statute is None:
        raise CurriculumError(f"{where}: unknown statute '{data['statute']}'")
    citation = cite(statute, str(data["section"]))
    if citation is None:
        raise CurriculumError(
            f"{where}: '{data['section']}' is not a section of {statute.label}"
        )
    return {
        "statute": statute.label,
        "section": str(data["section"]).strip(),
        "summary": " ".join(str(data.get("summary") or "").split()),
        "verbatim": bool(data.get("verbatim")),
        "url": citation.url,
    }


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


def _swedish(content: ContentFile) -> dict:
    sv = content.meta.get(SWEDISH) or {}
    if not isinstance(sv, dict) or not sv.get("title"):
        raise CurriculumError(f"{content.path}: front matter needs 'sv:' with 'title'")
    return sv


def _swedish_slug(content: ContentFile) -> str:
    """`sv: slug:`, else the Swedish title (slugify drops å, ä and ö's marks)."""
    sv = _swedish(content)
    return str(sv.get("slug") or slugify(sv["title"]))


def _unique_swedish_slugs(siblings: list["PlannedPage"]) -> None:
    """Number the Swedish slugs that two sibling titles would share."""
    taken = set()
    for sibling in siblings:
        slug = base = sibling.swedish["slug"]
        number = 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        sibling.swedish["slug"] = slug
        taken.add(slug)


def _objectives(texts) -> list[dict]:
    return [_block("objective", str(text)) for text in texts or []]


def _course_fields(content: ContentFile, sv: bool = False) -> dict:
    meta = _swedish(content) if sv else content.meta
    intro = meta.get("intro", "") if sv else content.body
    return {
        "title": meta["title"],
        "slug": _swedish_slug(content) if sv else content.meta["slug"],
        "summary": meta.get("summary", ""),
        "intro": markdown_to_rich_text(intro),
    }


def _module_fields(content: ContentFile, sv: bool = False) -> dict:
    meta = _swedish(content) if sv else content.meta
    objectives = meta.get("objectives", [])
    if sv and len(objectives) != len(content.meta.get("objectives", [])):
        raise CurriculumError(
            f"{content.path}: 'sv:' must have as many objectives as the Finnish"
        )
    intro = meta.get("intro", "") if sv else content.body
    return {
        "title": meta["title"],
        "slug": _swedish_slug(content) if sv else content.meta["slug"],
        "summary": meta.get("summary", ""),
        "objectives": _objectives(objectives),
        "intro": markdown_to_rich_text(intro),
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
        "body_language": "fi",
        "body": body_to_blocks(content.body, content.path, content.body_line),
    }


def _swedish_lesson_fields(
    content: ContentFile, translation: ContentFile | None
) -> dict:
    """The Swedish page: a full translation, or the Finnish body marked Finnish."""
    fields = _lesson_fields(translation or content)
    sv = _swedish(content)
    fields.update(title=sv["title"], slug=_swedish_slug(content))
    fields["summary"] = sv.get("summary", "")
    if translation is not None:
        fields["body_language"] = SWEDISH
        fields["content_checked"] = (
            translation.meta.get("checked") or (fields["content_checked"])
        )
    else:
        fields["body"] = _lesson_fields(content)["body"]
    return fields


@dataclass
class PlannedPage:
    content: ContentFile
    model: type[Page]
    fields: dict
    children: list["PlannedPage"] = field(default_factory=list)
    swedish: dict = field(default_factory=dict)
    swedish_hash: str = ""


def _lesson_plan(lesson_file: Path, root: Path) -> PlannedPage:
    lesson = read_content_file(lesson_file, root)
    translation_file = lesson_file.parent / SWEDISH / lesson_file.name
    translation = (
        read_content_file(translation_file, root) if translation_file.exists() else None
    )
    digest = lesson.content_hash + (translation.content_hash if translation else "")
    return PlannedPage(
        lesson,
        LessonPage,
        _lesson_fields(lesson),
        swedish=_swedish_lesson_fields(lesson, translation),
        swedish_hash=hashlib.sha256(digest.encode()).hexdigest(),
    )


def plan_curriculum(root: Path = CURRICULUM_DIR) -> PlannedPage:
    """Read and validate every content file before anything is written."""
    course_file = root / "course.md"
    if not course_file.exists():
        raise CurriculumError(f"{course_file}: missing")
    course = read_content_file(course_file, root)
    plan = PlannedPage(
        course,
        CoursePage,
        _course_fields(course),
        swedish=_course_fields(course, sv=True),
        swedish_hash=course.content_hash,
    )
    for module_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        module_file = module_dir / "module.md"
        if not module_file.exists():
            raise CurriculumError(f"{module_dir.name}: module.md is missing")
        module = read_content_file(module_file, root)
        module_plan = PlannedPage(
            module,
            ModulePage,
            _module_fields(module),
            swedish=_module_fields(module, sv=True),
            swedish_hash=module.content_hash,
        )
        for lesson_file in sorted(module_dir.glob("*.md")):
            if lesson_file.name == "module.md":
                continue
            module_plan.children.append(_lesson_plan(lesson_file, root))
        _unique_swedish_slugs(module_plan.children)
        plan.children.append(module_plan)
    _unique_swedish_slugs(plan.children)
    return plan


def _apply_fields(page: Page, fields: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)


def _publish(page: Page, path: str, digest: str):
    revision = page.save_revision(log_action=True)
    revision.publish()
    CurriculumSource.objects.update_or_create(
        path=path,
        defaults={"page": page, "content_hash": digest, "revision": revision},
    )


def swedish_source_path(path: str) -> str:
    """Where the loader records the Swedish page made from the file at `path`."""
    return f"{path}@{SWEDISH}"


def sync_page(
    parent: Page,
    model: type[Page],
    fields: dict,
    path: str,
    digest: str,
    force: bool,
    report: "LoadReport",
    **new,
):
    """Create, update or leave alone the page loaded from `path`.

    `fields` are set on every load, `new` only when the page is created;
    `digest` stands for everything the fields were made from. The loaded
    page and `path` go into the report's created, updated, unchanged or
    skipped_edited list (the quiz loader shares this with its own report).
    """
    source = CurriculumSource.objects.filter(path=path).select_related("page").first()
    if source is None:
        page = model(**fields, **new)
        parent.add_child(instance=page)
        _publish(page, path, digest)
        report.created.append(path)
        return page
    page = source.page.specific
    edited = page.latest_revision_id != source.revision_id
    if edited and not force:
        report.skipped_edited.append(path)
        return page
    if not edited and source.content_hash == digest:
        report.unchanged.append(path)
        return page
    _apply_fields(page, fields)
    _publish(page, path, digest)
    report.updated.append(path)
    return page


def _sync_tree(
    parents: tuple[Page, Page], planned: PlannedPage, force: bool, report: "LoadReport"
):
    """The Finnish page under parents[0], its Swedish translation under parents[1]."""
    content = planned.content
    page = sync_page(
        parents[0],
        planned.model,
        planned.fields,
        content.path,
        content.content_hash,
        force,
        report,
    )
    # The slug is in the digest: a sibling's new title can renumber it, and
    # pages loaded before Swedish slugs existed get theirs.
    swedish_digest = f"{planned.swedish_hash}:{planned.swedish['slug']}"
    translation = sync_page(
        parents[1],
        planned.model,
        planned.swedish,
        swedish_source_path(content.path),
        hashlib.sha256(swedish_digest.encode()).hexdigest(),
        force,
        report,
        locale=parents[1].locale,
        translation_key=page.translation_key,
    )
    for child in planned.children:
        _sync_tree((page, translation), child, force, report)


def swedish_home(home: HomePage) -> HomePage:
    """The Swedish home page, a translation of `home`, made if missing."""
    locale = Locale.objects.get(language_code=SWEDISH)
    existing = home.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = HomePage(
        **SWEDISH_HOME, locale=locale, translation_key=home.translation_key
    )
    home.get_parent().add_child(instance=translation)
    translation.save_revision().publish()
    return translation


@transaction.atomic
def load_curriculum(*, root: Path = CURRICULUM_DIR, force: bool = False) -> LoadReport:
    """Create or update the course and its Swedish translation; all or nothing."""
    plan = plan_curriculum(root)
    home = HomePage.objects.filter(
        locale__language_code=DEFAULT_CONTENT_LANGUAGE
    ).first()
    if home is None:
        raise CurriculumError("There is no home page; run the migrations first.")
    report = LoadReport()
    _sync_tree((home, swedish_home(home)), plan, force, report)
    if (root / GLOSSARY_FILE).exists():
        report.glossary_added, _ = load_glossary(root / GLOSSARY_FILE)
    return report
