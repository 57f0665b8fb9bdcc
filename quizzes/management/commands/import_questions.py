"""manage.py import_questions FILE --category NAME: GIFT or Moodle XML into the bank."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from quizzes.bank_sync import import_into_category
from quizzes.formats import parse_file
from quizzes.interchange import FatalImportError


class Command(BaseCommand):
    help = "Import questions from a GIFT (.gift, .txt) or Moodle XML (.xml) file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--category", required=True, help="Category to import into."
        )

    # Messages from the parsers are gettext strings; without this they would come
    # out in LANGUAGE_CODE (Finnish) among the command's own English lines.
    @no_translations
    def handle(self, *args, file: Path, category: str, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            result = parse_file(file.name, file.read_bytes())
            report = import_into_category(result, category_name=category)
        except FatalImportError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from error
        for problem in result.problems:
            self.stderr.write(f"skipped {problem}")
        self.stdout.write(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(result.problems)} skipped"
        )
