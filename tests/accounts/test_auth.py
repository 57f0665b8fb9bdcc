"""Signup, e-mail verification by code, login by code, and bad input on each."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from tests.accounts.helpers import code_from_mail
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Kuntatalous-2025!"


def _signup(client, email="uusi@example.fi"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def test_signup_requires_verification_by_code(client):
    response = _signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="uusi@example.fi")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert client.get(reverse("my_studies")).status_code == 302

    response = client.post(response.url, {"code": code_from_mail(mail.outbox[0])})

    assert EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("my_studies")).status_code == 200
    assert user.preferred_language == "fi"


def test_wrong_verification_code_is_refused_in_finnish(client):
    response = _signup(client)
    response = client.post(response.url, {"code": "XXXXXX"})
    assert response.status_code == 200
    assert "Koodi on väärin." in response.content.decode()
    assert not EmailAddress.objects.filter(verified=True).exists()


def test_signup_in_swedish_remembers_language(client):
    client.post(
        "/sv/konto/signup/",
        {
            "email": "ny@example.fi",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert User.objects.get(email="ny@example.fi").preferred_language == "sv"


def test_signup_with_existing_email_creates_nobody_and_tells_the_owner(client, trustee):
    _signup(client, email=trustee.email.upper())
    assert User.objects.filter(email__iexact=trustee.email).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [trustee.email]


def test_weak_password_is_refused_with_a_message(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "a@example.fi", "password1": "123", "password2": "123"},
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()


def test_login_with_password(client, trustee):
    response = client.post(
        reverse("account_login"), {"login": trustee.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("my_studies")


def test_wrong_password_gives_clear_message(client, trustee):
    response = client.post(
        reverse("account_login"), {"login": trustee.email, "password": "väärä"}
    )
    assert response.status_code == 200
    assert "Sähköpostiosoite tai salasana on väärin." in response.content.decode()


def test_login_bycode_from_mail(client, trustee):
    response = client.post(
        reverse("account_request_login_code"), {"email": trustee.email}
    )
    assert response.status_code == 302
    code = code_from_mail(mail.outbox[-1])
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("my_studies")).status_code == 200


def test_wrong_login_code_does_not_log_in(client, trustee):
    client.post(reverse("account_request_login_code"), {"email": trustee.email})
    response = client.post(reverse("account_confirm_login_code"), {"code": "ABCDEF"})
    assert response.status_code == 200
    assert client.get(reverse("my_studies")).status_code == 302


def test_logout(client, trustee):
    client.force_login(trustee)
    client.post(reverse("account_logout"))
    assert client.get(reverse("my_studies")).status_code == 302


def test_password_reset_sends_mail(client, trustee):
    response = client.post(reverse("account_reset_password"), {"email": trustee.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_allauth_rate_limits_are_on(settings):
    from allauth.account import app_settings

    assert app_settings.RATE_LIMITS.get("login_failed")
    assert settings.CACHES["default"]["BACKEND"] != (
        "django.core.cache.backends.dummy.DummyCache"
    )


@pytest.mark.parametrize(
    "url_name",
    [
        "account_login",
        "account_signup",
        "account_request_login_code",
        "account_reset_password",
    ],
)
def test_allauth_pages_use_site_layout_and_translation(client, url_name):
    for lang in ("fi", "sv", "en"):
        with translation.override(lang):
            url = reverse(url_name)
        html = client.get(url).content.decode()
        assert f'<html lang="{lang}">' in html
        assert 'class="skip-link"' in html
        assert html.count("<h1") == 1


def test_expired_login_code_does_not_log_in(client, trustee, settings):
    settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 0
    client.post(reverse("account_request_login_code"), {"email": trustee.email})
    code = code_from_mail(mail.outbox[-1])
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert client.get(reverse("my_studies")).status_code == 302
    assert response.status_code == 302
    assert response.url == reverse("account_request_login_code")


class CountingHasher(MD5PasswordHasher):
    """Counts the password hashes computed, the cost that told addresses apart."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


COUNTING = "tests.accounts.test_auth.CountingHasher"


@pytest.mark.parametrize("existing", [False, True])
def test_signup_costs_one_password_hash_whether_or_not_the_address_exists(
    client, trustee, settings, existing
):
    settings.PASSWORD_HASHERS = [COUNTING]
    CountingHasher.calls = 0
    response = _signup(client, email=trustee.email if existing else "uusi@example.fi")
    assert response.status_code == 302
    assert CountingHasher.calls == 1
    # Both answers look alike: a code was e-mailed (or an "exists" note).
    assert response.url == reverse("account_email_verification_sent")
