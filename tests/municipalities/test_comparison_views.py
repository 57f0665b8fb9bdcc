"""The comparison page: who may open it, what it shows, bad peer codes."""

import pytest
from django.urls import reverse

from tests.factories import verified_user
from tests.municipalities.coordinator_helpers import (
    coordinate,
    login_with_second_factor,
)
from tests.municipalities.test_network import course, populate  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(course):  # noqa: F811
    users = populate("001", 10, done=4, population=10_000)
    populate("002", 6, done=3, population=9_000)
    populate("003", 3, done=3, population=8_000)
    return users


@pytest.fixture
def coordinator(home):
    from municipalities.models import Municipality

    user = verified_user(first_name="Kaisa", last_name="Koordinaattori")
    coordinate(user, Municipality.objects.get(code="001"))
    return user


def page(code="001"):
    return reverse("coordinator_comparison", args=[code])


def test_the_coordinator_sees_rates_chart_table_and_suggestions(
    client, coordinator, home
):
    login_with_second_factor(client, coordinator)
    response = client.get(page() + "?peers=002+003")
    assert response.status_code == 200
    html = response.text
    assert 'role="img"' in html and "<rect " in html
    assert "<td>40 %</td>" in html and "<td>50 %</td>" in html
    assert "<td>liian vähän näytettäväksi</td>" in html  # Kunta 003, three trustees
    assert "Väkiluvultaan samankokoiset" in html and "?peers=002%20003" in html
    assert home[0].email not in html


def test_unknown_codes_get_a_clear_message_and_400(client, coordinator):
    login_with_second_factor(client, coordinator)
    response = client.get(page() + "?peers=002+777")
    assert response.status_code == 400
    assert "Millään kunnalla ei ole kuntanumeroa 777." in response.text
    assert 'aria-invalid="true"' in response.text
    assert "<td>40 %</td>" in response.text  # own and network still shown


def test_a_long_garbage_query_is_a_message_not_an_error(client, coordinator):
    login_with_second_factor(client, coordinator)
    response = client.get(page() + "?peers=" + "%00x" * 300)
    assert response.status_code == 400


def test_the_swedish_page(client, coordinator):
    login_with_second_factor(client, coordinator)
    response = client.get("/sv/kontaktperson/001/jamforelse/")
    assert "Jämförelse: Kunta 001" in response.text


def test_another_municipality_trustees_and_anonymous_are_kept_out(client, coordinator):
    login_with_second_factor(client, coordinator)
    assert client.get(page("002")).status_code == 404
    assert client.get(page("999")).status_code == 404
    client.logout()
    response = client.get(page())
    assert response.status_code == 302 and "login" in response.url
    login_with_second_factor(client, verified_user())
    assert client.get(page()).status_code == 404


def test_a_second_factor_is_required(client, coordinator):
    client.force_login(coordinator)
    response = client.get(page())
    assert response.status_code == 302 and page() not in response.url


def test_an_administrator_may_compare_any_municipality(client, home):
    login_with_second_factor(client, verified_user(is_superuser=True))
    assert client.get(page("002")).status_code == 200
