"""The Wagtail admin is reachable only through allauth with MFA, and only for staff."""

import json

import pytest
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from courses.models import LessonPage
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import LessonPageFactory, verified_user
from tests.factories.accounts import PASSWORD

pytestmark = pytest.mark.django_db

DRAFTAIL_PARAGRAPH = {
    "blocks": [
        {
            "key": "a",
            "text": "Uusi teksti.",
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
    ],
    "entityMap": {},
}


@pytest.fixture
def facilitator(db):
    from django.contrib.auth.models import Group

    user = verified_user(email="fasilitaattori@example.fi", is_staff=True)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return user


def test_wagtail_login_redirects_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=%2Fadmin%2Fpages%2F" in response.url


def test_wagtail_login_post_cannot_authenticate(client, facilitator):
    response = client.post(
        "/admin/login/", {"username": facilitator.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_admin_login_redirect_ignores_foreign_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert "evil" not in response.url


def test_anonymous_is_sent_to_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert reverse("account_login") in response.url


@pytest.mark.parametrize("is_coordinator", [False, True])
def test_trustee_and_coordinator_cannot_use_admin(client, is_coordinator):
    user = verified_user()
    if is_coordinator:
        from municipalities.models import Coordinator, Municipality

        Coordinator.objects.create(
            user=user, municipality=Municipality.objects.create(code="001", name_fi="A")
        )
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_staff_without_authenticator_must_set_one_up(client, facilitator):
    client.force_login(facilitator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_staff_logged_in_without_second_factor_is_logged_out(client, facilitator):
    activate_totp(facilitator)
    client.force_login(facilitator)  # as after a login by e-mail code
    response = client.get("/admin/")
    assert response.status_code == 302
    assert reverse("account_login") in response.url
    assert "_auth_user_id" not in client.session


def test_password_login_of_staff_with_totp_asks_for_the_code(client, facilitator):
    activate_totp(facilitator)
    response = client.post(
        reverse("account_login"), {"login": facilitator.email, "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


def test_wrong_totp_code_is_refused(client, facilitator):
    activate_totp(facilitator)
    client.post(
        reverse("account_login"), {"login": facilitator.email, "password": PASSWORD}
    )
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_facilitator_with_mfa_edits_and_publishes_a_lesson(client, facilitator):
    lesson = LessonPageFactory(title="Vanha otsikko")
    secret = activate_totp(facilitator)
    login_with_mfa(client, facilitator, secret)

    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        {
            "title": "Uusi otsikko",
            "slug": lesson.slug,
            "summary": "Päivitetty",
            "estimated_minutes": "12",
            "content_checked": "2026-11-30",
            "body_language": "fi",
            "body-count": "1",
            "body-0-type": "rich_text",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value": json.dumps(DRAFTAIL_PARAGRAPH),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "Uusi otsikko"
    assert lesson.live and not lesson.has_unpublished_changes
    assert "Uusi teksti." in client.get(lesson.url).content.decode()


def _facilitator_made_in_wagtails_users_screen():
    """Wagtail's Users screen adds people to groups without setting is_staff."""
    from django.contrib.auth.models import Group

    user = verified_user(email="uusi.fasilitaattori@example.fi", is_staff=False)
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return user


def test_group_member_without_is_staff_must_set_up_a_second_factor(client):
    user = _facilitator_made_in_wagtails_users_screen()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_group_member_with_totp_but_no_code_this_session_is_logged_out(client):
    user = _facilitator_made_in_wagtails_users_screen()
    activate_totp(user)
    client.force_login(user)  # as after a login by e-mail code
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("is_staff", [True, False])
def test_superuser_needs_the_second_factor(client, is_staff):
    user = verified_user(email="admin@example.fi", is_superuser=True, is_staff=is_staff)
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.url == reverse("mfa_activate_totp")
    secret = activate_totp(user)
    client.logout()
    login_with_mfa(client, user, secret)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_admin_permission_granted_after_login_requires_the_second_factor(client):
    from django.contrib.auth.models import Permission

    user = verified_user(email="myohemmin@example.fi")
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    admin = reverse("wagtailadmin_home")
    # Not allowed in yet: Wagtail itself sends the trustee away, still logged in.
    assert client.get(admin).url.startswith(reverse("account_login"))
    assert client.session["_auth_user_id"] == str(user.pk)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    response = client.get(admin)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.django_db(transaction=True)  # the signal is sent after the commit
def test_activating_totp_counts_as_this_sessions_second_factor(
    migrated_data, client, facilitator
):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    from tests.accounts.helpers import current_code

    client.post(
        reverse("account_login"), {"login": facilitator.email, "password": PASSWORD}
    )
    assert client.get(reverse("wagtailadmin_home")).url == reverse("mfa_activate_totp")
    # allauth asks for the password again before an authenticator is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.logout()
    client.force_login(facilitator)  # as after a later login by e-mail code
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
