"""Whether a user has an authenticator, and whether this session used it.

Login by code proves only that a person can read a mailbox: one factor. Who
must use a second factor, and where, is decided in `accounts.roles`.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator

# Set when this session activated a TOTP authenticator; holds the user's id so
# that it never counts for anyone else. allauth has no public way to add to its
# own record of authentications, so Silta keeps this one beside it.
TOTP_ACTIVATED_SESSION_KEY = "silta_totp_activated_by"


def has_authenticator(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def record_totp_activation(request, user) -> None:
    """Count activating TOTP (which needs a valid code) as this session's factor."""
    request.session[TOTP_ACTIVATED_SESSION_KEY] = str(user.pk)


def session_used_mfa(request) -> bool:
    """True when this session's login included a second factor."""
    records = get_authentication_records(request, request.user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    return request.session.get(TOTP_ACTIVATED_SESSION_KEY) == str(request.user.pk)
