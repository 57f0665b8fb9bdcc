"""Guards the Wagtail admin (and any area a higher app registers) with allauth's MFA."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts.mfa import has_authenticator, session_used_mfa
from accounts.roles import area_requiring_second_factor


class SecondFactorRequiredMiddleware:
    """Users who can use a guarded area reach it only after MFA in this session.

    Whether the second factor is needed follows from what the user can do (see
    `accounts.roles`), checked on every request, so a permission granted after
    login takes effect at once. A user without TOTP is sent to set it up; one
    who has TOTP but logged in without it (for example by an e-mail code) is
    logged out and asked to log in again, which makes allauth ask for the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        area = area_requiring_second_factor(request.path, request.user)
        if area is not None and not session_used_mfa(request):
            return self._ask_for_mfa(request, area.prefix())
        return self.get_response(request)

    def _ask_for_mfa(self, request, next_url: str):
        if not has_authenticator(request.user):
            messages.warning(
                request,
                _(
                    "These pages require two-step verification. "
                    "Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        logout(request)
        messages.warning(
            request,
            _("Log in with your password and authenticator code to continue."),
        )
        return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
