"""`manage.py export_user_data EMAIL`: what Silta stores about a person, as JSON."""

import json

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.privacy import export_user_data


class Command(BaseCommand):
    help = "Print a user's personal data as JSON (for a subject access request)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user has the address {email}.")
        self.stdout.write(
            json.dumps(export_user_data(user), ensure_ascii=False, indent=2)
        )
