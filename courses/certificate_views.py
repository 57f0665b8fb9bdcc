"""Certificate pages: the learner's download and the public check of a code."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from accounts.ratelimits import over_limit, too_many_requests
from courses.certificate_codes import formatted, normalised
from courses.certificate_pdf import store_pdf
from courses.certificates import own_certificate, verified_certificate

CHECK_ACTION = "verify_certificate"


@login_required
def download_certificate(request, certificate_id: int):
    """The learner's own certificate as a PDF; anyone else's is not found."""
    certificate = own_certificate(request.user, certificate_id)
    if certificate is None:
        raise Http404
    response = HttpResponse(store_pdf(certificate), content_type="application/pdf")
    filename = f"silta-{formatted(certificate.code)}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
def check_certificate(request):
    """A form for a code read off paper; a well-formed code goes to its page."""
    if over_limit(request, CHECK_ACTION):
        return too_many_requests(request)
    typed = request.GET.get("code", "").strip()
    code = normalised(typed) if typed else None
    if code:
        return redirect("verify_certificate", formatted(code))
    status = 400 if typed else 200
    return render(
        request,
        "courses/certificate_check.html",
        {"typed": typed, "malformed": bool(typed)},
        status=status,
    )


@never_cache
def verify_certificate(request, code: str):
    """Name, course and date of a valid certificate, and nothing else.

    An unknown, malformed or no longer valid code gets the same answer, so
    the page tells nothing about codes or people it does not confirm.
    """
    if over_limit(request, CHECK_ACTION):
        return too_many_requests(request)
    certificate = verified_certificate(code)
    return render(
        request,
        "courses/certificate_check.html",
        {"certificate": certificate, "checked": True},
        status=200 if certificate else 404,
    )
