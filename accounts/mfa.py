"""Whether a user has an authenticator, and whether this session used it.

Login by code proves only that a person can read a mailbox: one factor. Who
must use a second factor, and where, is decided in `accounts.roles`.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def session_used_mfa(request) -> bool:
    """True when this session's login included a second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
