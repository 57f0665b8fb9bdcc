"""Roles are decided by what a user can do, in one place."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from accounts.roles import (
    FACILITATORS_GROUP,
    GuardedArea,
    area_requiring_second_factor,
    can_access_admin,
    register_guarded_area,
)
from tests.factories import verified_user

pytestmark = pytest.mark.django_db


def test_admin_access_follows_group_permission_and_superuser():
    trustee = verified_user()
    member = verified_user(is_staff=False)
    member.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    direct = verified_user()
    direct.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    superuser = verified_user(is_superuser=True, is_staff=False)
    inactive = verified_user(is_superuser=True, is_active=False)
    staff_only = verified_user(is_staff=True)  # the flag alone opens nothing
    assert [
        can_access_admin(user)
        for user in (trustee, member, direct, superuser, inactive, staff_only)
    ] == [False, True, True, True, False, False]


def test_area_applies_only_to_users_who_can_use_it():
    member = verified_user()
    member.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    trustee = verified_user()
    admin = reverse("wagtailadmin_home")
    assert area_requiring_second_factor(f"{admin}pages/", member).name == "admin"
    assert area_requiring_second_factor(f"{admin}pages/", trustee) is None
    assert area_requiring_second_factor("/oma-opiskelu/", member) is None


def test_a_higher_app_can_register_an_area(monkeypatch):
    from accounts import roles

    monkeypatch.setattr(roles, "_AREAS", dict(roles._AREAS))
    coordinator, trustee = verified_user(), verified_user()
    register_guarded_area(
        GuardedArea("reports", lambda: "/raportit/", lambda u: u.pk == coordinator.pk)
    )
    assert area_requiring_second_factor("/raportit/x/", coordinator).name == "reports"
    assert area_requiring_second_factor("/raportit/x/", trustee) is None
