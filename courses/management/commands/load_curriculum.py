"""`manage.py load_curriculum`: build or update the course from courses/curriculum/."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from courses.loader import CURRICULUM_DIR, CurriculumError, load_curriculum


class Command(BaseCommand):
    help = (
        "Create or update the course, its modules and lessons from the content files. "
        "Pages changed by an editor since the last load are kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=CURRICULUM_DIR)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite pages that an editor has changed since the last load.",
        )

    def handle(self, *args, path, force, **options):
        try:
            report = load_curriculum(root=path, force=force)
        except CurriculumError as error:
            raise CommandError(str(error)) from error
        for label, paths in (
            ("created", report.created),
            ("updated", report.updated),
            (
                "kept (edited in the admin; use --force to overwrite)",
                report.skipped_edited,
            ),
        ):
            for item in paths:
                self.stdout.write(f"{label}: {item}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Curriculum loaded: {len(report.created)} created, "
                f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
                f"{len(report.skipped_edited)} kept; "
                f"{report.glossary_added} new glossary terms."
            )
        )
