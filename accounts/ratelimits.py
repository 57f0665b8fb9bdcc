"""Rate limits for Silta's own public endpoints, with allauth's machinery.

allauth already limits logins, sign-ups and codes per client IP (honouring
``ALLAUTH_TRUSTED_PROXY_COUNT``); the certificate check and the feedback form
use the same counter and the same idea of who the client is, with the rates
in ``settings.SILTA_RATE_LIMITS``. Unlike allauth's public helper, GET
requests count too: the certificate check is a GET.
"""

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.shortcuts import render

APP = "silta"


def over_limit(request, action: str) -> bool:
    """Count this request against `action`'s rates; True when over any of them."""
    usage = allauth_ratelimit.consume(
        request,
        app=APP,
        action=action,
        config=settings.SILTA_RATE_LIMITS,
        limit_get=True,
    )
    return usage is None


def too_many_requests(request):
    """The page for a client over its limit, in the client's language."""
    return render(request, "429.html", status=429)
