"""Counts a freshly activated authenticator as this session's second factor.

Activating TOTP requires a valid code from the app, which proves possession just
as a login would; without this the new facilitator would have to log out and in
again before reaching the admin.
"""

from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver

from accounts.mfa import record_totp_activation


@receiver(authenticator_added)
def record_new_authenticator(sender, request, user, authenticator, **kwargs):
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_totp_activation(request, user)
