"""Guards the Wagtail admin with allauth's MFA."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.mfa import has_authenticator, mfa_required, session_used_mfa

ADMIN_PREFIX = "/admin/"


class AdminRequiresMFAMiddleware:
    """Staff reach /admin/ only after a second factor in this session.

    A staff member without TOTP is sent to set it up; one who has TOTP but logged
    in without it (for example by an e-mail code) is logged out and asked to log
    in again, which makes allauth ask for the code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and mfa_required(request.user):
            if not session_used_mfa(request):
                return self._ask_for_mfa(request)
        return self.get_response(request)

    def _ask_for_mfa(self, request):
        if not has_authenticator(request.user):
            messages.warning(
                request,
                _(
                    "The admin requires two-step verification. "
                    "Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        logout(request)
        messages.warning(
            request,
            _("Log in with your password and authenticator code to use the admin."),
        )
        return redirect(f"{reverse('account_login')}?next={ADMIN_PREFIX}")
