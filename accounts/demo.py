"""Demo people for `make run` that need nothing above accounts: a trustee and a
facilitator. The coordinator is added by `municipalities.demo`, which owns
coordinators; `bench/` reads DEMO_PASSWORD from this file by path."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import FACILITATORS_GROUP

DEMO_PASSWORD = "silta-demo-2025"


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    last_name: str
    role: str


TRUSTEE = DemoUser("trustee@silta.example", "Tiina", "Valtuutettu", "trustee")
FACILITATOR = DemoUser(
    "facilitator@silta.example", "Fanni", "Fasilitaattori", "facilitator"
)


def create_demo_user(demo: DemoUser) -> User:
    """Create (or reset) one demo account with a verified e-mail address."""
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
    return user


def create_account_demo_users() -> list[DemoUser]:
    """The trustee and the facilitator (a member of the facilitators' group)."""
    create_demo_user(TRUSTEE)
    facilitator = create_demo_user(FACILITATOR)
    facilitator.groups.add(Group.objects.get(name=FACILITATORS_GROUP))
    return [TRUSTEE, FACILITATOR]
