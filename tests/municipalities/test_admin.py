"""The "Municipalities" admin menu is for administrators only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from municipalities.models import Body, Membership, Municipality
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import verified_user

pytestmark = pytest.mark.django_db

NAMESPACES = [
    "municipalities_municipality",
    "municipalities_body",
    "municipalities_membership",
    "municipalities_coordinator",
]


def logged_in(client, user):
    login_with_mfa(client, user, activate_totp(user))
    return client


@pytest.fixture
def administrator(client):
    return logged_in(client, verified_user(is_superuser=True))


@pytest.fixture
def facilitator(client):
    user = verified_user()
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return logged_in(client, user)


@pytest.fixture
def helsinki(db):
    return Municipality.objects.create(code="091", name_fi="Helsinki", population=1)


@pytest.mark.parametrize("namespace", NAMESPACES)
@pytest.mark.parametrize("view", ["index", "add"])
def test_administrator_opens_every_list_and_form(
    administrator, helsinki, namespace, view
):
    assert administrator.get(reverse(f"{namespace}:{view}")).status_code == 200


@pytest.mark.parametrize("namespace", NAMESPACES)
@pytest.mark.parametrize("view", ["index", "add"])
def test_facilitator_cannot_open_them(facilitator, helsinki, namespace, view):
    response = facilitator.get(reverse(f"{namespace}:{view}"))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url != reverse(f"{namespace}:{view}")


def test_facilitator_menu_has_no_municipalities(facilitator):
    response = facilitator.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert reverse("municipalities_municipality:index") not in response.text


def test_municipality_list_searches_and_filters(administrator, helsinki):
    Municipality.objects.create(code="049", name_fi="Espoo", in_network=True)
    index = reverse("municipalities_municipality:index")

    found = administrator.get(index, {"q": "Hels"}).text
    assert "Helsinki" in found and "Espoo" not in found
    in_network = administrator.get(index, {"in_network": "true"}).text
    assert "Espoo" in in_network and "Helsinki" not in in_network
    assert administrator.get(index, {"area": "aland"}).status_code == 200


def test_membership_term_ending_before_it_starts_is_refused(administrator, helsinki):
    body = Body.objects.create(municipality=helsinki, kind="council", name="Valtuusto")
    trustee = verified_user()

    response = administrator.post(
        reverse("municipalities_membership:add"),
        {
            "user": trustee.pk,
            "body": body.pk,
            "role": "member",
            "term_start": "2029-05-31",
            "term_end": "2025-06-01",
        },
    )

    assert response.status_code == 200
    assert not Membership.objects.exists()
