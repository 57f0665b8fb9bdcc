"""Account views that allauth does not provide."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def admin_login_redirect(request):
    """Replace Wagtail's login so that every login passes allauth's limits and MFA."""
    next_url = request.GET.get("next", "/admin/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
