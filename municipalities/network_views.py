"""The network view for facilitators, in the Wagtail admin.

Aggregates only (`municipalities.network`): every member municipality's trustee
count and rates, and one municipality's rates on its own page. Wagtail lets
only users with admin access in, and the admin's second factor applies; the
explicit check keeps these pages closed even if they were routed elsewhere.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from accounts.roles import can_access_admin
from municipalities.models import Municipality
from municipalities.network import MIN_GROUP, municipality_rates, network_report


def _allowed(request) -> None:
    if not can_access_admin(request.user):
        raise Http404


def network_index_view(request):
    _allowed(request)
    return render(
        request,
        "municipalities/network.html",
        {"report": network_report(), "min_group": MIN_GROUP},
    )


def network_municipality_view(request, code: str):
    _allowed(request)
    municipality = get_object_or_404(Municipality, code=code, in_network=True)
    course, group = municipality_rates(municipality)
    context = {
        "municipality": municipality,
        "course": course,
        "group": group,
        "min_group": MIN_GROUP,
    }
    return render(request, "municipalities/network_municipality.html", context)
