"""The network view in the admin: facilitators and administrators only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import FACILITATORS_GROUP
from municipalities.models import Municipality
from tests.factories import verified_user
from tests.municipalities.coordinator_helpers import (
    coordinate,
    login_with_second_factor,
)
from tests.municipalities.test_network import course, populate  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(course):  # noqa: F811
    populate("001", 10, done=4)
    populate("002", 3, done=3)
    Municipality.objects.create(code="003", name_fi="Ulkona")


def facilitator():
    user = verified_user()
    user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return user


INDEX = "municipalities_network"


@pytest.mark.parametrize("who", [facilitator, lambda: verified_user(is_superuser=True)])
def test_facilitators_and_administrators_see_every_member(client, network, who):
    login_with_second_factor(client, who())
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    html = response.text
    assert "Kunta 001" in html and "Kunta 002" in html and "Ulkona" not in html
    assert "<td>10</td>" in html and "<td>40 %</td>" in html
    assert "<td>13</td>" in html and "<td>54 %</td>" in html  # the network, 7/13
    assert "liian vähän näytettäväksi" in html  # Kunta 002
    assert "Verkoston suoritukset" in html  # the menu item and title


def test_the_drill_down_shows_rates_as_progress_bars(client, network):
    login_with_second_factor(client, facilitator())
    url = reverse("municipalities_network_municipality", args=["001"])
    response = client.get(url)
    assert response.status_code == 200
    assert response.text.count("<progress ") == 2
    assert "4 / 10" in response.text
    small = client.get(reverse("municipalities_network_municipality", args=["002"]))
    assert "<progress " not in small.text and "Liian vähän" in small.text
    for code in ["003", "999", "abc"]:
        url = reverse("municipalities_network_municipality", args=[code])
        assert client.get(url).status_code == 404


def test_facilitators_need_the_second_factor(client, network):
    client.force_login(facilitator())
    response = client.get(reverse(INDEX))
    assert response.status_code == 302 and reverse(INDEX) not in response.url


def test_coordinators_trustees_and_anonymous_do_not_see_it(client, network):
    url = reverse(INDEX)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response.url
    coordinator = verified_user()
    coordinate(coordinator, Municipality.objects.get(code="001"))
    for user in [coordinator, verified_user()]:
        login_with_second_factor(client, user)
        response = client.get(url)
        assert response.status_code != 200
        assert "40 %" not in response.text
        drill = client.get(reverse("municipalities_network_municipality", args=["001"]))
        assert drill.status_code != 200
        client.logout()
