"""Real allauth flows for tests: log in with a password and a TOTP code."""

import re
import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse

from tests.factories.accounts import PASSWORD


def activate_totp(user) -> str:
    """Give `user` a TOTP authenticator; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def login_with_mfa(client, user, secret: str):
    """Log in through allauth's login and MFA stages, as a browser would."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content
    assert response.url == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302, response.content
    assert Authenticator.objects.filter(user=user).exists()
    return response


CODE = re.compile(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", re.MULTILINE)


def code_from_mail(message) -> str:
    """The one-time code allauth put on a line of its own in an e-mail."""
    match = CODE.search(message.body)
    assert match, message.body
    return match.group(1)


def log_in(client, user) -> None:
    """Log in through allauth's form, which records the login in the session."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content


def reauthenticate(client) -> None:
    """Confirm the password again, as allauth asks before sensitive actions."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content
