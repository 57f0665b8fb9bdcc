"""`manage.py create_demo_users` makes the logins README lists, again and again."""

import io

import pytest
from django.core.management import call_command

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from accounts.roles import can_access_admin
from municipalities.models import Coordinator

pytestmark = pytest.mark.django_db


def test_demo_users_can_log_in_in_their_roles(client):
    call_command("create_demo_users", stdout=io.StringIO())
    call_command("create_demo_users", stdout=io.StringIO())  # safe to run again

    users = {user.email: user for user in User.objects.all()}
    assert set(users) == {
        "trustee@silta.example",
        "coordinator@silta.example",
        "facilitator@silta.example",
    }
    assert all(user.check_password(DEMO_PASSWORD) for user in users.values())
    assert can_access_admin(users["facilitator@silta.example"])
    assert not can_access_admin(users["trustee@silta.example"])
    coordinator = Coordinator.objects.get()
    assert coordinator.user == users["coordinator@silta.example"]
    assert coordinator.municipality.code == "091"
