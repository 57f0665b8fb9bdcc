"""A municipality's trustees are the people with a current seat in its bodies."""

from datetime import date

import pytest

from municipalities.models import Body, Coordinator, Membership, Municipality
from municipalities.trustees import coordinated_by, is_coordinator, trustees_of
from tests.factories import verified_user

pytestmark = pytest.mark.django_db


def test_current_seats_of_this_municipality_only():
    home = Municipality.objects.create(code="091", name_fi="Helsinki")
    other = Municipality.objects.create(code="049", name_fi="Espoo")
    council = Body.objects.create(municipality=home, kind="council", name="Valtuusto")
    board = Body.objects.create(municipality=home, kind="board", name="Hallitus")
    elsewhere = Body.objects.create(
        municipality=other, kind="council", name="Valtuusto"
    )
    both, past, foreign, inactive = (verified_user() for _ in range(4))
    Membership.objects.create(user=both, body=council)
    Membership.objects.create(user=both, body=board, role="chair")
    Membership.objects.create(
        user=past, body=council, term_start=date(2021, 6, 1), term_end=date(2025, 5, 31)
    )
    Membership.objects.create(user=foreign, body=elsewhere)
    inactive.is_active = False
    inactive.save()
    Membership.objects.create(user=inactive, body=council)
    assert list(trustees_of(home, on=date(2026, 1, 1))) == [both]
    assert list(trustees_of(home, on=date(2024, 1, 1))) == [past]


def test_coordinators_coordinate_their_own_municipalities():
    home = Municipality.objects.create(code="091", name_fi="Helsinki")
    Municipality.objects.create(code="049", name_fi="Espoo")
    coordinator, trustee = verified_user(), verified_user()
    Coordinator.objects.create(user=coordinator, municipality=home)
    assert list(coordinated_by(coordinator)) == [home]
    assert is_coordinator(coordinator) and not is_coordinator(trustee)
