"""Who must use multi-factor authentication, and whether this session did.

Login by code proves only that a person can read a mailbox: one factor. Staff
must have an authenticator and must have used it in this session before they
reach the Wagtail admin.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator


def mfa_required(user) -> bool:
    """Staff (facilitators and administrators) must use MFA for the admin."""
    return user.is_authenticated and (user.is_staff or user.is_superuser)


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def session_used_mfa(request) -> bool:
    """True when this session's login included a second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
