"""`manage.py erase_user EMAIL --yes`: erase a person (see accounts.privacy)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.privacy import erase_user


class Command(BaseCommand):
    help = (
        "Erase a user: delete their personal data and keep their submitted quiz "
        "attempts only as anonymous statistics. Cannot be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm; nothing happens without it."
        )

    def handle(self, *args, email, yes, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user has the address {email}.")
        if not yes:
            raise CommandError("Erasing cannot be undone: add --yes to confirm.")
        erase_user(user, by_self=False)
        self.stdout.write(f"Erased {email}.")
