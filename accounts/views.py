"""Account views that allauth does not provide: the other login URLs point to it."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from accounts.roles import admin_prefix


def _to_allauth_login(request, default_next: str):
    next_url = request.GET.get("next") or default_next
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


def admin_login_redirect(request):
    """Replace Wagtail's admin login so that every login passes allauth and MFA."""
    return _to_allauth_login(request, admin_prefix())


def frontend_login_redirect(request):
    """Replace Wagtail's front-end login (``/_util/login/``) in the same way.

    Wagtail's own view logs in with a password alone: no rate limit, no e-mail
    verification, no second factor. It must never be reachable.
    """
    return _to_allauth_login(request, reverse("my_studies"))
