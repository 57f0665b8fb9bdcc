"""The comparison page of a coordinator's municipality (the situation analysis).

The same access as the dashboard: the municipality's coordinator or an
administrator, else 404 (`coordinator_access`); the second factor is enforced
before this runs. Unknown peer codes get the page with a message and 400.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from municipalities.comparison import PeerForm, build_comparison, comparison_chart
from municipalities.coordinator_access import municipality_for
from municipalities.network import MIN_GROUP


@login_required
def coordinator_comparison(request, code: str):
    municipality = municipality_for(request.user, code)
    if municipality is None:
        raise Http404
    form = PeerForm(request.GET, municipality=municipality)
    comparison = build_comparison(municipality, form.chosen())
    context = {
        "form": form,
        "comparison": comparison,
        "chart": comparison_chart(comparison),
        "min_group": MIN_GROUP,
        "suggested_codes": " ".join(m.code for m in comparison.suggestions),
    }
    status = 400 if form.errors else 200
    return render(request, "municipalities/comparison.html", context, status=status)
