"""Admin wiring of the quizzes app: bank snippets, import, item analysis and
shared reflections.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from quizzes import admin_views
from quizzes.models import Question, QuestionCategory


class QuestionViewSet(SnippetViewSet):
    """The question bank: searchable, filterable by category and type."""

    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["name", "category", "type", "updated_at"]
    list_filter = ["category", "type"]
    search_fields = ["name", "text"]


class QuestionCategoryViewSet(SnippetViewSet):
    """Categories group questions for import and random drawing."""

    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "description"]


class QuestionBankGroup(SnippetViewSetGroup):
    """The "Question bank" menu."""

    items = (QuestionViewSet, QuestionCategoryViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_name = "question-bank"


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("kysymykset/tuonti/", admin_views.import_view, name="quizzes_import"),
        path(
            "kysymykset/tuonti/vahvista/",
            admin_views.import_confirm_view,
            name="quizzes_import_confirm",
        ),
        path(
            "kyselyt/analyysi/",
            admin_views.analysis_index_view,
            name="quizzes_analysis_index",
        ),
        path(
            "kyselyt/<int:quiz_id>/analyysi/",
            admin_views.analysis_view,
            name="quizzes_analysis",
        ),
        path(
            "kyselyt/<int:quiz_id>/analyysi.csv",
            admin_views.analysis_csv_view,
            name="quizzes_analysis_csv",
        ),
        path(
            "kyselyt/<int:quiz_id>/pohdinnat/",
            admin_views.reflections_view,
            name="quizzes_reflections",
        ),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return _PermissionMenuItem(
        _("Import questions"),
        reverse("quizzes_import"),
        icon_name="upload",
        order=310,
        permission="quizzes.add_question",
    )


@hooks.register("register_reports_menu_item")
def register_analysis_menu_item():
    return _PermissionMenuItem(
        _("Quiz item analysis"),
        reverse("quizzes_analysis_index"),
        icon_name="table",
        order=700,
        permission="quizzes.view_item_analysis",
    )
