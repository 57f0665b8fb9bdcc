"""Who may open which coordinator page, and the second factor in front of them.

Decisions (docs/roles.md): anonymous visitors are sent to log in; a logged-in
user who may not see a municipality gets 404, as if it had no dashboard; an
administrator may see every municipality's. Coordinators and administrators
need a second factor in the session first.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from accounts.roles import FACILITATORS_GROUP
from tests.accounts.helpers import activate_totp, login_with_mfa
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    body,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db

HOME, OTHER = "091", "049"
ROLES = [
    "anonymous",
    "trustee",
    "trustee_elsewhere",
    "coordinator",
    "coordinator_elsewhere",
    "facilitator",
    "administrator",
]
PAGES = ["coordinator_dashboard", "coordinator_export_csv", "coordinator_export_xlsx"]
# Who sees each municipality's pages; everyone else logged in gets 404.
ALLOWED = {
    HOME: {"coordinator", "administrator"},
    OTHER: {"coordinator_elsewhere", "administrator"},
}


@pytest.fixture
def people(db):
    build_course(modules=1, lessons=1)
    home, other = municipality(HOME, "Helsinki"), municipality(OTHER, "Espoo")
    users = {role: verified_user() for role in ROLES if role != "anonymous"}
    seat(users["trustee"], body(home))
    seat(users["trustee_elsewhere"], body(other))
    coordinate(users["coordinator"], home)
    coordinate(users["coordinator_elsewhere"], other)
    users["facilitator"].groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    users["administrator"].is_superuser = True
    users["administrator"].save()
    return users


def as_role(client, people, role):
    """A client for `role`, with a second factor used (so only authorization counts)."""
    if role != "anonymous":
        login_with_second_factor(client, people[role])
    return client


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("code", [HOME, OTHER])
@pytest.mark.parametrize("role", ROLES)
def test_role_by_municipality_matrix(client, people, role, code, page):
    response = as_role(client, people, role).get(reverse(page, args=[code]))
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    elif role in ALLOWED[code]:
        assert response.status_code == 200
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status", "goes_to"),
    [
        ("anonymous", 302, "account_login"),
        ("trustee", 404, None),
        ("trustee_elsewhere", 404, None),
        ("coordinator", 302, HOME),
        ("coordinator_elsewhere", 302, OTHER),
        ("facilitator", 404, None),
        ("administrator", 200, None),
    ],
)
def test_index_by_role(client, people, role, status, goes_to):
    response = as_role(client, people, role).get(reverse("coordinator_index"))
    assert response.status_code == status
    if goes_to == "account_login":
        assert response.url.startswith(reverse("account_login"))
    elif goes_to:
        assert response.url == reverse("coordinator_dashboard", args=[goes_to])


def test_coordinator_of_several_chooses(client, people):
    coordinate(people["coordinator"], municipality("092", "Vantaa"))
    response = as_role(client, people, "coordinator").get(reverse("coordinator_index"))
    assert response.status_code == 200
    assert reverse("coordinator_dashboard", args=["092"]) in response.text
    assert reverse("coordinator_dashboard", args=[HOME]) in response.text
    assert reverse("coordinator_dashboard", args=[OTHER]) not in response.text


def test_administrator_sees_every_municipality_but_not_a_missing_one(client, people):
    client = as_role(client, people, "administrator")
    response = client.get(reverse("coordinator_index"))
    assert "Helsinki" in response.text and "Espoo" in response.text
    assert client.get(reverse("coordinator_dashboard", args=["999"])).status_code == 404


def test_inactive_coordinator_is_refused(client, people):
    coordinator = people["coordinator"]
    login_with_second_factor(client, coordinator)
    coordinator.is_active = False
    coordinator.save()
    response = client.get(reverse("coordinator_dashboard", args=[HOME]))
    assert response.status_code in (302, 404)


@pytest.mark.parametrize("role", ["coordinator", "administrator"])
def test_without_an_authenticator_one_is_sent_to_set_it_up(client, people, role):
    client.force_login(people[role])
    response = client.get(reverse("coordinator_dashboard", args=[HOME]))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_logged_in_without_the_code_means_logging_in_again(client, people):
    coordinator = people["coordinator"]
    activate_totp(coordinator)
    client.force_login(coordinator)  # e.g. by an e-mail code: one factor
    response = client.get(reverse("coordinator_dashboard", args=[HOME]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" + reverse("coordinator_index").replace("/", "%2F") in response.url
    assert "_auth_user_id" not in client.session


def test_with_password_and_code_the_coordinator_gets_in(client, people):
    coordinator = people["coordinator"]
    login_with_mfa(client, coordinator, activate_totp(coordinator))
    response = client.get(reverse("coordinator_dashboard", args=[HOME]))
    assert response.status_code == 200
    assert "Helsinki" in response.text


def test_swedish_pages_are_guarded_too(client, people):
    client.force_login(people["coordinator"])
    with translation.override("sv"):
        dashboard, activate = (
            reverse("coordinator_dashboard", args=[HOME]),
            reverse("mfa_activate_totp"),
        )
    assert dashboard.startswith("/sv/")
    response = client.get(dashboard)
    assert response.status_code == 302
    assert response.url == activate


def test_the_second_factor_is_not_asked_of_those_who_may_not_enter(client, people):
    """Asking a trustee for a code would only reveal that the area exists."""
    client.force_login(people["trustee"])
    response = client.get(reverse("coordinator_dashboard", args=[HOME]))
    assert response.status_code == 404
