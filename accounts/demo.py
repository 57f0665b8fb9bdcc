"""Demo people for `make run`: one trustee, one coordinator and one facilitator."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import User
from municipalities.models import Coordinator, Municipality

DEMO_PASSWORD = "silta-demo-2025"
FACILITATORS_GROUP = "Facilitators"


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str


DEMO_USERS = [
    DemoUser("trustee@silta.example", "Tiina", "Valtuutettu", "trustee"),
    DemoUser("coordinator@silta.example", "Kalle", "Kunnansihteeri", "coordinator"),
    DemoUser("facilitator@silta.example", "Fanni", "Fasilitaattori", "facilitator"),
]


@transaction.atomic
def create_demo_users() -> list[DemoUser]:
    """Create (or reset) the demo accounts with verified e-mail; safe to run again."""
    municipality, _ = Municipality.objects.get_or_create(
        code="091", defaults={"name_fi": "Helsinki", "name_sv": "Helsingfors"}
    )
    for demo in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            email=demo.email,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "is_staff": demo.role == "facilitator",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=demo.email, defaults={"verified": True, "primary": True}
        )
        if demo.role == "facilitator":
            user.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
        if demo.role == "coordinator":
            Coordinator.objects.get_or_create(user=user, municipality=municipality)
    return DEMO_USERS
