"""Bench data: trustee accounts with some progress, and the URLs to load.

Run by `bench/run.py` with the bench database in DATABASE_URL, after the
curriculum, quizzes and demo users are loaded. Writes one JSON object to stdout
so the runner learns the page URLs without hard-coding the curriculum's slugs.
"""

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_EMAIL = "bench-{:03d}@silta.example"


def setup_django():
    """Make the project importable and configured, as manage.py would."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def create_trustees(count: int, lessons: list) -> list[str]:
    """Users with verified e-mail, each having done a different share of lessons.

    One password hash serves every account: hashing 50 times would cost more
    time than the whole setup, and the login cost per request is the same.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User
    from courses.models import LessonCompletion

    emails = [BENCH_EMAIL.format(i) for i in range(count)]
    User.objects.filter(email__in=emails).delete()
    password = make_password(DEMO_PASSWORD)
    users = User.objects.bulk_create(
        User(email=email, first_name="Bench", last_name=f"{i}", password=password)
        for i, email in enumerate(emails)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users
    )
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=user, lesson=lesson)
        for i, user in enumerate(users)
        for lesson in lessons[: i % (len(lessons) + 1)]
    )
    return emails


def pick_pages() -> dict[str, str]:
    """The course, its largest module and that module's first lesson."""
    from courses.models import CoursePage, LessonPage, ModulePage

    course = CoursePage.objects.live().order_by("path").first()
    modules = ModulePage.objects.live().descendant_of(course).order_by("path")
    module = max(modules, key=lambda m: LessonPage.objects.live().child_of(m).count())
    lesson = LessonPage.objects.live().child_of(module).order_by("path").first()
    return {"course": course.url, "module": module.url, "lesson": lesson.url}


def clear_login_rate_limits():
    """Forget earlier runs' logins, which allauth limits to 30 a minute per IP."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("allauth:rl:*")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    args = parser.parse_args()
    setup_django()

    from courses.models import LessonPage

    lessons = list(LessonPage.objects.live().order_by("path"))
    emails = create_trustees(args.users, lessons)
    clear_login_rate_limits()
    sys.stdout.write(json.dumps({"users": emails, "pages": pick_pages()}) + "\n")


if __name__ == "__main__":
    main()
