"""Accessibility feedback in the Wagtail admin, for administrators only.

No group is given a permission on Feedback, so only superusers see the menu
item or open the views: the messages are personal data. Feedback comes from
the form, never from the admin, so no one may add it here; an administrator
reads it and marks it handled once answered.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accessibility.models import Feedback


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["__str__", "created_at", "language", "handled"]
    list_filter = ["handled", "language"]
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [FieldPanel("handled")]


register_permission_policy(Feedback, FeedbackPermissionPolicy(Feedback))
register_snippet(FeedbackViewSet)
