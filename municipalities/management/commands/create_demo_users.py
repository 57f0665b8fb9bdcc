"""`manage.py create_demo_users`: the demo logins that `make run` prints, and the
demo network of municipalities with trustees and their progress."""

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD
from municipalities.demo import create_demo_users


class Command(BaseCommand):
    help = (
        "Create or reset the demo trustee, coordinator and facilitator, and demo "
        "trustees with progress in a few network municipalities."
    )

    def handle(self, *args, **options):
        report = create_demo_users()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for demo in report.logins:
            self.stdout.write(f"  {demo.role:<12} {demo.email}")
        names = ", ".join(m.name_fi for m in report.municipalities)
        self.stdout.write(
            f"Plus {report.trustees} demo trustees (demo-CODE-NN@silta.example) "
            f"in the network municipalities {names}"
            + (
                ", with study progress."
                if report.with_progress
                else "; no study progress, as no course is loaded yet."
            )
        )
        self.stdout.write(
            "The facilitator sets up an authenticator app (TOTP) on the first visit "
            "to /admin/; the admin requires it."
        )
