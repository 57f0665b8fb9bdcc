"""Facilitators' reports in the Wagtail admin: translations and legal references."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from courses.legal_index import legal_index
from courses.translation_status import State, translation_statuses


def translation_status_view(request):
    statuses = translation_statuses()
    counts = dict.fromkeys(State, 0)
    for status in statuses:
        counts[status.state] += 1
    return render(
        request,
        "courses/admin/translation_status.html",
        {
            "statuses": statuses,
            "lagging": len(statuses) - counts[State.CURRENT],
            "header_title": _("Swedish translations"),
        },
    )


def legal_index_view(request):
    return render(
        request,
        "courses/admin/legal_index.html",
        {"entries": legal_index(request.user), "header_title": _("Legal references")},
    )
