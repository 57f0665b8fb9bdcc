"""Wagtail wiring of the courses app: access hook, glossary, facilitators' reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.access import refuse_users_outside_groups
from courses.admin_views import legal_index_view, translation_status_view
from courses.models import GlossaryTerm

hooks.register("before_serve_page", refuse_users_outside_groups)


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "term_sv", "slug"]


register_snippet(GlossaryViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("kaannokset/", translation_status_view, name="translation_status"),
        path("lakiviitteet/", legal_index_view, name="legal_index"),
    ]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(
        _("Swedish translations"), reverse("translation_status"), icon_name="globe"
    )


@hooks.register("register_reports_menu_item")
def legal_index_menu_item():
    return MenuItem(_("Legal references"), reverse("legal_index"), icon_name="doc-full")
