"""The demo coordinator, beside the trustee and facilitator that accounts makes."""

from django.db import transaction

from accounts.demo import DemoUser, create_account_demo_users, create_demo_user
from municipalities.models import Coordinator, Municipality

COORDINATOR = DemoUser(
    "coordinator@silta.example", "Kalle", "Kunnansihteeri", "coordinator"
)


@transaction.atomic
def create_demo_users() -> list[DemoUser]:
    """Create (or reset) every demo account; safe to run again."""
    municipality, _ = Municipality.objects.get_or_create(
        code="091", defaults={"name_fi": "Helsinki", "name_sv": "Helsingfors"}
    )
    Coordinator.objects.get_or_create(
        user=create_demo_user(COORDINATOR), municipality=municipality
    )
    return [*create_account_demo_users(), COORDINATOR]
