"""The course tree (home → course → module → lesson) and lesson completions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision
from wagtail.search import index

from courses.access import RestrictionsReadOnce
from courses.blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from courses.languages import (
    CONTENT_LANGUAGES,
    DEFAULT_CONTENT_LANGUAGE,
    InterfaceLanguageUrls,
)
from courses.page_cache import mark_cacheable


class AnonymousCacheablePage(RestrictionsReadOnce, InterfaceLanguageUrls, Page):
    """A course-tree page whose anonymous rendering may be shared (page_cache)."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return mark_cacheable(request, response)


class HomePage(AnonymousCacheablePage):
    """The site root: introduces Silta and lists the courses."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.progress import courses_overview

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = courses_overview(user=request.user, home=self)
        return context


class CoursePage(AnonymousCacheablePage):
    """A course, such as the six-session sparring curriculum, made of modules."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from courses.progress import course_progress

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = course_progress(user=request.user, course=self)
        return context


class ModulePage(AnonymousCacheablePage):
    """One sparring theme: learning objectives, a summary and its lessons."""

    summary = models.TextField(_("summary"), blank=True)
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Objective"), max_length=300))],
        verbose_name=_("learning objectives"),
        blank=True,
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage"]

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from courses.progress import module_progress

        context = super().get_context(request, *args, **kwargs)
        context["progress"] = module_progress(user=request.user, module=self)
        return context


class LessonPage(AnonymousCacheablePage):
    """A lesson: a StreamField body that a learner reads and marks complete."""

    summary = models.CharField(_("summary"), max_length=300, blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10
    )
    content_checked = models.DateField(
        _("content last checked"),
        null=True,
        blank=True,
        help_text=_("When the facts of this lesson were last checked against the law."),
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)
    body_language = models.CharField(
        _("language of the body"),
        max_length=8,
        choices=CONTENT_LANGUAGES,
        default=DEFAULT_CONTENT_LANGUAGE,
        help_text=_(
            "The language the body is written in. A Swedish page whose body is "
            "still the Finnish text says Finnish here until it is translated."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("content_checked"),
        FieldPanel("body_language"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        from courses.progress import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(user=request.user, lesson=self))
        return context


class LessonCompletion(models.Model):
    """The event of a learner finishing a lesson; progress is derived from these."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_completions",
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="unique_lesson_completion"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}"


class CurriculumSource(models.Model):
    """Which content file a page was loaded from, and the revision the loader made.

    The loader compares the page's latest revision with `revision` to tell whether
    an editor has changed the page since, and `content_hash` to skip unchanged files.
    """

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="curriculum_source"
    )
    path = models.CharField(max_length=300, unique=True)
    content_hash = models.CharField(max_length=64)
    revision = models.ForeignKey(
        Revision, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("curriculum source")

    def __str__(self):
        return self.path


class GlossaryTerm(models.Model):
    """A municipal term in Finnish and Swedish, with a short definition in both.

    Lessons link a term where it first appears (courses.glossary); `forms`
    are the beginnings of the words that count as the term in Finnish text
    ("kunnanhallit" matches "kunnanhallituksen"), `forms_sv` in Swedish.
    """

    term = models.CharField(_("term in Finnish"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    term_sv = models.CharField(_("term in Swedish"), max_length=120)
    definition = models.TextField(_("definition in Finnish"), max_length=600)
    definition_sv = models.TextField(_("definition in Swedish"), max_length=600)
    forms = models.CharField(
        _("Finnish word beginnings"),
        max_length=400,
        blank=True,
        help_text=_(
            "Comma-separated beginnings of the inflected forms, e.g. "
            "“kunnanhallit, kunnanhallituks”. Empty: the term itself."
        ),
    )
    forms_sv = models.CharField(
        _("Swedish word beginnings"),
        max_length=400,
        blank=True,
        help_text=_("Comma-separated, as above. Empty: the Swedish term itself."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("term_sv"),
        FieldPanel("definition"),
        FieldPanel("definition_sv"),
        FieldPanel("forms"),
        FieldPanel("forms_sv"),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["term"]

    def __str__(self):
        return self.term


class Certificate(models.Model):
    """Proof that a learner completed every module of a course.

    Issued once per learner and course (courses.certificates), the moment the
    last step is done. What it says is fixed at issue, in the learner's
    language: the name, the course and its modules. The PDF is rendered once,
    in the background, and kept; `code` is the random verification code the
    public check looks up (courses.certificate_views).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    # The course in the default language, whichever language it was studied in;
    # SET_NULL so that a deleted course does not take proof of it along.
    course = models.ForeignKey(
        CoursePage, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    code = models.CharField(_("verification code"), max_length=32, unique=True)
    language = models.CharField(_("language"), max_length=2)
    name = models.CharField(_("name"), max_length=300)
    course_title = models.CharField(_("course"), max_length=255)
    module_titles = models.JSONField(_("modules"), default=list)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    pdf = models.BinaryField(_("PDF"), null=True, editable=False)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="one_certificate_per_course"
            )
        ]

    def __str__(self):
        return f"{self.course_title} – {self.code}"
