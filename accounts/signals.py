"""Counts a freshly activated authenticator as this session's second factor.

Activating TOTP requires a valid code from the app, which proves possession just
as a login would; without this the new facilitator would have to log out and in
again before reaching the admin.
"""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def record_new_authenticator(sender, request, user, authenticator, **kwargs):
    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(
            request, user, "mfa", id=authenticator.pk, type=authenticator.type
        )
