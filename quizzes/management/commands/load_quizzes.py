"""manage.py load_quizzes: the curriculum's quiz.gift files into quizzes under modules.

For each courses/curriculum/<module dir>/quiz.gift: import the questions into a
category named after the module, and create or update a published QuizPage
under the module loaded from <module dir>/module.md. Running it twice changes
nothing; a quiz page an editor has changed since is left alone unless --force.
"""

from django.core.management.base import BaseCommand, CommandError, no_translations

from quizzes.interchange import FatalImportError
from quizzes.loader import load_quizzes


class Command(BaseCommand):
    help = "Import each module's quiz.gift and create or update its quiz page."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true")

    # Messages from the parsers are gettext strings; without this they would come
    # out in LANGUAGE_CODE (Finnish) among the command's own English lines.
    @no_translations
    def handle(self, *args, force: bool, **options):
        try:
            report = load_quizzes(force=force)
        except FatalImportError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
