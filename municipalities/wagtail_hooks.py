"""Admin wiring of the municipalities app: the "Municipalities" menu.

Model permissions decide who may use these views (Wagtail's default policy).
No group is given any municipalities permission, so only administrators
(superusers) see the menu or open its pages: memberships and coordinators are
personal data, and the municipality list is the network's own. The network
view (aggregate rates only) is for everyone with admin access: facilitators and
administrators.
"""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from municipalities import network_views
from municipalities.models import Body, Coordinator, Membership, Municipality


class MunicipalityViewSet(ModelViewSet):
    """The municipality list that `load_municipalities` starts and admins correct."""

    model = Municipality
    url_prefix = "municipalities/list"
    url_namespace = "municipalities_municipality"
    icon = "site"
    menu_label = _("Municipalities")
    list_display = ["code", "name_fi", "population", "in_network"]
    list_filter = ["in_network", "area"]
    search_fields = ["code", "name_fi", "name_sv"]
    search_backend_name = None
    form_fields = [
        "code",
        "name_fi",
        "name_sv",
        "population",
        "area",
        "wellbeing_county",
        "in_network",
    ]
    copy_view_enabled = False


class BodyViewSet(ModelViewSet):
    model = Body
    url_prefix = "municipalities/bodies"
    url_namespace = "municipalities_body"
    icon = "group"
    menu_label = _("Bodies")
    list_display = ["name", "municipality", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "municipality__name_fi", "municipality__code"]
    search_backend_name = None
    form_fields = ["municipality", "kind", "name"]
    copy_view_enabled = False


class MembershipForm(WagtailAdminModelForm):
    """Says in words what the term constraint would only name."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            raise forms.ValidationError(
                {"term_end": _("The term cannot end before it starts.")}
            )
        return cleaned


class MembershipViewSet(ModelViewSet):
    """Seats in bodies: who a municipality's trustees are."""

    model = Membership
    url_prefix = "municipalities/memberships"
    url_namespace = "municipalities_membership"
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "body", "role", "term_start", "term_end"]
    list_filter = ["role"]
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "body__name",
        "body__municipality__name_fi",
    ]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("body"),
            FieldPanel("role"),
            FieldPanel("term_start"),
            FieldPanel("term_end"),
        ],
        base_form_class=MembershipForm,
    )


class CoordinatorViewSet(ModelViewSet):
    model = Coordinator
    url_prefix = "municipalities/coordinators"
    url_namespace = "municipalities_coordinator"
    icon = "view"
    menu_label = _("Coordinators")
    list_display = ["user", "municipality"]
    search_fields = ["user__email", "user__last_name", "municipality__name_fi"]
    search_backend_name = None
    form_fields = ["user", "municipality"]
    copy_view_enabled = False


class MunicipalitiesGroup(ModelViewSetGroup):
    """The "Municipalities" menu, for administrators only."""

    items = (MunicipalityViewSet, BodyViewSet, MembershipViewSet, CoordinatorViewSet)
    menu_icon = "site"
    menu_label = _("Municipalities")
    menu_name = "municipalities"


@hooks.register("register_admin_viewset")
def register_viewset():
    return MunicipalitiesGroup()


@hooks.register("register_admin_urls")
def register_network_urls():
    return [
        path(
            "verkosto/", network_views.network_index_view, name="municipalities_network"
        ),
        path(
            "verkosto/<str:code>/",
            network_views.network_municipality_view,
            name="municipalities_network_municipality",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_network_menu_item():
    return MenuItem(
        _("Network completion"),
        reverse("municipalities_network"),
        icon_name="table",
        order=320,
    )
