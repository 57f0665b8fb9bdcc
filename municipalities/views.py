"""Trustee-facing pages of the municipalities app."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from municipalities.profile import seats_of
from municipalities.reminders import reminders_off


@login_required
def my_municipality_view(request):
    """The trustee's own seats, and exactly what their coordinator sees of them."""
    return render(
        request,
        "municipalities/profile.html",
        {
            "municipalities": seats_of(request.user),
            "reminders_off": reminders_off(request.user),
        },
    )
