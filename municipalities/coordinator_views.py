"""Coordinator pages: choose a municipality, see its dashboard, export it.

Anonymous visitors are sent to log in; a logged-in user who may not see the
municipality gets 404, as if it had no dashboard (`coordinator_access`). The
second factor is enforced before these views run (`accounts.middleware`).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from municipalities.certificate_archive import (
    certificate_zip,
    municipality_certificates,
)
from municipalities.chart import cumulative_chart
from municipalities.coordinator_access import municipality_for, visible_municipalities
from municipalities.dashboard import build_dashboard
from municipalities.dashboard_filters import DashboardFilterForm
from municipalities.exports import CSV_TYPE, XLSX_TYPE, to_csv, to_xlsx

ZIP_TYPE = "application/zip"


@login_required
def coordinator_index(request):
    """The municipalities the user may follow; straight to it when just one."""
    municipalities = list(visible_municipalities(request.user))
    if not municipalities:
        raise Http404
    if len(municipalities) == 1:
        return redirect("coordinator_dashboard", code=municipalities[0].code)
    return render(
        request,
        "municipalities/dashboard_index.html",
        {"municipalities": municipalities},
    )


def _dashboard(request, code: str):
    municipality = municipality_for(request.user, code)
    if municipality is None:
        raise Http404
    form = DashboardFilterForm(
        request.GET, bodies=list(municipality.bodies.order_by("name"))
    )
    return form, build_dashboard(municipality, form.filters())


def _page(request, form, board):
    context = {
        "form": form,
        "filters": form.filters(),
        "board": board,
        "chart": cumulative_chart(board.timeline),
    }
    status = 400 if form.errors else 200
    return render(request, "municipalities/dashboard.html", context, status=status)


@login_required
def coordinator_dashboard(request, code: str):
    form, board = _dashboard(request, code)
    return _page(request, form, board)


@login_required
def coordinator_export(request, code: str, extension: str):
    """The table on screen for the same filters; bad filters get the page, 400."""
    form, board = _dashboard(request, code)
    if form.errors:
        return _page(request, form, board)
    name = f"silta-{board.municipality.code}-{timezone.localdate().isoformat()}"
    if extension == "csv":
        response = HttpResponse(to_csv(board.table()), content_type=CSV_TYPE)
    else:
        content = to_xlsx(board.table(), title=board.municipality.code)
        response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


@login_required
def coordinator_certificates(request, code: str):
    """Every certificate of the municipality's elected officials as one ZIP."""
    municipality = municipality_for(request.user, code)
    if municipality is None:
        raise Http404
    certificates = list(municipality_certificates(municipality))
    if not certificates:
        messages.info(
            request, _("None of the elected officials has a certificate yet.")
        )
        return redirect("coordinator_dashboard", code=municipality.code)
    response = HttpResponse(certificate_zip(certificates), content_type=ZIP_TYPE)
    name = f"silta-todistukset-{municipality.code}-{timezone.localdate().isoformat()}"
    response["Content-Disposition"] = f'attachment; filename="{name}.zip"'
    return response
