"""`manage.py create_demo_users`: the demo logins that `make run` prints."""

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD
from municipalities.demo import create_demo_users


class Command(BaseCommand):
    help = "Create or reset the demo trustee, coordinator and facilitator."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for demo in create_demo_users():
            self.stdout.write(f"  {demo.role:<12} {demo.email}")
        self.stdout.write(
            "The facilitator sets up an authenticator app (TOTP) on the first visit "
            "to /admin/; the admin requires it."
        )
