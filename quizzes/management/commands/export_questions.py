"""manage.py export_questions --category NAME [--format gift|xml] [--output FILE]."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from quizzes.bank_sync import question_data
from quizzes.gift import write_gift
from quizzes.models import Question, QuestionCategory
from quizzes.moodle_xml import write_moodle_xml


class Command(BaseCommand):
    help = "Export a category of the question bank as GIFT or Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("--category", required=True)
        parser.add_argument("--format", choices=["gift", "xml"], default="xml")
        parser.add_argument(
            "--output", type=Path, help="File to write (default: stdout)."
        )

    # Messages from the parsers are gettext strings; without this they would come
    # out in LANGUAGE_CODE (Finnish) among the command's own English lines.
    @no_translations
    def handle(self, *args, category: str, format: str, output: Path | None, **options):
        found = QuestionCategory.objects.filter(name=category).first()
        if found is None:
            raise CommandError(f"No category named {category!r}.")
        questions = [
            question_data(q)
            for q in Question.objects.filter(category=found)
            .order_by("pk")
            .prefetch_related("choices")
        ]
        if format == "gift":
            text, problems = write_gift(questions, category=category)
            for problem in problems:
                self.stderr.write(f"not exported {problem}")
        else:
            text = write_moodle_xml(questions, category=category)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
