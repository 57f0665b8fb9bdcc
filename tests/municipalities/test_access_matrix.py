"""Every coordinator route × every role × own or another municipality.

The routes are read from the URLconf, so a page added later is in the matrix
at once. Only the municipality's own coordinator and administrators get in;
anonymous visitors are sent to log in; everyone else gets 404, whether the
municipality is someone else's or the user coordinates none.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.roles import FACILITATORS_GROUP
from municipalities import coordinator_urls
from municipalities.models import Invitation
from tests.factories import build_course, verified_user
from tests.municipalities.coordinator_helpers import (
    body,
    coordinate,
    login_with_second_factor,
    municipality,
    seat,
)

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "trustee",
    "trustee elsewhere",
    "coordinator",
    "coordinator elsewhere",
    "facilitator",
    "administrator",
]
LET_IN = {"coordinator", "administrator"}
# Routes that only take a POST; a GET there is refused by method first.
POST_ONLY = {"coordinator_invitation_resend", "coordinator_invitation_revoke"}


@pytest.fixture
def world():
    course = build_course(modules=1, lessons=1)
    home, away = municipality("091", "Helsinki"), municipality("049", "Espoo")
    home_body, away_body = body(home), body(away)
    people = {
        "trustee": verified_user(),
        "trustee elsewhere": verified_user(),
        "coordinator": verified_user(),
        "coordinator elsewhere": verified_user(),
        "facilitator": verified_user(),
        "administrator": verified_user(is_superuser=True, is_staff=True),
    }
    seat(people["trustee"], home_body)
    seat(people["trustee elsewhere"], away_body)
    coordinate(people["coordinator"], home)
    coordinate(people["coordinator elsewhere"], away)
    people["facilitator"].groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    invitation = Invitation.objects.create(
        municipality=home,
        body=home_body,
        email="kutsuttu@example.fi",
        first_name="K",
        last_name="K",
        created_by=people["coordinator"],
        expires_at=timezone.now() + timedelta(days=30),
        token="k" * 32,
    )
    return {
        "people": people,
        "kwargs": {
            "code": home.code,
            "module_id": course.get_children().first().pk,
            "pk": invitation.pk,
            "key": "0" * 22,
        },
    }


def _urls(kwargs):
    for pattern in coordinator_urls.urlpatterns:
        names = pattern.pattern.converters.keys()
        if "code" not in names:
            continue
        yield pattern.name, reverse(pattern.name, kwargs={k: kwargs[k] for k in names})


@pytest.mark.parametrize("role", ROLES)
def test_only_the_own_coordinator_and_administrators_get_in(client, world, role):
    if role != "anonymous":
        login_with_second_factor(client, world["people"][role])
    wrong = []
    for name, url in _urls(world["kwargs"]):
        response = client.post(url) if name in POST_ONLY else client.get(url)
        status = response.status_code
        if role == "anonymous":
            ok = status == 302 and reverse("account_login") in response.url
        elif role in LET_IN:
            # In: the page, a redirect after an action, or the preview's own
            # "expired" answer for a made-up key; never 404 or 5xx.
            ok = status in (200, 302, 400) and status != 404
        else:
            ok = status == 404
        if not ok:
            wrong.append(f"{name} {url} → {status}")
    assert wrong == [], role


def test_the_matrix_covers_every_coordinator_route(world):
    named = {
        p.name for p in coordinator_urls.urlpatterns if "code" in p.pattern.converters
    }
    assert {name for name, _url in _urls(world["kwargs"])} == named
    assert len(named) >= 10
