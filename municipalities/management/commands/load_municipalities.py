"""`manage.py load_municipalities`: the municipality list, from the CSV in the repo."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from municipalities.loader import DATA_FILE, MalformedFile, load_municipalities


class Command(BaseCommand):
    help = (
        "Create or update municipalities by code from a CSV file (names, "
        "population, area, wellbeing services county). Never changes network "
        "membership. A malformed file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=DATA_FILE,
            help="CSV file (default: %(default)s)",
        )

    def handle(self, *args, **options):
        try:
            counts = load_municipalities(path=options["file"])
        except MalformedFile as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        self.stdout.write(
            f"Municipalities: {counts.created} created, {counts.updated} updated, "
            f"{counts.unchanged} unchanged."
        )
